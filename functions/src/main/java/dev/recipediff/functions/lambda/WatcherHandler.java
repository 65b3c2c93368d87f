package dev.recipediff.functions.lambda;

import dev.recipediff.functions.pipeline.BucketLayout;
import dev.recipediff.functions.pipeline.Job;
import dev.recipediff.functions.pipeline.JobEnqueuer;
import dev.recipediff.functions.pipeline.RejectionReport;
import dev.recipediff.functions.pipeline.RejectionReports;
import dev.recipediff.functions.lambda.priming.WatcherPriming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
import dev.recipediff.functions.config.FunctionsConfig;
import dev.recipediff.functions.config.AwsClients;
import dev.recipediff.functions.config.OnFirstUse;
import dev.recipediff.functions.adapters.s3.S3RejectionReports;
import dev.recipediff.functions.adapters.sqs.SqsJobQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The File Watcher: turns each S3 ObjectCreated record into a job on the queue (a pointer to the file, never its
 * body), or into a rejection report when the object can never become a job. Fails the invocation when jobs could
 * not be queued, so that the event is delivered again.
 */
public final class WatcherHandler implements RequestHandler<S3Event, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(WatcherHandler.class);

    private final JobEnqueuer enqueuer;
    private final RejectionReports reports;
    private final Clock clock;

    /**
     * What Lambda calls: configuration from the environment (read once), and SnapStart priming registered on
     * this handler's own clients.
     */
    public WatcherHandler() {
        this(FunctionsConfig.fromEnvironment(System.getenv()), true);
    }

    public WatcherHandler(FunctionsConfig config) {
        this(config, false);
    }

    /**
     * The SQS client is built now (every event queues jobs); the S3 client only when a first rejection report is
     * written, so that a cold start with files to queue does not load and build it.
     */
    private WatcherHandler(FunctionsConfig config, boolean registerPriming) {
        String queueUrl = config.requireJobsQueueUrl();
        String bucket = config.requireBucketName();
        AwsClients aws = new AwsClients(config);
        SqsClient sqs = aws.sqs();
        OnFirstUse<S3Client> s3 = new OnFirstUse<>(aws::s3);
        this.enqueuer = new JobEnqueuer(new SqsJobQueue(sqs, queueUrl));
        this.reports = new S3RejectionReports(s3, bucket);
        this.clock = Clock.systemUTC();
        if (registerPriming) {
            WatcherPriming.register(sqs, queueUrl, s3, bucket);
        }
    }

    WatcherHandler(JobEnqueuer enqueuer, RejectionReports reports, Clock clock) {
        this.enqueuer = enqueuer;
        this.reports = reports;
        this.clock = clock;
    }

    @Override
    public Void handleRequest(S3Event event, Context context) {
        List<Job> jobs = new ArrayList<>();
        List<RejectionReport> refusals = new ArrayList<>();
        for (S3EventNotificationRecord record : event.getRecords()) {
            if (record.getEventName() == null || !record.getEventName().startsWith("ObjectCreated")) {
                continue;
            }
            String bucket = record.getS3().getBucket().getName();
            S3ObjectEntity object = record.getS3().getObject();
            String key = decodedKey(object.getKey());
            if (key == null) {
                LOG.error("an S3 event carried an undecodable key; skipped: {}", BucketLayout.printable(object.getKey()));
                continue;
            }
            long size = object.getSizeAsLong() == null ? 0 : object.getSizeAsLong();
            switch (BucketLayout.route(key, size)) {
                case BucketLayout.Accepted accepted -> jobs.add(new Job(bucket, key, object.getVersionId(),
                        object.geteTag(), size, accepted.kind(), accepted.kitchen()));
                case BucketLayout.Refused refused -> refusals.add(new RejectionReport(key, refused.reason(),
                        refused.message(), List.of(), clock.instant(), object.getVersionId(), object.geteTag()));
                case BucketLayout.Ignored ignored -> LOG.debug("ignored {}: {}", BucketLayout.printable(key), ignored.why());
            }
        }
        enqueuer.enqueue(jobs);
        refusals.forEach(reports::write);
        LOG.info("queued {} job(s), rejected {} file(s)", jobs.size(), refusals.size());
        return null;
    }

    /** S3 event keys are URL-encoded, with {@code +} for a space. */
    private static String decodedKey(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
