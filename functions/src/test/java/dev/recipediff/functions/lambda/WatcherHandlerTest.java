package dev.recipediff.functions.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.recipediff.functions.pipeline.FileKind;
import dev.recipediff.functions.pipeline.Job;
import dev.recipediff.functions.pipeline.JobEnqueuer;
import dev.recipediff.functions.pipeline.RecordingJobQueue;
import dev.recipediff.functions.pipeline.RecordingRejectionReports;
import dev.recipediff.functions.pipeline.RejectionReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WatcherHandlerTest {

    private static final Instant NOW = Instant.parse("2026-11-29T18:00:05Z");

    private final RecordingJobQueue queue = new RecordingJobQueue();
    private final RecordingRejectionReports reports = new RecordingRejectionReports();

    private WatcherHandler watcher() {
        return new WatcherHandler(
                new JobEnqueuer(queue, 3, Duration.ofMillis(1)), reports, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static S3Event event(String fixture) {
        return EventLoader.loadS3Event("events/" + fixture);
    }

    @Test
    void aCreatedMakeFileBecomesOneJobThatPointsAtTheObject() {
        watcher().handleRequest(event("s3-make-created.json"), null);

        assertThat(queue.queued)
                .containsExactly(new Job(
                        "recipediff-files",
                        "default/makes/apple-pie.more-cinnamon-hotter.json",
                        null,
                        "0f343b0931126a20f133d67c2b018a3b",
                        812,
                        FileKind.MAKE,
                        "default"));
        assertThat(reports.byFileKey).isEmpty();
    }

    @Test
    void aRecipeInAVersionedBucketIsPinnedToItsVersionId() {
        watcher().handleRequest(event("s3-recipe-created-versioned.json"), null);

        assertThat(queue.queued).singleElement().satisfies(job -> {
            assertThat(job.kind()).isEqualTo(FileKind.RECIPE);
            assertThat(job.versionId()).isEqualTo("3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY");
            assertThat(job.version()).isEqualTo("3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY");
        });
    }

    @Test
    void eventKeysAreUrlDecodedWithPlusAsASpace() {
        watcher().handleRequest(event("s3-key-with-spaces-and-unicode.json"), null);

        assertThat(queue.queued)
                .extracting(Job::key)
                .containsExactly("default/makes/crème brûlée (grandma’s) 2+2.json");
    }

    @Test
    void thePipelinesOwnReportsFolderMarkersLooseFilesAndDeletionsAreIgnored() {
        watcher().handleRequest(event("s3-not-for-the-pipeline.json"), null);

        assertThat(queue.queued).isEmpty();
        assertThat(reports.byFileKey).isEmpty();
    }

    @Test
    void filesThatCanNeverBecomeJobsGetARejectionReportEach() {
        watcher().handleRequest(event("s3-cannot-become-jobs.json"), null);

        assertThat(queue.queued).isEmpty();
        assertThat(reports.byFileKey.values())
                .extracting(RejectionReport::key, RejectionReport::reason, RejectionReport::rejectedAt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("default/notes/shopping list.json", "unknown_prefix", NOW),
                        org.assertj.core.groups.Tuple.tuple("default/makes/photo.jpg", "unsupported_file_type", NOW),
                        org.assertj.core.groups.Tuple.tuple("default/makes/huge.json", "too_large", NOW));
    }

    @Test
    void jobsGoOutInBatchesOfAtMostTen() {
        watcher().handleRequest(event("s3-twelve-makes.json"), null);

        assertThat(queue.batchSizes).containsExactly(10, 2);
        assertThat(queue.queued).hasSize(12);
    }

    @Test
    void entriesTheQueueRefusesAreSentAgain() {
        queue.refusing(job -> job.key().endsWith("make-03.json") || job.key().endsWith("make-11.json"), 2);

        watcher().handleRequest(event("s3-twelve-makes.json"), null);

        assertThat(queue.queued).hasSize(12);
        assertThat(queue.batchSizes).startsWith(10, 1);
    }

    @Test
    void theInvocationFailsWhenEntriesAreStillRefusedAfterEveryRetry() {
        queue.refusing(job -> job.key().endsWith("make-07.json"), Integer.MAX_VALUE);

        assertThatThrownBy(() -> watcher().handleRequest(event("s3-twelve-makes.json"), null))
                .isInstanceOf(JobEnqueuer.JobsNotQueuedException.class)
                .hasMessageContaining("default/makes/make-07.json");
        assertThat(queue.queued).hasSize(11);
    }
}
