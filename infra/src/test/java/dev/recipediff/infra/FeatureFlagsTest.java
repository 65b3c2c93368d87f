package dev.recipediff.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;

class FeatureFlagsTest {

    @Test
    void cdkJsonSetsEveryFeatureFlagThisCdkVersionRecommends() throws IOException {
        Map<String, Object> recommended = recommendedFlags();

        assertThat(recommended).isNotEmpty();
        assertThat(SynthesizedRecipediff.cdkJsonContext()).containsAllEntriesOf(recommended);
    }

    /**
     * {@code recommended-feature-flags.json} of the aws-cdk-lib JavaScript package that the Java library bundles
     * (what {@code cdk init} writes into a new project's cdk.json).
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> recommendedFlags() throws IOException {
        String version = App.class.getPackage().getImplementationVersion();
        String bundle = "/software/amazon/awscdk/aws-cdk-lib@" + version + ".jsii.tgz";
        try (InputStream tgz = App.class.getResourceAsStream(bundle)) {
            assertThat(tgz).as(bundle).isNotNull();
            byte[] json = tarEntry(new GZIPInputStream(tgz), "package/recommended-feature-flags.json");
            return new ObjectMapper().readValue(json, Map.class);
        }
    }

    /** The content of one entry of a (ustar) tar stream. */
    private static byte[] tarEntry(InputStream tar, String wanted) throws IOException {
        byte[] header = new byte[512];
        while (tar.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
            String name = new String(header, 0, 100, StandardCharsets.US_ASCII).replace("\0", "");
            long size = Long.parseLong(
                    new String(header, 124, 12, StandardCharsets.US_ASCII)
                            .replace("\0", "")
                            .trim(),
                    8);
            byte[] content = tar.readNBytes((int) size);
            tar.skipNBytes((512 - size % 512) % 512);
            if (name.equals(wanted)) {
                return content;
            }
        }
        throw new IOException(wanted + " is not in the aws-cdk-lib bundle");
    }
}
