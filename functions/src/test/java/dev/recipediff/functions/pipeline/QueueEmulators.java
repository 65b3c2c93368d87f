package dev.recipediff.functions.pipeline;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import dev.recipediff.core.testing.SampleFiles;
import dev.recipediff.emulators.s3.S3ProxyServer;
import dev.recipediff.emulators.s3.S3ProxySettings;
import dev.recipediff.emulators.sqs.ElasticMqServer;
import dev.recipediff.emulators.sqs.ElasticMqSettings;
import dev.recipediff.functions.config.FunctionsConfig;
import dev.recipediff.functions.config.FunctionsEnvironment;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The bucket and the queues of the pipeline for an integration test: an in-memory S3Proxy whose notifying store
 * emits AWS-shaped S3 events, and ElasticMQ with the jobs queue and its DLQ (maxReceiveCount 5).
 * S3Proxy is started with the credentials the functions use against emulators.
 */
public final class QueueEmulators implements AutoCloseable {

    public static final String BUCKET = "recipediff-files";

    public final S3ProxyServer s3;
    public final S3Client s3Client;
    public final ElasticMqServer sqs;
    public final SqsClient sqsClient;
    /** Every S3 notification the bucket emitted, in order. */
    public final List<S3Event> notifications = new CopyOnWriteArrayList<>();

    private volatile Consumer<S3Event> notificationTarget = event -> {};

    private QueueEmulators(S3ProxyServer s3, ElasticMqServer sqs) {
        this.s3 = s3;
        this.s3Client = s3.newClient();
        this.sqs = sqs;
        this.sqsClient = sqs.newClient();
        s3.createBucketIfMissing(BUCKET);
        s3.listener(event -> {
            notifications.add(event);
            notificationTarget.accept(event);
        });
    }

    public static QueueEmulators start(Duration visibilityTimeout) throws Exception {
        S3ProxyServer s3 = S3ProxyServer.start(new S3ProxySettings(
                Optional.empty(), 0, S3ProxySettings.DEFAULT_REGION, "recipediff-local", "recipediff-local"));
        return new QueueEmulators(s3, ElasticMqServer.start(ElasticMqSettings.inMemory(visibilityTimeout)));
    }

    /** Where S3 notifications go from now on. */
    public void notify(Consumer<S3Event> target) {
        this.notificationTarget = target;
    }

    public FunctionsConfig config() {
        return config(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public FunctionsConfig config(
            Optional<URI> apiBaseUrl,
            Optional<String> serviceToken,
            Optional<String> tableName,
            Optional<URI> dynamoDbEndpoint) {
        return FunctionsEnvironment.builder()
                .when(tableName, FunctionsEnvironment::tableName)
                .bucketName(BUCKET)
                .jobsQueueUrl(sqs.queueUrl())
                .when(apiBaseUrl, FunctionsEnvironment::apiBaseUrl)
                .when(serviceToken, FunctionsEnvironment::serviceToken)
                .region(S3ProxySettings.DEFAULT_REGION)
                .s3Endpoint(s3.endpoint())
                .sqsEndpoint(sqs.endpoint())
                .when(dynamoDbEndpoint, FunctionsEnvironment::dynamoDbEndpoint)
                .toConfig();
    }

    public void put(String key, byte[] body) {
        s3Client.putObject(b -> b.bucket(BUCKET).key(key).contentType("application/json"), RequestBody.fromBytes(body));
    }

    public void putSample(String key, String sample) {
        put(key, SampleFiles.bytes(sample));
    }

    public List<String> keys(String prefix) {
        return s3Client.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(prefix)).contents().stream()
                .map(S3Object::key)
                .toList();
    }

    public String read(String key) {
        return s3Client.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asUtf8String();
    }

    /** Receives (and deletes) everything now visible in a queue. */
    public List<Message> drain(String queueUrl) {
        List<Message> all = new ArrayList<>();
        List<Message> batch;
        do {
            batch = sqsClient
                    .receiveMessage(
                            b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages();
            all.addAll(batch);
            batch.forEach(m -> sqsClient.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
        } while (!batch.isEmpty());
        return all;
    }

    /** Visible plus in-flight messages of a queue. */
    public int depth(String queueUrl) {
        var attributes = sqsClient
                .getQueueAttributes(b -> b.queueUrl(queueUrl)
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    public void purge() {
        sqsClient.purgeQueue(b -> b.queueUrl(sqs.queueUrl()));
        sqsClient.purgeQueue(b -> b.queueUrl(sqs.deadLetterQueueUrl()));
        notifications.clear();
    }

    @Override
    public void close() {
        s3Client.close();
        sqsClient.close();
        sqs.close();
        try {
            s3.close();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not stop", e);
        }
    }
}
