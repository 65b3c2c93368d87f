package dev.recipediff.local.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServeStartupFailureIT {

    @TempDir
    Path dataDir;

    @Test
    void aTakenHttpPortIsAClearErrorNamingThePort() throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> ServeRuntime.start(ServeOptions.of(dataDir, port, "default", Optional.empty())))
                    .isInstanceOf(ServeException.class)
                    .hasMessageContaining("port " + port + " on 127.0.0.1 is already in use")
                    .hasMessageContaining("--http-port");
        }
    }

    @Test
    void aDynaliteThatCannotBeFoundNamesWhatToInstall() {
        Path nowhere = dataDir.resolve("no-such-dynalite");

        assertThatThrownBy(() -> ServeRuntime.start(ServeOptions.of(dataDir, 0, "default", Optional.of(nowhere))))
                .isInstanceOf(ServeException.class)
                .hasMessageContaining("npm ci");
    }
}
