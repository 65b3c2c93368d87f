package dev.recipediff.functions.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The reconciler's terminal-state rules, with test doubles of its ports. */
class ReconcilerTest {

    private static final Instant NOW = Instant.parse("2026-11-29T18:00:00Z");
    private static final Instant AN_HOUR_AGO = NOW.minus(Duration.ofHours(1));

    private final ListedFiles files = new ListedFiles();
    private final RecordingRejectionReports reports = new RecordingRejectionReports();
    private final Set<String> appliedKeys = new HashSet<>();
    private final List<Job> deadLetters = new ArrayList<>();
    private final RecordingJobQueue queue = new RecordingJobQueue();

    private Reconciler reconciler() {
        return new Reconciler(
                "files",
                files,
                reports,
                (kitchen, key) -> appliedKeys.contains(kitchen + " " + key),
                () -> deadLetters,
                new JobEnqueuer(queue, 1, Duration.ZERO),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Test double of the bucket as the reconciler lists it. */
    private static final class ListedFiles implements FileStore {
        final Map<String, StoredObject> objects = new LinkedHashMap<>();

        Job add(String key, String eTag, FileKind kind, Instant lastModified) {
            objects.put(key, new StoredObject("files", key, null, eTag, 100, lastModified));
            return new Job("files", key, null, eTag, 100, kind, key.substring(0, key.indexOf('/')));
        }

        @Override
        public byte[] read(Job job) {
            throw new UnsupportedOperationException("the reconciler never reads bodies");
        }

        @Override
        public void forEachObject(String prefix, Consumer<StoredObject> action) {
            objects.values().forEach(action);
        }

        @Override
        public StoredObject describe(String key) {
            return objects.get(key);
        }
    }

    @Test
    void aFileInNoTerminalStateIsQueuedAgain() {
        Job job = files.add("default/makes/pie.json", "e1", FileKind.MAKE, AN_HOUR_AGO);

        Reconciler.Result result = reconciler().reconcile(Duration.ofMinutes(1));

        assertThat(queue.queued).containsExactly(job);
        assertThat(result).isEqualTo(new Reconciler.Result(1, 0, 1, 0));
    }

    @Test
    void aRecipeCountsAsStoredWhenItsPostOrItsUpdateWasApplied() {
        Job added = files.add("default/recipes/new.json", "e1", FileKind.RECIPE, AN_HOUR_AGO);
        Job updated = files.add("default/recipes/changed.json", "e2", FileKind.RECIPE, AN_HOUR_AGO);
        appliedKeys.add("default " + added.idempotencyKey());
        appliedKeys.add("default " + updated.updateIdempotencyKey());

        Reconciler.Result result = reconciler().reconcile(Duration.ofMinutes(1));

        assertThat(queue.queued).isEmpty();
        assertThat(result.terminal()).isEqualTo(2);
    }

    @Test
    void aMakeIsNotStoredByAnUpdateKey() {
        Job make = files.add("default/makes/pie.json", "e1", FileKind.MAKE, AN_HOUR_AGO);
        appliedKeys.add("default " + make.updateIdempotencyKey());

        reconciler().reconcile(Duration.ofMinutes(1));

        assertThat(queue.queued).containsExactly(make);
    }

    @Test
    void aJobWaitingInTheDlqIsTerminal() {
        deadLetters.add(files.add("default/makes/pie.json", "e1", FileKind.MAKE, AN_HOUR_AGO));

        reconciler().reconcile(Duration.ofMinutes(1));

        assertThat(queue.queued).isEmpty();
    }

    @Test
    void onlyARejectionReportAboutTheCurrentVersionIsTerminal() {
        files.add("default/makes/still-bad.json", "e1", FileKind.MAKE, AN_HOUR_AGO);
        Job fixed = files.add("default/makes/fixed.json", "e3", FileKind.MAKE, AN_HOUR_AGO);
        reports.write(
                new RejectionReport("default/makes/still-bad.json", "invalid_json", "m", List.of(), NOW, null, "e1"));
        reports.write(new RejectionReport("default/makes/fixed.json", "invalid_json", "m", List.of(), NOW, null, "e2"));

        reconciler().reconcile(Duration.ofMinutes(1));

        assertThat(queue.queued).containsExactly(fixed);
    }

    @Test
    void filesYoungerThanTheGracePeriodAndThePipelinesOwnReportsAreLeftAlone() {
        files.add("default/makes/fresh.json", "e1", FileKind.MAKE, NOW.minusSeconds(5));
        files.add("default/rejected/makes/old.json.error.json", "e2", FileKind.MAKE, AN_HOUR_AGO);

        Reconciler.Result result = reconciler().reconcile(Duration.ofMinutes(1));

        assertThat(queue.queued).isEmpty();
        assertThat(result.files()).isZero();
    }

    @Test
    void aFileThatCanNeverBecomeAJobGetsItsMissingReportOnce() {
        files.add("default/makes/photo.jpg", "e1", FileKind.MAKE, AN_HOUR_AGO);

        Reconciler.Result first = reconciler().reconcile(Duration.ofMinutes(1));
        Reconciler.Result second = reconciler().reconcile(Duration.ofMinutes(1));

        assertThat(reports.byFileKey.get("default/makes/photo.jpg").reason()).isEqualTo("unsupported_file_type");
        assertThat(first.reported()).isEqualTo(1);
        assertThat(second).isEqualTo(new Reconciler.Result(1, 1, 0, 0));
    }
}
