package dev.recipediff.emulators.s3;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Starts an in-memory S3Proxy (with the notifying store) once per test class, creates the bucket, stops it
 * afterwards. Use it as a field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final S3ProxyExtension S3 = new S3ProxyExtension("files");
 * ...
 * S3.server().listener(event -> watcher.handleRequest(event, context));
 * S3.client().putObject(...);
 * }</pre>
 *
 * or with {@code @ExtendWith(S3ProxyExtension.class)} (bucket {@value #DEFAULT_BUCKET}) and an
 * {@link S3ProxyServer} or {@link S3Client} test-method/constructor parameter.
 */
public final class S3ProxyExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    public static final String DEFAULT_BUCKET = "recipediff-files";

    private final String bucket;
    private S3ProxyServer server;
    private S3Client client;

    public S3ProxyExtension() {
        this(DEFAULT_BUCKET);
    }

    public S3ProxyExtension(String bucket) {
        this.bucket = bucket;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = S3ProxyServer.start(S3ProxySettings.inMemory());
        server.createBucketIfMissing(bucket);
        client = server.newClient();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    public S3ProxyServer server() {
        return server;
    }

    /** A client for the running proxy (path-style, no chunked encoding, UrlConnection). */
    public S3Client client() {
        return client;
    }

    public String bucket() {
        return bucket;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == S3ProxyServer.class || type == S3Client.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == S3ProxyServer.class ? server : client;
    }
}
