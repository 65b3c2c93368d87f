package dev.recipediff.functions.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JobCodecTest {

    private final JobCodec codec = new JobCodec();

    @Test
    void aJobMessageIsAPointerToTheFileAndNothingElse() throws Exception {
        Job job = new Job("files", "default/makes/pie.json", null, "abc", 812, FileKind.MAKE, "default");

        String message = codec.encode(job);

        assertThat(new ObjectMapper().readTree(message).properties())
                .extracting(java.util.Map.Entry::getKey)
                .containsExactlyInAnyOrder(
                        "bucket", "key", "versionId", "eTag", "size", "kind", "kitchen", "correlationId");
        assertThat(message).contains("\"kind\":\"make\"");
        assertThat(codec.decode(message)).isEqualTo(job);
    }

    @Test
    void aCorrelationIdInTheMessageIsRecomputedFromTheFileNeverTakenFromTheMessage() {
        Job job = new Job("files", "kb/makes/pie.json", null, "abc", 812, FileKind.MAKE, "kb");
        String forged = codec.encode(job).replace(job.correlationId(), "f-" + "0".repeat(32));

        assertThat(codec.decode(forged).correlationId()).isEqualTo(job.correlationId());
    }

    @Test
    void aMessageThatIsNotAJobIsReportedAsMalformed() {
        assertThatThrownBy(() -> codec.decode("{\"hello\":\"world\"}"))
                .isInstanceOf(JobCodec.MalformedJobException.class);
        assertThatThrownBy(() -> codec.decode("not json")).isInstanceOf(JobCodec.MalformedJobException.class);
        assertThatThrownBy(
                        () -> codec.decode(
                                "{\"bucket\":\"b\",\"key\":\"k\",\"eTag\":\"e\",\"size\":1,\"kind\":\"photo\",\"kitchen\":\"d\"}"))
                .isInstanceOf(JobCodec.MalformedJobException.class);
    }

    @Test
    void theStreamedMessageIsExactlyWhatTheSharedMapperWouldWrite() throws Exception {
        Job versioned = new Job(
                "files",
                "default/recipes/crème brûlée \"v2\".json",
                "v-7",
                "\"abc\"",
                1_048_576,
                FileKind.RECIPE,
                "default");
        Job unversioned = new Job("files", "default/makes/pie.json", null, "abc", 0, FileKind.MAKE, "default");

        for (Job job : java.util.List.of(versioned, unversioned)) {
            assertThat(codec.encode(job))
                    .isEqualTo(dev.recipediff.core.format.RecipeJson.mapper().writeValueAsString(job));
        }
    }
}
