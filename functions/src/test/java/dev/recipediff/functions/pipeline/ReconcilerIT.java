package dev.recipediff.functions.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recipediff.emulators.dynamodb.DynaliteExtension;
import dev.recipediff.emulators.dynamodb.DynaliteProcess;
import dev.recipediff.functions.adapters.s3.S3RejectionReports;
import dev.recipediff.functions.config.AwsClients;
import dev.recipediff.functions.config.FunctionsConfig;
import dev.recipediff.functions.operations.PipelineRepairs;
import dev.recipediff.functions.store.IdempotencyRecords;
import dev.recipediff.functions.store.RecipeTable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code recipediff reconcile} against S3Proxy, ElasticMQ and dynalite: files whose notification was missed are
 * queued again; files in a terminal state are left alone.
 */
@ExtendWith(DynaliteExtension.class)
class ReconcilerIT {

    private static final String TABLE = "reconcile-it";
    private static QueueEmulators emulators;
    private static IdempotencyRecords idempotency;
    private static Reconciler reconciler;
    private final JobCodec codec = new JobCodec();

    @BeforeAll
    static void start(DynaliteProcess dynalite) throws Exception {
        emulators = QueueEmulators.start(Duration.ofSeconds(30));
        FunctionsConfig config = emulators.config(
                Optional.empty(), Optional.empty(), Optional.of(TABLE), Optional.of(dynalite.endpoint()));
        RecipeTable table = new RecipeTable(new AwsClients(config).dynamoDb(), TABLE);
        table.createIfMissing();
        idempotency = new IdempotencyRecords(table, Clock.systemUTC(), Duration.ofMinutes(1));
        reconciler = PipelineRepairs.reconciler(config, emulators.sqs.deadLetterQueueUrl());
    }

    @AfterAll
    static void stop() throws Exception {
        emulators.close();
    }

    @BeforeEach
    void emptyQueues() {
        emulators.purge();
    }

    /** A file as the watcher would have queued it: its current eTag from the bucket. */
    private Job jobFor(String key, FileKind kind, String kitchen) {
        var head = emulators.s3Client.headObject(
                b -> b.bucket(QueueEmulators.BUCKET).key(key));
        return new Job(QueueEmulators.BUCKET, key, null, head.eTag(), head.contentLength(), kind, kitchen);
    }

    private void markApplied(String kitchen, String idempotencyKey) {
        var claim = (IdempotencyRecords.Claim.Acquired) idempotency.claim(kitchen, idempotencyKey, "fingerprint");
        claim.attempt().complete(201, "{}".getBytes(StandardCharsets.UTF_8));
    }

    private List<Job> queuedJobs() {
        return emulators.drain(emulators.sqs.queueUrl()).stream()
                .map(m -> codec.decode(m.body()))
                .toList();
    }

    @Test
    void aFileWhoseNotificationWasMissedIsQueuedAgain() {
        emulators.putSample("rec-1/makes/apple-pie.exact.json", "makes/apple-pie.exact.json");

        Reconciler.Result result = reconciler.reconcile(Duration.ZERO);

        assertThat(queuedJobs())
                .filteredOn(job -> job.kitchen().equals("rec-1"))
                .containsExactly(jobFor("rec-1/makes/apple-pie.exact.json", FileKind.MAKE, "rec-1"));
        assertThat(result.requeued()).isPositive();
    }

    @Test
    void filesInATerminalStateAreLeftAlone() {
        emulators.putSample("rec-2/makes/stored.json", "makes/apple-pie.exact.json");
        markApplied(
                "rec-2",
                jobFor("rec-2/makes/stored.json", FileKind.MAKE, "rec-2").idempotencyKey());
        emulators.putSample("rec-2/recipes/updated.json", "recipes/apple-pie.json");
        markApplied(
                "rec-2",
                jobFor("rec-2/recipes/updated.json", FileKind.RECIPE, "rec-2").updateIdempotencyKey());
        emulators.putSample("rec-2/makes/rejected.json", "invalid/truncated.json");
        Job rejected = jobFor("rec-2/makes/rejected.json", FileKind.MAKE, "rec-2");
        new S3RejectionReports(emulators.s3Client, QueueEmulators.BUCKET)
                .write(new RejectionReport(
                        rejected.key(), "invalid_json", "truncated", List.of(), Instant.now(), null, rejected.eTag()));
        emulators.putSample("rec-2/makes/dead.json", "makes/apple-pie.exact.json");
        String deadLetter = codec.encode(jobFor("rec-2/makes/dead.json", FileKind.MAKE, "rec-2"));
        emulators.sqsClient.sendMessage(
                b -> b.queueUrl(emulators.sqs.deadLetterQueueUrl()).messageBody(deadLetter));

        Reconciler.Result result = reconciler.reconcile(Duration.ZERO);

        assertThat(queuedJobs()).extracting(Job::key).noneMatch(key -> key.startsWith("rec-2/"));
        assertThat(result.terminal()).isGreaterThanOrEqualTo(4);
        assertThat(emulators.drain(emulators.sqs.deadLetterQueueUrl()))
                .as("the DLQ is only peeked at")
                .hasSize(1);
    }

    @Test
    void aRejectionReportAboutAnOlderVersionDoesNotCount() {
        emulators.putSample("rec-3/makes/fixed.json", "makes/apple-pie.exact.json");
        new S3RejectionReports(emulators.s3Client, QueueEmulators.BUCKET)
                .write(new RejectionReport(
                        "rec-3/makes/fixed.json",
                        "invalid_json",
                        "truncated",
                        List.of(),
                        Instant.now(),
                        null,
                        "etag-of-the-broken-version"));

        reconciler.reconcile(Duration.ZERO);

        assertThat(queuedJobs()).extracting(Job::key).contains("rec-3/makes/fixed.json");
    }

    @Test
    void aFileThatCanNeverBecomeAJobGetsItsMissingRejectionReport() {
        emulators.put("rec-4/makes/photo.jpg", "jpeg".getBytes(StandardCharsets.UTF_8));

        reconciler.reconcile(Duration.ZERO);

        assertThat(emulators.keys("rec-4/rejected/")).containsExactly("rec-4/rejected/makes/photo.jpg.error.json");
    }

    @Test
    void filesYoungerThanTheGracePeriodAreLeftToTheirNotification() {
        emulators.putSample("rec-5/makes/just-now.json", "makes/apple-pie.exact.json");

        reconciler.reconcile(Duration.ofMinutes(10));

        assertThat(queuedJobs()).extracting(Job::key).doesNotContain("rec-5/makes/just-now.json");
    }
}
