package dev.recipediff.functions.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.recipediff.core.format.RecipeReader;
import dev.recipediff.functions.adapters.apiclient.HttpRecipeApi;
import dev.recipediff.functions.adapters.s3.S3FileStore;
import dev.recipediff.functions.adapters.s3.S3RejectionReports;
import dev.recipediff.functions.adapters.secrets.SecretsManagerServiceToken;
import dev.recipediff.functions.config.AwsClients;
import dev.recipediff.functions.config.FunctionsConfig;
import dev.recipediff.functions.lambda.priming.SenderPriming;
import dev.recipediff.functions.observability.LogContext;
import dev.recipediff.functions.observability.Metrics;
import dev.recipediff.functions.pipeline.FileSubmitter;
import dev.recipediff.functions.pipeline.Job;
import dev.recipediff.functions.pipeline.JobCodec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The File Sender: submits each job of an SQS batch to the Recipe API and answers with a partial batch response
 * that lists only the messages to deliver again (transient failures, and messages that are not jobs — those end
 * in the DLQ after five receives). The jobs of a batch are submitted concurrently, so the last job of a batch of
 * ten does not wait for nine API calls in a row; the order of jobs never mattered (SQS does not keep it, and a
 * make that overtakes its recipe is kept pending by the API).
 */
public final class SenderHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** This function's name in log lines and metrics. */
    public static final String FUNCTION = "sender";

    private static final Logger LOG = LoggerFactory.getLogger(SenderHandler.class);

    /** At most as many jobs in flight per invocation as an SQS batch holds. */
    static final int MAX_JOBS_IN_FLIGHT = 10;

    private final FileSubmitter submitter;
    private final JobCodec codec = new JobCodec();
    private final ExecutorService jobs = Executors.newFixedThreadPool(
            MAX_JOBS_IN_FLIGHT,
            Thread.ofPlatform().name("sender-job-", 0).daemon(true).factory());

    /**
     * What Lambda calls: configuration from the environment (read once), and SnapStart priming registered on
     * this handler's own S3 client.
     */
    public SenderHandler() {
        this(FunctionsConfig.fromEnvironment(System.getenv()), true);
    }

    public SenderHandler(FunctionsConfig config) {
        this(config, false);
    }

    SenderHandler(FileSubmitter submitter) {
        this.submitter = submitter;
    }

    private SenderHandler(FunctionsConfig config, boolean registerPriming) {
        Metrics.useNamespace(config.metricsNamespace().orElse(null));
        String apiBaseUrl = config.requireApiBaseUrl();
        String bucket = config.requireBucketName();
        AwsClients aws = new AwsClients(config);
        S3Client s3 = aws.s3();
        this.submitter = new FileSubmitter(
                new S3FileStore(s3, bucket),
                new S3RejectionReports(s3, bucket),
                new HttpRecipeApi(apiBaseUrl, serviceToken(config, aws)),
                new RecipeReader(),
                Clock.systemUTC(),
                bucket);
        if (registerPriming) {
            SenderPriming.register(s3, bucket);
        }
    }

    /** The token from configuration in one-machine mode; from Secrets Manager on AWS, read once and cached. */
    private static Supplier<String> serviceToken(FunctionsConfig config, AwsClients aws) {
        if (config.serviceToken().isPresent()) {
            String token = config.serviceToken().get();
            return () -> token;
        }
        String secretArn = config.serviceTokenSecretArn()
                .orElseThrow(
                        () -> new IllegalStateException(
                                "no service token configured: set SERVICE_TOKEN_SECRET_ARN (or SERVICE_TOKEN in one-machine mode)"));
        return new SecretsManagerServiceToken(aws.secretsManager(), secretArn);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        try (LogContext ignored = LogContext.invocation(FUNCTION, context)) {
            List<SQSEvent.SQSMessage> messages = event.getRecords();
            List<Future<Boolean>> outcomes = new ArrayList<>(messages.size());
            for (SQSEvent.SQSMessage message : messages) {
                FutureTask<Boolean> job = new FutureTask<>(LogContext.carried(() -> process(message)));
                if (messages.size() == 1) {
                    job.run(); // a batch of one needs no hand-off
                } else {
                    jobs.execute(job);
                }
                outcomes.add(job);
            }
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            for (int i = 0; i < messages.size(); i++) {
                if (!done(messages.get(i), outcomes.get(i))) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(
                            messages.get(i).getMessageId()));
                }
            }
            Metrics.count("BatchItems", messages.size());
            Metrics.count("BatchItemFailures", failures.size());
            return new SQSBatchResponse(failures);
        }
    }

    /** Whether the job is done; a job that failed unexpectedly is delivered again (partial batch response). */
    private static boolean done(SQSEvent.SQSMessage message, Future<Boolean> outcome) {
        try {
            return outcome.get();
        } catch (ExecutionException e) {
            LOG.atError()
                    .addKeyValue("messageId", message.getMessageId())
                    .setCause(e.getCause())
                    .log("job failed unexpectedly; it will be delivered again");
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean process(SQSEvent.SQSMessage message) {
        Job job;
        try {
            job = codec.decode(message.getBody());
        } catch (JobCodec.MalformedJobException e) {
            LOG.atError()
                    .addKeyValue("messageId", message.getMessageId())
                    .addKeyValue("problem", e.getMessage())
                    .log("message is not a job; it will end in the DLQ");
            return false;
        }
        try (LogContext file =
                LogContext.nested().correlationId(job.correlationId()).kitchen(job.kitchen())) {
            return submitter.submit(job).done();
        }
    }
}
