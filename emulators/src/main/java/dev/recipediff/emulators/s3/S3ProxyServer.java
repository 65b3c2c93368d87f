package dev.recipediff.emulators.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * An embedded S3Proxy on 127.0.0.1 that speaks the S3 API with AWS signature v2/v4 authentication (no
 * anonymous access) over a transient (in-memory) or filesystem store, wrapped in a {@link NotifyingBlobStore}.
 */
public final class S3ProxyServer implements AutoCloseable {

    private final S3Proxy proxy;
    private final NotifyingBlobStore blobStore;
    private final S3ProxySettings settings;

    private S3ProxyServer(S3Proxy proxy, NotifyingBlobStore blobStore, S3ProxySettings settings) {
        this.proxy = proxy;
        this.blobStore = blobStore;
        this.settings = settings;
    }

    /** Starts the proxy; throws {@link java.net.BindException} (possibly as the cause) when the port is taken. */
    public static S3ProxyServer start(S3ProxySettings settings) throws Exception {
        var blobStore = new NotifyingBlobStore(
                storeFor(settings.storageDirectory()), new S3EventFactory(settings.region(), Clock.systemUTC()));
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(blobStore)
                .endpoint(URI.create("http://127.0.0.1:" + settings.port()))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, settings.accessKeyId(), settings.secretAccessKey())
                .build();
        proxy.start();
        return new S3ProxyServer(proxy, blobStore, settings);
    }

    private static BlobStore storeFor(Optional<Path> directory) {
        if (directory.isEmpty()) {
            return new TransientNio2BlobStore();
        }
        try {
            Files.createDirectories(directory.get());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the S3 storage directory " + directory.get(), e);
        }
        return new FilesystemNio2BlobStore(directory.get().toAbsolutePath().toString());
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    public int port() {
        return proxy.getPort();
    }

    public S3ProxySettings settings() {
        return settings;
    }

    /** A client for this endpoint: path-style, no chunked encoding, the local credentials, UrlConnection. */
    public S3Client newClient() {
        return S3Client.builder()
                .endpointOverride(endpoint())
                .region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey())))
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(true)
                        .chunkedEncodingEnabled(false)
                        .build())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** Creates the bucket unless it exists (the filesystem store keeps it across restarts). */
    public void createBucketIfMissing(String bucket) {
        if (!blobStore.containerExists(bucket)) {
            blobStore.createContainer(bucket);
        }
    }

    /** Where created-object notifications go from now on. */
    public void listener(S3EventListener listener) {
        blobStore.listener(listener);
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
