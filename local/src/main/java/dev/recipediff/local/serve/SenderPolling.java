package dev.recipediff.local.serve;

import dev.recipediff.emulators.glue.SqsPoller;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The sender's SQS pollers — what the event source mapping is on AWS. An operator may stop them while the rest of
 * {@code serve} keeps running (as disabling the mapping does: jobs wait in the queue, uploads still become jobs)
 * and start them again. Stopping waits up to a grace period for the batches in flight; with no grace they are
 * abandoned at once, and their messages come back after the visibility timeout.
 */
public final class SenderPolling {

    private final Supplier<SqsPoller> newPoller;
    private final int concurrency;
    private final List<SqsPoller> pollers = new ArrayList<>();

    SenderPolling(Supplier<SqsPoller> newPoller, int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("at least one poller, was " + concurrency);
        }
        this.newPoller = newPoller;
        this.concurrency = concurrency;
    }

    /** Starts the pollers unless they run already. */
    public synchronized void start() {
        if (pollers.isEmpty()) {
            for (int poller = 0; poller < concurrency; poller++) {
                pollers.add(newPoller.get().start());
            }
        }
    }

    /**
     * Stops polling; waits up to {@code grace} for each poller's batch in flight ({@link Duration#ZERO}: abandons
     * them now). Does nothing when already stopped.
     */
    public synchronized void stop(Duration grace) {
        // all at once: the grace bounds the whole stop, not each poller's in turn
        List<Thread> stopping = pollers.stream()
                .map(poller -> Thread.ofPlatform().name("sender-polling-stop").start(() -> poller.stop(grace)))
                .toList();
        pollers.clear();
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public synchronized boolean polling() {
        return !pollers.isEmpty();
    }
}
