package dev.recipediff.emulators.sqs;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.elasticmq.server.ElasticMQServer;
import org.elasticmq.server.config.ElasticMQServerConfig;
import scala.Function0;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An embedded ElasticMQ on 127.0.0.1 with the jobs queue and its DLQ (RedrivePolicy maxReceiveCount as on AWS).
 *
 * <p>With a storage directory, ElasticMQ's own persistence is switched on: queue metadata in
 * {@code queues.conf} and every message (body, attributes, receive count, visibility) in an H2 database
 * ({@code messages.mv.db}); ElasticMQ writes each change through to H2 as it happens, so a restart — even
 * after a kill — serves the same messages.
 */
public final class ElasticMqServer implements AutoCloseable {

    private static final int BIND_ATTEMPTS = 3;

    private final Function0<?> shutdown;
    private final int port;
    private final ElasticMqSettings settings;

    private ElasticMqServer(Function0<?> shutdown, int port, ElasticMqSettings settings) {
        this.shutdown = shutdown;
        this.port = port;
        this.settings = settings;
    }

    /**
     * Starts ElasticMQ on a free port. ElasticMQServer does not report the port it bound, so a free port is
     * chosen first; a lost race for it is retried.
     */
    public static ElasticMqServer start(ElasticMqSettings settings) {
        settings.storageDirectory().ifPresent(ElasticMqServer::createDirectory);
        RuntimeException last = null;
        for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
            int port = freePort();
            try {
                var server = new ElasticMQServer(new ElasticMQServerConfig(configFor(settings, port)));
                return new ElasticMqServer(server.start(), port, settings);
            } catch (RuntimeException e) {
                if (!causedByBind(e)) {
                    throw e;
                }
                last = e;
            }
        }
        throw new IllegalStateException("ElasticMQ could not bind a free port on 127.0.0.1", last);
    }

    static Config configFor(ElasticMqSettings settings, int port) {
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
                """.formatted(port, settings.region(), ElasticMqSettings.ACCOUNT_ID, settings.queueName(),
                settings.visibilityTimeout().toSeconds(), settings.deadLetterQueueName(), settings.maxReceiveCount(),
                storage.isPresent(),
                storage.map(dir -> escape(dir.resolve("queues.conf").toString())).orElse(""),
                storage.map(dir -> escape("jdbc:h2:file:" + dir.resolve("messages"))).orElse(""));
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
                        AwsBasicCredentials.create("recipediff-local", "recipediff-local-secret")))
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
        shutdown.apply();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
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
