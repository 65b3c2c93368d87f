package dev.recipediff.emulators.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3ProxyServerIT {

    private static final String BUCKET = "files";
    private static S3ProxyServer server;
    private static S3Client s3;
    private static final List<S3Event> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startS3() throws Exception {
        server = S3ProxyServer.start(S3ProxySettings.inMemory());
        server.createBucketIfMissing(BUCKET);
        server.listener(events::add);
        s3 = server.newClient();
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
        server.close();
    }

    @BeforeEach
    void forgetEvents() {
        events.clear();
    }

    @Test
    void aPutObjectEmitsAnAwsShapedObjectCreatedRecord() {
        byte[] body = "{\"recipeId\": 1}".getBytes(StandardCharsets.UTF_8);

        s3.putObject(b -> b.bucket(BUCKET).key("default/makes/apple pie é.json"), RequestBody.fromBytes(body));

        assertThat(events).hasSize(1);
        var record = events.getFirst().getRecords().getFirst();
        assertThat(record.getEventVersion()).isEqualTo("2.1");
        assertThat(record.getEventSource()).isEqualTo("aws:s3");
        assertThat(record.getEventName()).isEqualTo("ObjectCreated:Put");
        assertThat(record.getAwsRegion()).isEqualTo("us-east-1");
        assertThat(record.getS3().getBucket().getName()).isEqualTo(BUCKET);
        assertThat(record.getS3().getBucket().getArn()).isEqualTo("arn:aws:s3:::files");
        assertThat(record.getS3().getObject().getKey()).isEqualTo("default/makes/apple+pie+%C3%A9.json");
        assertThat(record.getS3().getObject().getUrlDecodedKey()).isEqualTo("default/makes/apple pie é.json");
        assertThat(record.getS3().getObject().getSizeAsLong()).isEqualTo(body.length);
        var stored = s3.headObject(b -> b.bucket(BUCKET).key("default/makes/apple pie é.json"));
        assertThat(record.getS3().getObject().geteTag()).isEqualTo(stored.eTag().replace("\"", ""));
        assertThat(record.getS3().getObject().getSequencer()).matches("[0-9A-F]{16}");
    }

    @Test
    void aCopyEmitsObjectCreatedCopyForTheDestination() {
        s3.putObject(b -> b.bucket(BUCKET).key("a.json"), RequestBody.fromString("{}"));
        events.clear();

        s3.copyObject(b -> b.sourceBucket(BUCKET)
                .sourceKey("a.json")
                .destinationBucket(BUCKET)
                .destinationKey("b.json"));

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.getRecords().getFirst().getEventName()).isEqualTo("ObjectCreated:Copy");
            assertThat(event.getRecords().getFirst().getS3().getObject().getKey())
                    .isEqualTo("b.json");
        });
    }

    @Test
    void sequencersGrowFromEventToEvent() {
        s3.putObject(b -> b.bucket(BUCKET).key("k.json"), RequestBody.fromString("1"));
        s3.putObject(b -> b.bucket(BUCKET).key("k.json"), RequestBody.fromString("2"));

        String first = events.get(0).getRecords().getFirst().getS3().getObject().getSequencer();
        String second =
                events.get(1).getRecords().getFirst().getS3().getObject().getSequencer();
        assertThat(second).isGreaterThan(first);
    }

    @Test
    void anonymousRequestsAreRefused() {
        try (S3Client anonymous = S3Client.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(true)
                        .chunkedEncodingEnabled(false)
                        .build())
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {

            assertThatThrownBy(() ->
                            anonymous.putObject(b -> b.bucket(BUCKET).key("x.json"), RequestBody.fromString("{}")))
                    .isInstanceOf(S3Exception.class)
                    .extracting(e -> ((S3Exception) e).statusCode())
                    .isEqualTo(403);
        }
        assertThat(events).isEmpty();
    }

    @Test
    void eventsRaisedBeforeAListenerIsAttachedAreDeliveredWhenItIs() throws Exception {
        try (var fresh = S3ProxyServer.start(S3ProxySettings.inMemory());
                var client = fresh.newClient()) {
            fresh.createBucketIfMissing(BUCKET);
            client.putObject(b -> b.bucket(BUCKET).key("early.json"), RequestBody.fromString("{}"));
            List<S3Event> received = new CopyOnWriteArrayList<>();

            fresh.listener(received::add);

            assertThat(received).singleElement().satisfies(e -> assertThat(
                            e.getRecords().getFirst().getS3().getObject().getKey())
                    .isEqualTo("early.json"));
        }
    }

    @Test
    void theFilesystemStoreKeepsObjectsAcrossRestarts(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        try (var first = S3ProxyServer.start(S3ProxySettings.onDisk(dir));
                var client = first.newClient()) {
            first.createBucketIfMissing(BUCKET);
            client.putObject(b -> b.bucket(BUCKET).key("default/recipes/pie.json"), RequestBody.fromString("{}"));
        }

        try (var second = S3ProxyServer.start(S3ProxySettings.onDisk(dir));
                var client = second.newClient()) {
            second.createBucketIfMissing(BUCKET);
            assertThat(client.getObjectAsBytes(b -> b.bucket(BUCKET).key("default/recipes/pie.json"))
                            .asUtf8String())
                    .isEqualTo("{}");
        }
        assertThat(Files.exists(dir.resolve(BUCKET))).isTrue();
    }
}
