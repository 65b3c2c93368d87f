package dev.recipediff.functions.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recipediff.core.testing.SampleFiles;
import dev.recipediff.functions.lambda.WatcherHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/** S3Proxy (notifying) → WatcherHandler → ElasticMQ, for real. */
class WatcherIT {

    private static QueueEmulators emulators;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        emulators = QueueEmulators.start(Duration.ofSeconds(30));
        WatcherHandler watcher = new WatcherHandler(emulators.config());
        emulators.notify(event -> watcher.handleRequest(event, null));
    }

    @AfterAll
    static void stop() throws Exception {
        emulators.close();
    }

    @BeforeEach
    void emptyQueues() {
        emulators.purge();
    }

    @Test
    void anUploadedMakeBecomesAJobMessageThatPointsAtItWithoutItsBody() throws Exception {
        emulators.putSample("watch-1/makes/apple-pie.exact.json", "makes/apple-pie.exact.json");

        List<Message> jobs = emulators.drain(emulators.sqs.queueUrl());

        assertThat(jobs).hasSize(1);
        JsonNode job = json.readTree(jobs.getFirst().body());
        assertThat(job.get("bucket").asText()).isEqualTo(QueueEmulators.BUCKET);
        assertThat(job.get("key").asText()).isEqualTo("watch-1/makes/apple-pie.exact.json");
        assertThat(job.get("kind").asText()).isEqualTo("make");
        assertThat(job.get("kitchen").asText()).isEqualTo("watch-1");
        assertThat(job.get("size").asLong()).isEqualTo(SampleFiles.bytes("makes/apple-pie.exact.json").length);
        assertThat(job.get("eTag").asText()).isNotBlank();
        assertThat(jobs.getFirst().body()).doesNotContain("Apple Pie");
    }

    @Test
    void keysWithSpacesAndUnicodeArriveDecoded() {
        String key = "watch-2/recipes/crème brûlée (grandma’s) 2+2.json";
        emulators.putSample(key, "recipes/apple-pie.json");

        List<Message> jobs = emulators.drain(emulators.sqs.queueUrl());

        assertThat(jobs).singleElement().satisfies(job -> assertThat(
                        new JobCodec().decode(job.body()).key())
                .isEqualTo(key));
    }

    @Test
    void aFileWithAWrongSuffixGetsARejectionReportInTheBucketAndNoJob() throws Exception {
        emulators.put("watch-3/makes/photo.jpg", "not a recipe".getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        emulators.keys("watch-3/rejected/").contains("watch-3/rejected/makes/photo.jpg.error.json"));
        JsonNode report = json.readTree(emulators.read("watch-3/rejected/makes/photo.jpg.error.json"));
        assertThat(report.get("key").asText()).isEqualTo("watch-3/makes/photo.jpg");
        assertThat(report.get("reason").asText()).isEqualTo("unsupported_file_type");
        assertThat(report.get("message").asText()).isNotBlank();
        assertThat(report.get("details").isArray()).isTrue();
        assertThat(report.get("rejectedAt").asText()).isNotBlank();
        assertThat(emulators.drain(emulators.sqs.queueUrl())).isEmpty();
    }

    @Test
    void theRejectionReportItselfDoesNotTriggerThePipeline() {
        emulators.put("watch-4/notes/list.json", "{}".getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(10)).until(() -> emulators.notifications.size() == 2);
        assertThat(emulators.keys("watch-4/"))
                .containsExactlyInAnyOrder("watch-4/notes/list.json", "watch-4/rejected/notes/list.json.error.json");
        assertThat(emulators.drain(emulators.sqs.queueUrl())).isEmpty();
    }
}
