package dev.recipediff.emulators.sqs;

import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Starts an in-memory ElasticMQ with the jobs queue and its DLQ (maxReceiveCount 5) once per test class.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ElasticMqExtension SQS = new ElasticMqExtension(Duration.ofSeconds(1)); // visibility timeout
 * ...
 * SQS.server().queueUrl(); SQS.client().sendMessage(...); SQS.purge(); // e.g. in @BeforeEach
 * }</pre>
 *
 * or {@code @ExtendWith(ElasticMqExtension.class)} (visibility timeout 30 s) with an {@link ElasticMqServer}
 * or {@link SqsClient} parameter.
 */
public final class ElasticMqExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private final Duration visibilityTimeout;
    private ElasticMqServer server;
    private SqsClient client;

    public ElasticMqExtension() {
        this(Duration.ofSeconds(30));
    }

    public ElasticMqExtension(Duration visibilityTimeout) {
        this.visibilityTimeout = visibilityTimeout;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = ElasticMqServer.start(ElasticMqSettings.inMemory(visibilityTimeout));
        client = server.newClient();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    public ElasticMqServer server() {
        return server;
    }

    public SqsClient client() {
        return client;
    }

    /** Empties the jobs queue and the DLQ (deletes every message, including in-flight ones). */
    public void purge() {
        client.purgeQueue(b -> b.queueUrl(server.queueUrl()));
        client.purgeQueue(b -> b.queueUrl(server.deadLetterQueueUrl()));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ElasticMqServer.class || type == SqsClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ElasticMqServer.class ? server : client;
    }
}
