package dev.recipediff.local.chaos;

import dev.recipediff.local.chaos.ChaosFaults.Fault;
import dev.recipediff.local.chaos.ChaosPlan.Upload;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Injects the faults of issue 9 §1 into a running {@link ChaosServe}, all from outside the product code, and
 * records each in {@link ChaosFaults} with what it hit.
 */
final class ChaosFaultInjector {

    private static final Duration API_OUTAGE = Duration.ofSeconds(3);
    private static final Duration POLLING_DOWN = Duration.ofSeconds(1);
    private static final Duration DYNALITE_DOWN = Duration.ofSeconds(3);
    /**
     * The API's idempotency lease (ApiHandler.IDEMPOTENCY_LEASE). An API request that dies with dynalite cannot
     * end its claim, so its retries get 409 request_in_progress until the lease runs out; with this run's 2 s
     * visibility timeout the queue gives up after 5 receives (10 s), long before, and the job lands in the DLQ
     * although its effect may be written already. Redriving after the lease has run out completes it.
     */
    private static final Duration CLAIM_LEASE = Duration.ofSeconds(60);

    private final ChaosServe serve;
    private final ApiOutageProxy proxy;
    private final ChaosUploader uploader;
    private final ChaosQueueWatch queues;
    private final ChaosFaults faults;
    private final Random random;
    private Instant claimsFreeAt = Instant.EPOCH;
    private long outageBegan;

    ChaosFaultInjector(
            ChaosServe serve, ChaosUploader uploader, ChaosQueueWatch queues, ChaosFaults faults, Random random) {
        this.serve = serve;
        this.proxy = serve.apiProxy();
        this.uploader = uploader;
        this.queues = queues;
        this.faults = faults;
        this.random = random;
    }

    /** Which of a plan's files get no notification: 5 % of the plan (at least one file), spread at random. */
    Set<Integer> notificationsToDrop(int files) {
        List<Integer> indexes =
                new ArrayList<>(IntStream.range(0, files).boxed().toList());
        Collections.shuffle(indexes, random);
        return new HashSet<>(indexes.subList(0, Math.min(files, Math.max(1, files / 20))));
    }

    /** The API answers 503 from now until {@link #endApiOutage()}. */
    void beginApiOutage() {
        proxy.beginOutage();
        outageBegan = System.nanoTime();
    }

    /** The window stays open {@link #API_OUTAGE} after this is called. */
    void endApiOutage() {
        Pauses.pause(API_OUTAGE);
        proxy.endOutage();
        long seconds = Duration.ofNanos(System.nanoTime() - outageBegan).toSeconds();
        faults.happened(Fault.API_UNAVAILABLE, seconds + " s, " + proxy.refused() + " request(s) refused");
    }

    /** The sender's SQS pollers stopped without grace and started again, serve running on. */
    void killSenderPolling() {
        int inFlight = queues.awaitJobsInFlight(Duration.ofSeconds(10));
        serve.runtime().senderPolling().stop(Duration.ZERO);
        Pauses.pause(POLLING_DOWN);
        serve.runtime().senderPolling().start();
        faults.happened(Fault.SENDER_POLLING_KILLED, inFlight + " job(s) in flight");
    }

    /** The dynalite child process killed; serve restarted after {@link #DYNALITE_DOWN}. */
    void killDynaliteThenRestart() {
        long killed = ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("dynalite"))
                .peek(ProcessHandle::destroyForcibly)
                .count();
        faults.happened(Fault.DYNALITE_KILLED, killed + " process(es), " + queues.inFlightJobs() + " job(s) in flight");
        claimsFreeAt = Instant.now().plus(CLAIM_LEASE).plusSeconds(1);
        Pauses.pause(DYNALITE_DOWN);
        serve.restart();
    }

    /**
     * dynalite alone stopped and started again on the same port and store ({@link
     * dev.recipediff.local.serve.ServeRuntime#restartDynalite()}) while jobs are in flight; the pipeline runs on.
     * Like a kill, it may strand idempotency claims ({@link #CLAIM_LEASE}).
     */
    void restartDynaliteAlone() {
        int inFlight = queues.awaitJobsInFlight(Duration.ofSeconds(10));
        claimsFreeAt = Instant.now().plus(CLAIM_LEASE).plusSeconds(1);
        long started = System.nanoTime();
        serve.runtime().restartDynalite();
        faults.happened(
                Fault.DYNALITE_RESTARTED,
                inFlight + " job(s) in flight, down "
                        + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
    }

    /** Serve stopped gracefully (its SIGTERM path) and started again. */
    void restartGracefully() {
        int inFlight = queues.inFlightJobs();
        serve.restart();
        faults.happened(Fault.SERVE_RESTARTED, inFlight + " job(s) in flight");
    }

    /** Re-uploads {@code count} files whose notification was delivered: half under the same key, half a new one. */
    void reuploadSome(int count) {
        List<Upload> valid = uploader.validWithNotification();
        for (int i = 0; i < count; i++) {
            Upload again = valid.get(random.nextInt(valid.size()));
            if (i % 2 == 0) {
                uploader.uploadAgain(again);
                faults.happened(Fault.REUPLOAD_SAME_KEY);
            } else {
                uploader.upload(again.copyUnderNewKey(), false);
                faults.happened(Fault.REUPLOAD_NEW_KEY);
            }
        }
    }

    /** When the idempotency claims stranded by the dynalite kill have expired ({@link #CLAIM_LEASE}). */
    Instant claimsFreeAt() {
        return claimsFreeAt;
    }
}
