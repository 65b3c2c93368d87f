package dev.recipediff.functions.pipeline;

import dev.recipediff.functions.priming.SenderPriming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.recipediff.core.format.RecipeReader;
import dev.recipediff.functions.apiclient.HttpRecipeApi;
import dev.recipediff.functions.apiclient.SecretsManagerServiceToken;
import dev.recipediff.functions.config.FunctionsConfig;
import dev.recipediff.functions.config.AwsClients;
import dev.recipediff.functions.files.S3FileStore;
import dev.recipediff.functions.files.S3RejectionReports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The File Sender: submits each job of an SQS batch to the Recipe API and answers with a partial batch response
 * that lists only the messages to deliver again (transient failures, and messages that are not jobs — those end
 * in the DLQ after five receives).
 */
public final class SenderHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(SenderHandler.class);

    private final FileSubmitter submitter;
    private final JobCodec codec = new JobCodec();

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
        String apiBaseUrl = config.apiBaseUrl().map(Object::toString)
                .orElseThrow(() -> new IllegalStateException("environment variable API_BASE_URL is not set"));
        String bucket = config.requireBucketName();
        AwsClients aws = new AwsClients(config);
        S3Client s3 = aws.s3();
        this.submitter = new FileSubmitter(
                new S3FileStore(s3, bucket),
                new S3RejectionReports(s3, bucket),
                new HttpRecipeApi(apiBaseUrl, serviceToken(config, aws)),
                new RecipeReader(),
                Clock.systemUTC());
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
        String secretArn = config.serviceTokenSecretArn().orElseThrow(() -> new IllegalStateException(
                "no service token configured: set SERVICE_TOKEN_SECRET_ARN (or SERVICE_TOKEN in one-machine mode)"));
        return new SecretsManagerServiceToken(aws.secretsManager(), secretArn);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            if (!process(message)) {
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    private boolean process(SQSEvent.SQSMessage message) {
        Job job;
        try {
            job = codec.decode(message.getBody());
        } catch (JobCodec.MalformedJobException e) {
            LOG.error("message {} is not a job; it will end in the DLQ: {}", message.getMessageId(), e.getMessage());
            return false;
        }
        return submitter.submit(job).done();
    }
}
