package dev.recipediff.functions.pipeline;

import dev.recipediff.functions.priming.WatcherPriming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
import dev.recipediff.functions.config.FunctionsConfig;
import dev.recipediff.functions.config.AwsClients;
import dev.recipediff.functions.files.S3RejectionReports;
import dev.recipediff.functions.queue.SqsJobQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    /** Lambda's entry point. */
    /** What Lambda calls: configuration from the environment, and SnapStart priming registered. */
    public WatcherHandler() {
        this(FunctionsConfig.fromEnvironment(System.getenv()));
        WatcherPriming.register(FunctionsConfig.fromEnvironment(System.getenv()));
    }

    public WatcherHandler(FunctionsConfig config) {
        this(new AwsClients(config), config);
    }

    private WatcherHandler(AwsClients aws, FunctionsConfig config) {
        this(new JobEnqueuer(new SqsJobQueue(aws.sqs(), config.jobsQueueUrl()
                        .orElseThrow(() -> new IllegalStateException("environment variable JOBS_QUEUE_URL is not set")))),
                new S3RejectionReports(aws.s3(), config.requireBucketName()),
                Clock.systemUTC());
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
                LOG.error("an S3 event carried an undecodable key; skipped: {}", object.getKey());
                continue;
            }
            long size = object.getSizeAsLong() == null ? 0 : object.getSizeAsLong();
            switch (BucketLayout.route(key, size)) {
                case BucketLayout.Accepted accepted -> jobs.add(new Job(bucket, key, object.getVersionId(),
                        object.geteTag(), size, accepted.kind(), accepted.kitchen()));
                case BucketLayout.Refused refused -> refusals.add(new RejectionReport(key, refused.reason(),
                        refused.message(), List.of(), clock.instant(), object.getVersionId(), object.geteTag()));
                case BucketLayout.Ignored ignored -> LOG.debug("ignored {}: {}", key, ignored.why());
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
