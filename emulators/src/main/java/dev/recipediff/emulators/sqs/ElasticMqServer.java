package dev.recipediff.emulators.sqs;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.server.ElasticMQServer;
import org.elasticmq.server.config.ElasticMQServerConfig;
import org.elasticmq.util.NowProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Option;
import scala.concurrent.Await;
import scala.concurrent.duration.FiniteDuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * An embedded ElasticMQ on 127.0.0.1 with the jobs queue and its DLQ (RedrivePolicy maxReceiveCount as on AWS).
 *
 * <p>With a storage directory, ElasticMQ's own persistence is switched on: queue metadata in
 * {@code queues.conf} and every message (body, attributes, receive count, visibility) in an H2 database
 * ({@code messages.mv.db}); ElasticMQ writes each change through to H2 as it happens, so a restart — even
 * after a kill — serves the same messages.
 */
public final class ElasticMqServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticMqServer.class);
    private static final Duration RESTORE_TIMEOUT = Duration.ofSeconds(10);
    private static final AtomicInteger SYSTEMS = new AtomicInteger();

    private final ActorSystem system;
    private final SQSRestServer rest;
    private final int port;
    private final ElasticMqSettings settings;

    private ElasticMqServer(ActorSystem system, SQSRestServer rest, int port, ElasticMqSettings settings) {
        this.system = system;
        this.rest = rest;
        this.port = port;
        this.settings = settings;
    }

    /**
     * Starts ElasticMQ on a free port and returns once both queues exist and, with persistence, every
     * persisted message has been restored into them.
     */
    public static ElasticMqServer start(ElasticMqSettings settings) {
        settings.storageDirectory().ifPresent(ElasticMqServer::createDirectory);
        Config config = configFor(settings);
        var serverConfig = new ElasticMQServerConfig(config);
        ActorSystem system = ActorSystem.create("elasticmq-" + SYSTEMS.incrementAndGet(), config);
        try {
            Option<ActorRef> persistence = settings.storageDirectory().isPresent()
                    ? Option.apply(system.actorOf(Props.create(
                            SqlQueuePersistenceActor.class,
                            serverConfig.sqlQueuePersistenceConfig(),
                            serverConfig.baseQueues())))
                    : Option.empty();
            ActorRef queueManager = system.actorOf(
                    Props.create(QueueManagerActor.class, new NowProvider(), StrictSQSLimits$.MODULE$, persistence));
            var builder = SQSRestServerBuilder.withActorSystem(system)
                    .withQueueManagerActor(queueManager)
                    .withInterface("127.0.0.1")
                    .withDynamicPort()
                    .withAWSRegion(settings.region())
                    .withAWSAccountId(ElasticMqSettings.ACCOUNT_ID);
            if (persistence.isDefined()) {
                builder = builder.withQueueEventListener(persistence.get());
            }
            SQSRestServer rest = builder.start();
            int port = rest.waitUntilStarted().localAddress().getPort();
            var server = new ElasticMqServer(system, rest, port, settings);
            if (persistence.isDefined()) {
                server.restoreFrom(persistence.get(), queueManager);
            } else {
                server.createQueues();
            }
            return server;
        } catch (RuntimeException e) {
            system.terminate();
            throw e;
        }
    }

    /** The persistence actor creates the configured queues, then puts the persisted messages back in. */
    private void restoreFrom(ActorRef persistence, ActorRef queueManager) {
        try {
            Object result = Await.result(
                    Patterns.ask(persistence, new QueueEvent.Restore(queueManager), RESTORE_TIMEOUT.toMillis()),
                    FiniteDuration.apply(RESTORE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
            if (result instanceof scala.util.Left<?, ?> errors) {
                throw new IllegalStateException("ElasticMQ could not restore its queues: " + errors.value());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while ElasticMQ restored its queues", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "ElasticMQ did not restore its queues within " + RESTORE_TIMEOUT.toSeconds() + " s", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("ElasticMQ could not restore its queues", e);
        }
    }

    private void createQueues() {
        try (SqsClient client = newClient()) {
            String visibility = Long.toString(settings.visibilityTimeout().toSeconds());
            client.createQueue(b -> b.queueName(settings.deadLetterQueueName())
                    .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, visibility)));
            client.createQueue(b -> b.queueName(settings.queueName())
                    .attributes(Map.of(
                            QueueAttributeName.VISIBILITY_TIMEOUT,
                            visibility,
                            QueueAttributeName.REDRIVE_POLICY,
                            "{\"deadLetterTargetArn\":\"" + deadLetterQueueArn() + "\",\"maxReceiveCount\":"
                                    + settings.maxReceiveCount() + "}")));
        }
    }

    static Config configFor(ElasticMqSettings settings) {
        int port = 0;
        var storage = settings.storageDirectory().map(Path::toAbsolutePath);
        String text = """
                node-address { protocol = "http", host = "127.0.0.1", port = %1$d, context-path = "" }
                generate-node-address = false
                rest-sqs { enabled = true, bind-port = %1$d, bind-hostname = "127.0.0.1", sqs-limits = strict }
                aws { region = "%2$s", accountId = "%3$s" }
                queues {
                  "%4$s" {
                    defaultVisibilityTimeout = %5$d seconds
                    receiveMessageWait = 0 seconds
                    deadLettersQueue { name = "%6$s", maxReceiveCount = %7$d }
                  }
                  "%6$s" { defaultVisibilityTimeout = %5$d seconds }
                }
                queues-storage { enabled = %8$s, path = "%9$s" }
                messages-storage {
                  enabled = %8$s
                  driver-class = "org.h2.Driver"
                  uri = "%10$s"
                  username = ""
                  password = ""
                  prune-data-on-init = false
                }
                auto-create-queues { enabled = false }
                # close() stops the actor system; no JVM shutdown hook of its own (serve orders the stop)
                pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off
                pekko.jvm-shutdown-hooks = off
                """.formatted(
                        port,
                        settings.region(),
                        ElasticMqSettings.ACCOUNT_ID,
                        settings.queueName(),
                        settings.visibilityTimeout().toSeconds(),
                        settings.deadLetterQueueName(),
                        settings.maxReceiveCount(),
                        storage.isPresent(),
                        storage.map(dir -> escape(dir.resolve("queues.conf").toString()))
                                .orElse(""),
                        storage.map(dir -> escape("jdbc:h2:file:" + dir.resolve("messages")))
                                .orElse(""));
        return ConfigFactory.parseString(text)
                .withFallback(ConfigFactory.load(ElasticMQServer.class.getClassLoader()))
                .resolve();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public ElasticMqSettings settings() {
        return settings;
    }

    /** A client for this endpoint (any credentials are accepted by ElasticMQ), UrlConnection. */
    public SqsClient newClient() {
        return SqsClient.builder()
                .endpointOverride(endpoint())
                .region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("recipediff-local", "recipediff-local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public String queueUrl() {
        return queueUrlOf(settings.queueName());
    }

    public String deadLetterQueueUrl() {
        return queueUrlOf(settings.deadLetterQueueName());
    }

    public String queueArn() {
        return arnOf(settings.queueName());
    }

    public String deadLetterQueueArn() {
        return arnOf(settings.deadLetterQueueName());
    }

    private String queueUrlOf(String name) {
        return endpoint() + "/" + ElasticMqSettings.ACCOUNT_ID + "/" + name;
    }

    private String arnOf(String name) {
        return "arn:aws:sqs:" + settings.region() + ":" + ElasticMqSettings.ACCOUNT_ID + ":" + name;
    }

    /** Stops the HTTP endpoint and the actor system (waits for it). */
    @Override
    public void close() {
        try {
            rest.stopAndWait();
        } finally {
            try {
                Await.result(system.terminate(), FiniteDuration.apply(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.warn("ElasticMQ's actor system did not stop within 10 s: {}", e.toString());
            }
        }
    }

    private static void createDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the SQS storage directory " + directory, e);
        }
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
