package dev.recipediff.functions.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
import dev.recipediff.functions.adapters.s3.S3RejectionReports;
import dev.recipediff.functions.adapters.sqs.SqsJobQueue;
import dev.recipediff.functions.config.AwsClients;
import dev.recipediff.functions.config.FunctionsConfig;
import dev.recipediff.functions.config.OnFirstUse;
import dev.recipediff.functions.lambda.priming.WatcherPriming;
import dev.recipediff.functions.observability.CorrelationIds;
import dev.recipediff.functions.observability.LogContext;
import dev.recipediff.functions.observability.Metrics;
import dev.recipediff.functions.pipeline.BucketLayout;
import dev.recipediff.functions.pipeline.Job;
import dev.recipediff.functions.pipeline.JobEnqueuer;
import dev.recipediff.functions.pipeline.RejectionReport;
import dev.recipediff.functions.pipeline.RejectionReports;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The File Watcher: turns each S3 ObjectCreated record into a job on the queue (a pointer to the file, never its
 * body), or into a rejection report when the object can never become a job. Fails the invocation when jobs could
 * not be queued, so that the event is delivered again.
 */
public final class WatcherHandler implements RequestHandler<S3Event, Void> {

    /** This function's name in log lines and metrics. */
    public static final String FUNCTION = "watcher";

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
        Metrics.useNamespace(config.metricsNamespace().orElse(null));
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
        try (LogContext ignored = LogContext.invocation(FUNCTION, context)) {
            List<Job> jobs = new ArrayList<>();
            List<RejectionReport> refusals = new ArrayList<>();
            for (S3EventNotificationRecord record : event.getRecords()) {
                if (record.getEventName() == null || !record.getEventName().startsWith("ObjectCreated")) {
                    continue;
                }
                route(record, jobs, refusals);
            }
            enqueuer.enqueue(jobs);
            refusals.forEach(reports::write);
            LOG.atInfo()
                    .addKeyValue("jobs", jobs.size())
                    .addKeyValue("rejected", refusals.size())
                    .log("files routed");
            return null;
        }
    }

    /** One record: a job, a rejection report or nothing, logged under the file's correlation id. */
    private void route(S3EventNotificationRecord record, List<Job> jobs, List<RejectionReport> refusals) {
        String bucket = record.getS3().getBucket().getName();
        S3ObjectEntity object = record.getS3().getObject();
        String key = decodedKey(object.getKey());
        if (key == null) {
            LOG.atError()
                    .addKeyValue("keyHash", CorrelationIds.keyHash(String.valueOf(object.getKey())))
                    .log("an S3 event carried an undecodable key; skipped");
            return;
        }
        long size = object.getSizeAsLong() == null ? 0 : object.getSizeAsLong();
        String version = object.getVersionId() != null && !object.getVersionId().isBlank()
                ? object.getVersionId()
                : object.geteTag();
        try (LogContext file = LogContext.nested().correlationId(CorrelationIds.ofFile(bucket, key, version))) {
            switch (BucketLayout.route(key, size)) {
                case BucketLayout.Accepted accepted -> {
                    Job job = new Job(
                            bucket,
                            key,
                            object.getVersionId(),
                            object.geteTag(),
                            size,
                            accepted.kind(),
                            accepted.kitchen());
                    jobs.add(job);
                    file.correlationId(job.correlationId()).kitchen(accepted.kitchen());
                    LOG.atInfo()
                            .addKeyValue("keyHash", job.keyHash())
                            .addKeyValue("kind", accepted.kind().jsonName())
                            .addKeyValue("size", size)
                            .log("file accepted");
                }
                case BucketLayout.Refused refused -> {
                    refusals.add(new RejectionReport(
                            key,
                            refused.reason(),
                            refused.message(),
                            List.of(),
                            clock.instant(),
                            object.getVersionId(),
                            object.geteTag()));
                    LOG.atInfo()
                            .addKeyValue("keyHash", CorrelationIds.keyHash(key))
                            .addKeyValue("reason", refused.reason())
                            .log("file refused");
                    Metrics.count("Rejections", "reason", refused.reason());
                }
                case BucketLayout.Ignored ignored ->
                    LOG.atDebug()
                            .addKeyValue("keyHash", CorrelationIds.keyHash(key))
                            .addKeyValue("why", ignored.why())
                            .log("file ignored");
            }
        }
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
