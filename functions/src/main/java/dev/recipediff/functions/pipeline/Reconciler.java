package dev.recipediff.functions.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code recipediff reconcile}: S3 notifications are at-least-once and can be missed, so this lists every file
 * under a kitchen's {@code recipes/} and {@code makes/} and re-enqueues those in no terminal state. Terminal means:
 * the API applied the file's idempotency key (recipe or make stored), a rejection report about that version
 * exists, or its job waits in the DLQ. Files that can never become a job but lack their rejection report get it.
 * Running it twice, or while the pipeline works, is safe: a duplicate job is absorbed by the idempotency key.
 */
public final class Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final String bucket;
    private final FileStore files;
    private final RejectionReports reports;
    private final AppliedRequests applied;
    private final DeadLetters deadLetters;
    private final JobEnqueuer enqueuer;
    private final Clock clock;

    public Reconciler(
            String bucket,
            FileStore files,
            RejectionReports reports,
            AppliedRequests applied,
            DeadLetters deadLetters,
            JobEnqueuer enqueuer,
            Clock clock) {
        this.bucket = bucket;
        this.files = files;
        this.reports = reports;
        this.applied = applied;
        this.deadLetters = deadLetters;
        this.enqueuer = enqueuer;
        this.clock = clock;
    }

    /** What one run found and did. */
    public record Result(int files, int terminal, int requeued, int reported) {}

    /**
     * Re-enqueues every file in no terminal state.
     *
     * @param olderThan leave files younger than this alone (their notification is probably still in flight)
     */
    public Result reconcile(Duration olderThan) {
        Instant cutoff = clock.instant().minus(olderThan);
        Set<String> inDeadLetterQueue = new HashSet<>();
        deadLetters.peekJobs().forEach(job -> inDeadLetterQueue.add(job.idempotencyKey()));
        List<FileStore.StoredObject> candidates = new ArrayList<>();
        files.forEachObject("", object -> {
            if (object.lastModified() == null || !object.lastModified().isAfter(cutoff)) {
                candidates.add(object);
            }
        });
        int considered = 0;
        int terminal = 0;
        int reported = 0;
        List<Job> requeue = new ArrayList<>();
        for (FileStore.StoredObject listed : candidates) {
            switch (BucketLayout.route(listed.key(), listed.size())) {
                case BucketLayout.Accepted accepted -> {
                    considered++;
                    Optional<Job> job = currentJob(listed, accepted);
                    if (job.isEmpty()) {
                        continue;
                    }
                    if (isTerminal(job.get(), inDeadLetterQueue)) {
                        terminal++;
                    } else {
                        requeue.add(job.get());
                    }
                }
                case BucketLayout.Refused refused -> {
                    considered++;
                    if (reports.find(listed.key()).isPresent()) {
                        terminal++;
                    } else {
                        reports.write(new RejectionReport(
                                listed.key(),
                                refused.reason(),
                                refused.message(),
                                List.of(),
                                clock.instant(),
                                listed.versionId(),
                                listed.eTag()));
                        reported++;
                    }
                }
                case BucketLayout.Ignored ignored -> {}
            }
        }
        enqueuer.enqueue(requeue);
        Result result = new Result(considered, terminal, requeue.size(), reported);
        LOG.info("reconcile: {}", result);
        return result;
    }

    private Optional<Job> currentJob(FileStore.StoredObject listed, BucketLayout.Accepted accepted) {
        try {
            FileStore.StoredObject current = files.describe(listed.key());
            return Optional.of(new Job(
                    bucket,
                    current.key(),
                    current.versionId(),
                    current.eTag(),
                    current.size(),
                    accepted.kind(),
                    accepted.kitchen()));
        } catch (FileStore.FileGoneException e) {
            return Optional.empty();
        }
    }

    private boolean isTerminal(Job job, Set<String> inDeadLetterQueue) {
        if (inDeadLetterQueue.contains(job.idempotencyKey())) {
            return true;
        }
        if (applied.isApplied(job.kitchen(), job.idempotencyKey())
                || job.kind() == FileKind.RECIPE && applied.isApplied(job.kitchen(), job.updateIdempotencyKey())) {
            return true;
        }
        return reports.find(job.key())
                .filter(report -> report.isAbout(job.key(), job.versionId(), job.eTag()))
                .isPresent();
    }
}
