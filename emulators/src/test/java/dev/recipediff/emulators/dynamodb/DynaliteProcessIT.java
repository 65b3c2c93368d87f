package dev.recipediff.emulators.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynaliteProcessIT {

    @Test
    void startsOnLoopbackAndAnswersDynamoDbRequests() {
        try (DynaliteProcess dynalite = DynaliteProcess.start();
                DynamoDbClient client = client(dynalite)) {
            assertThat(dynalite.endpoint().getHost()).isEqualTo("127.0.0.1");
            assertThat(client.listTables().tableNames()).isEmpty();
        }
    }

    @Test
    void itsFilesAreOwnerOnlyFromCreationWhateverTheJvmsUmask(@TempDir Path data) throws Exception {
        Path tables = data.resolve("dynamodb");
        try (DynaliteProcess dynalite =
                        DynaliteProcess.start(DynaliteProcess.Options.inMemory().withDataDir(tables));
                DynamoDbClient client = client(dynalite)) {
            client.createTable(t -> t.tableName("private")
                    .billingMode("PAY_PER_REQUEST")
                    .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType("S")));
        }

        try (var files = java.nio.file.Files.walk(tables)) {
            assertThat(files.filter(java.nio.file.Files::isRegularFile).toList())
                    .isNotEmpty()
                    .allSatisfy(file -> assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                                    java.nio.file.Files.getPosixFilePermissions(file)))
                            .as(file.toString())
                            .isEqualTo("rw-------"));
        }
    }

    @Test
    void aRestartKeepsThePortAndTheStoreAndTheSameClientReconnects(@TempDir Path data) {
        try (DynaliteProcess dynalite = DynaliteProcess.start(
                        DynaliteProcess.Options.inMemory().withDataDir(data.resolve("dynamodb")));
                DynamoDbClient client = client(dynalite)) {
            client.createTable(t -> t.tableName("kept")
                    .billingMode("PAY_PER_REQUEST")
                    .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType("S")));
            long before = dynalite.pid();
            var endpoint = dynalite.endpoint();

            dynalite.restart();

            assertThat(dynalite.pid()).isNotEqualTo(before);
            assertThat(dynalite.endpoint()).isEqualTo(endpoint);
            assertThat(client.listTables().tableNames()).containsExactly("kept");
        }
    }

    @Test
    void closeStopsTheNodeProcess() {
        DynaliteProcess dynalite = DynaliteProcess.start();

        dynalite.close();

        assertThat(dynalite.isAlive()).isFalse();
    }

    @Test
    void theNodeProcessExitsWhenItsParentsPipeCloses() throws Exception {
        Path dynalite = DynaliteProcess.findDynalite(Path.of("").toAbsolutePath());
        Process child = new ProcessBuilder(DynaliteProcess.command("node", dynalite, Optional.empty(), 0))
                .redirectErrorStream(true)
                .start();
        try {
            child.getOutputStream().close(); // what the OS does to the pipe when the JVM dies

            assertThat(child.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void theNodeProcessHasABoundedHeapAndBoundedLevelDbCaches(@TempDir Path data) {
        List<String> command = DynaliteProcess.command("node", data, Optional.of(data.resolve("db")), 4567);

        assertThat(command).contains("--max-old-space-size=" + DynaliteProcess.MAX_OLD_SPACE_MIB);
        assertThat(command.getLast())
                .contains(
                        "\"port\":4567",
                        "\"cacheSize\":8388608",
                        "\"writeBufferSize\":4194304",
                        "\"maxOpenFiles\":256");
    }

    @Test
    void aDataDirectoryWithQuotesIsPassedAsJson(@TempDir Path data) {
        Path odd = data.resolve("a \"quoted\" \\ dir");

        List<String> command = DynaliteProcess.command("node", data, Optional.of(odd), 0);

        assertThat(command.getLast()).contains("\"path\":\"" + data + "/a \\\"quoted\\\" \\\\ dir\"");
    }

    @Test
    void missingDynaliteNamesTheInstallCommand(@TempDir Path empty) {
        assertThatThrownBy(() -> DynaliteProcess.findDynalite(empty))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("npm ci")
                .hasMessageContaining("Node.js >= 20");
    }

    @Test
    void anExplicitDirectoryWithoutDynaliteIsAClearError(@TempDir Path empty) {
        assertThatThrownBy(() ->
                        DynaliteProcess.start(DynaliteProcess.Options.inMemory().withDynaliteDir(empty)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dynalite not found");
    }

    /** A client of {@code dynalite} with dummy credentials (also used by {@link DynaliteQueryMemoryIT}). */
    static DynamoDbClient client(DynaliteProcess dynalite) {
        return DynamoDbClient.builder()
                .endpointOverride(dynalite.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
