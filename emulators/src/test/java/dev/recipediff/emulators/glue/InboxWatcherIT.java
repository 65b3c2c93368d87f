package dev.recipediff.emulators.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import dev.recipediff.emulators.s3.S3ProxyExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class InboxWatcherIT {

    @RegisterExtension
    static final S3ProxyExtension S3 = new S3ProxyExtension("files");

    @TempDir
    Path inbox;

    @Test
    void aDroppedFileIsPutIntoTheBucketUnderTheSameKeyAndMovedToDone() throws Exception {
        List<S3Event> events = new CopyOnWriteArrayList<>();
        S3.server().listener(events::add);
        InboxWatcher.createKitchenFolders(inbox, "default");

        try (var ignored = watcher()) {
            Files.writeString(inbox.resolve("default/makes/apple pie.json"), "{\"recipeId\":1}");

            awaitTaken("default/makes/apple pie.json");
        }

        assertThat(S3.client()
                        .getObjectAsBytes(b -> b.bucket("files").key("default/makes/apple pie.json"))
                        .asUtf8String())
                .isEqualTo("{\"recipeId\":1}");
        assertThat(inbox.resolve("default/makes/apple pie.json")).doesNotExist();
        assertThat(events).anySatisfy(e -> assertThat(
                        e.getRecords().getFirst().getS3().getObject().getKey())
                .isEqualTo("default/makes/apple+pie.json"));
    }

    @Test
    void aKitchenFolderCreatedWhileRunningIsWatchedToo() throws Exception {
        try (var ignored = watcher()) {
            Files.createDirectories(inbox.resolve("bakery/recipes"));
            Files.writeString(inbox.resolve("bakery/recipes/bread.json"), "{}");

            awaitTaken("bakery/recipes/bread.json");
        }
        assertThat(S3.client()
                        .headObject(b -> b.bucket("files").key("bakery/recipes/bread.json"))
                        .contentLength())
                .isEqualTo(2);
    }

    private InboxWatcher watcher() throws java.io.IOException {
        return new InboxWatcher(inbox, S3.client(), "files", Duration.ofMillis(100), Duration.ofSeconds(1));
    }

    private void awaitTaken(String relativePath) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Files.exists(inbox.resolve(".done").resolve(relativePath)));
    }

    @Test
    void filesOutsideRecipesAndMakesAndTemporaryNamesStayWhereTheyAre() throws Exception {
        Files.createDirectories(inbox.resolve("default/other"));
        Files.createDirectories(inbox.resolve("default/makes"));
        Files.writeString(inbox.resolve("default/other/x.json"), "{}");
        Files.writeString(inbox.resolve("default/makes/y.json.part"), "{}");
        Files.writeString(inbox.resolve("stray.json"), "{}");

        try (var watcher = new InboxWatcher(inbox, S3.client(), "files", Duration.ZERO, Duration.ofHours(1))) {
            assertThat(watcher.scan()).isEmpty();
        }
        assertThat(inbox.resolve("default/other/x.json")).exists();
        assertThat(inbox.resolve("default/makes/y.json.part")).exists();
        assertThat(inbox.resolve("stray.json")).exists();
    }

    @Test
    void aSymbolicLinkToAFileOutsideIsNeverReadNorItsTargetMoved(@TempDir Path outside) throws Exception {
        Path secret = Files.writeString(outside.resolve("admin-token"), "rdt.secret");
        InboxWatcher.createKitchenFolders(inbox, "default");
        Files.createSymbolicLink(inbox.resolve("default/recipes/token.json"), secret);

        try (var watcher = new InboxWatcher(inbox, S3.client(), "files", Duration.ZERO, Duration.ofHours(1))) {
            assertThat(watcher.scan()).isEmpty();
        }

        assertThat(secret).hasContent("rdt.secret");
        assertThat(Files.isSymbolicLink(inbox.resolve(".refused/default/recipes/token.json")))
                .isTrue();
        assertThat(S3.client()
                        .listObjectsV2(b -> b.bucket("files").prefix("default/recipes/token"))
                        .contents())
                .isEmpty();
    }

    @Test
    void aSymbolicLinkToAFolderOutsideIsNeverWalked(@TempDir Path outside) throws Exception {
        Files.writeString(outside.resolve("private.json"), "{}");
        InboxWatcher.createKitchenFolders(inbox, "default");
        Files.createSymbolicLink(inbox.resolve("default/recipes/elsewhere"), outside);

        try (var watcher = new InboxWatcher(inbox, S3.client(), "files", Duration.ZERO, Duration.ofHours(1))) {
            assertThat(watcher.scan()).isEmpty();
        }

        assertThat(outside.resolve("private.json")).exists();
        assertThat(S3.client()
                        .listObjectsV2(b -> b.bucket("files").prefix("default/recipes/elsewhere"))
                        .contents())
                .isEmpty();
    }

    @Test
    void aFileWithASecondHardLinkIsRefused(@TempDir Path outside) throws Exception {
        Path original = Files.writeString(outside.resolve("records.json"), "{}");
        InboxWatcher.createKitchenFolders(inbox, "default");
        Files.createLink(inbox.resolve("default/recipes/records.json"), original);

        try (var watcher = new InboxWatcher(inbox, S3.client(), "files", Duration.ZERO, Duration.ofHours(1))) {
            assertThat(watcher.scan()).isEmpty();
        }

        assertThat(original).exists();
        assertThat(inbox.resolve(".refused/default/recipes/records.json")).exists();
    }
}
