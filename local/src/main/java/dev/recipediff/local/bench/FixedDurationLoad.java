package dev.recipediff.local.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load for a fixed time: {@code threads} callers repeat an operation as fast as it completes;
 * a warm-up period is run first and not counted.
 */
public final class FixedDurationLoad {

    /** One operation of caller {@code thread}; returns how many units it completed. */
    @FunctionalInterface
    public interface Operation {
        long run(int thread, long iteration) throws Exception;
    }

    private FixedDurationLoad() {}

    public static Ceiling measure(
            String component, String unit, int threads, Duration warmUp, Duration measured, Operation operation)
            throws InterruptedException {
        AtomicLong counted = new AtomicLong();
        long start = System.nanoTime();
        long countFrom = start + warmUp.toNanos();
        long end = countFrom + measured.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(
                threads, Thread.ofPlatform().name("bench-" + component + "-", 0).factory());
        List<Future<?>> callers = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                callers.add(pool.submit(() -> {
                    long iteration = 0;
                    long now;
                    while ((now = System.nanoTime()) < end) {
                        long units = operation.run(thread, iteration++);
                        if (now >= countFrom) {
                            counted.addAndGet(units);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> caller : callers) {
                caller.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    component + " ceiling: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - countFrom) / 1e9;
        return new Ceiling(component, unit, counted.get(), seconds, threads);
    }
}
