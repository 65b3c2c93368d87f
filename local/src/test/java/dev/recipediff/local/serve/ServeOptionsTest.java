package dev.recipediff.local.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServeOptionsTest {

    private final ServeOptions defaults = ServeOptions.of(Path.of("data"), 0, "default", Optional.empty());

    @Test
    void byDefaultTheSenderCallsServesOwnApi() {
        assertThat(defaults.senderApiBaseUrl()).isEmpty();
    }

    @Test
    void theSenderCanBePointedAtAnotherApiBaseUrlKeepingEverythingElse() {
        ServeOptions options = defaults.withVisibilityTimeout(Duration.ofSeconds(2))
                .withSenderApiBaseUrl(URI.create("http://127.0.0.1:9000"));

        assertThat(options.senderApiBaseUrl()).contains(URI.create("http://127.0.0.1:9000"));
        assertThat(options.visibilityTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.kitchen()).isEqualTo("default");
    }

    @Test
    void aRelativeSenderApiBaseUrlIsRefused() {
        assertThatThrownBy(() -> defaults.withSenderApiBaseUrl(URI.create("api/v1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be absolute");
    }
}
