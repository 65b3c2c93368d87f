package dev.recipediff.infra;

import dev.recipediff.functions.pipeline.WatcherNotifications;
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
 * <p>Notifications: the bucket notifies the watcher by {@link WatcherNotifications#RULES} — every created object,
 * whatever its name (kitchens are created at run time, S3 filters allow no wildcard inside a prefix, and a
 * suffix filter is case-sensitive and would let {@code MAKE.JSON} or {@code x.txt} pass without a rejection
 * report). {@code recipediff serve} applies the same rules. The watcher ignores what the pipeline does not
 * take, in particular the rejection reports it writes under {@code {kitchen}/rejected/}.
 *
 * <p>Lifecycle: rejection reports live under a per-kitchen prefix too, so their expiry rule filters on
 * the object tag {@link #REJECTION_REPORT_TAG} = {@link #REJECTION_REPORT_TAG_VALUE}, which the watcher
 * and the sender set when they write a report.
 */
public final class FilesBucket extends Construct {

    static final String OBJECT_CREATED_EVENT = "s3:ObjectCreated:*";

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

    /** Invokes {@code watcher} for the created objects {@code rules} select (see the class comment). */
    public void notifyWatcher(IFunction watcher, List<WatcherNotifications.Rule> rules) {
        for (WatcherNotifications.Rule rule : rules) {
            if (!rule.event().equals(OBJECT_CREATED_EVENT)) {
                throw new IllegalArgumentException("the watcher handles created objects only, not " + rule.event());
            }
            if (rule.prefix().isEmpty() && rule.suffix().isEmpty()) {
                files.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(watcher));
                continue;
            }
            NotificationKeyFilter.Builder filter = NotificationKeyFilter.builder();
            if (!rule.prefix().isEmpty()) {
                filter.prefix(rule.prefix());
            }
            if (!rule.suffix().isEmpty()) {
                filter.suffix(rule.suffix());
            }
            files.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(watcher), filter.build());
        }
    }

    /** Object ARN pattern for one area of every kitchen, e.g. {@code area = "rejected"}. */
    public String objectsInEveryKitchen(String area) {
        return files.arnForObjects("*/" + area + "/*");
    }
}
