package dev.recipediff.local.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void aDataDirectoryOtherUsersCanReadIsRefusedWithWhatToDo() throws Exception {
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThatThrownBy(() -> ServeRuntime.start(ServeOptions.of(dataDir, 0, "default", Optional.empty())))
                .isInstanceOf(ServeException.class)
                .hasMessageContaining("rwxr-xr-x")
                .hasMessageContaining("chmod -R go-rwx")
                .hasMessageContaining("--allow-shared-data-dir");
    }

    @Test
    void aNewDataDirectoryAndItsFoldersAreOwnerOnly() throws Exception {
        DataDirectory fresh = new DataDirectory(dataDir.resolve("fresh"));

        fresh.secure(false);

        for (Path dir : List.of(fresh.root(), fresh.s3(), fresh.sqs(), fresh.dynamoDb(), fresh.inbox())) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
                    .as(dir.toString())
                    .isEqualTo("rwx------");
        }
    }

    @Test
    void aSharedDataDirectoryIsAcceptedWhenAllowed() throws Exception {
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxrwxr-x"));

        assertThatCode(() -> new DataDirectory(dataDir).secure(true)).doesNotThrowAnyException();
        assertThatThrownBy(() -> new DataDirectory(dataDir).secure(false)).isInstanceOf(ServeException.class);
    }
}
