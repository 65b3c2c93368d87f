package dev.recipediff.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.EventType;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.NotificationKeyFilter;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.notifications.LambdaDestination;
import software.constructs.Construct;

/**
 * The files bucket ({@code {kitchen}/recipes/…}, {@code {kitchen}/makes/…}, {@code {kitchen}/rejected/…})
 * and the bucket that receives its server access logs.
 *
 * <p>Notifications: S3 filters allow one prefix and one suffix per rule and no wildcard inside a prefix,
 * so a per-kitchen prefix ({@code * /makes/}) cannot be expressed. The bucket therefore notifies the
 * watcher for every created object ending in {@code .json} or {@code .jsonld}, and the watcher itself
 * ignores keys outside {@code {kitchen}/recipes/} and {@code {kitchen}/makes/} — in particular the
 * rejection reports it writes under {@code {kitchen}/rejected/} (which end in {@code .error.json}).
 *
 * <p>Lifecycle: rejection reports live under a per-kitchen prefix too, so their expiry rule filters on
 * the object tag {@link #REJECTION_REPORT_TAG} = {@link #REJECTION_REPORT_TAG_VALUE}, which the watcher
 * and the sender set when they write a report.
 */
public final class FilesBucket extends Construct {

    public static final List<String> NOTIFIED_SUFFIXES = List.of(".json", ".jsonld");
    public static final String REJECTION_REPORT_TAG = "recipediff-object";
    public static final String REJECTION_REPORT_TAG_VALUE = "rejection-report";
    public static final Duration REJECTION_REPORT_EXPIRY = Duration.days(90);
    public static final Duration NONCURRENT_VERSION_EXPIRY = Duration.days(90);
    public static final Duration ACCESS_LOG_EXPIRY = Duration.days(365);

    private final Bucket files;
    private final Bucket accessLogs;

    public FilesBucket(Construct scope, String id, IKey dataKey) {
        super(scope, id);
        accessLogs = Bucket.Builder.create(this, "AccessLogs")
                // S3 server access logging can only deliver to a bucket with SSE-S3 (AES256) default encryption
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .enforceSsl(true)
                .minimumTlsVersion(1.2)
                .versioned(true)
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .id("expire-access-logs")
                        .expiration(ACCESS_LOG_EXPIRY)
                        .noncurrentVersionExpiration(Duration.days(30))
                        .abortIncompleteMultipartUploadAfter(Duration.days(7))
                        .build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        files = Bucket.Builder.create(this, "Files")
                .encryption(BucketEncryption.KMS)
                .encryptionKey(dataKey)
                .bucketKeyEnabled(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .enforceSsl(true)
                .minimumTlsVersion(1.2)
                .versioned(true)
                .serverAccessLogsBucket(accessLogs)
                .serverAccessLogsPrefix("files/")
                .lifecycleRules(List.of(
                        LifecycleRule.builder()
                                .id("expire-rejection-reports")
                                .tagFilters(Map.of(REJECTION_REPORT_TAG, REJECTION_REPORT_TAG_VALUE))
                                .expiration(REJECTION_REPORT_EXPIRY)
                                .build(),
                        LifecycleRule.builder()
                                .id("expire-noncurrent-versions")
                                .noncurrentVersionExpiration(NONCURRENT_VERSION_EXPIRY)
                                .expiredObjectDeleteMarker(true)
                                .abortIncompleteMultipartUploadAfter(Duration.days(7))
                                .build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }

    public Bucket files() {
        return files;
    }

    public Bucket accessLogs() {
        return accessLogs;
    }

    /** Every created {@code .json}/{@code .jsonld} object invokes {@code watcher} (see the class comment). */
    public void notifyOnCreatedDocuments(IFunction watcher) {
        for (String suffix : NOTIFIED_SUFFIXES) {
            files.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(watcher),
                    NotificationKeyFilter.builder().suffix(suffix).build());
        }
    }

    /** Object ARN pattern for one area of every kitchen, e.g. {@code area = "rejected"}. */
    public String objectsInEveryKitchen(String area) {
        return files.arnForObjects("*/" + area + "/*");
    }
}
