package dev.recipediff.local.bench;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Puts generated makes into the bucket under {@code {kitchen}/makes/}: closed loop (as fast as the S3
 * endpoint accepts, with several uploaders) or open loop (one make every 1/rate s, whatever the endpoint
 * does — latency is then measured from the intended start, so that a slow endpoint cannot hide its
 * queueing).
 */
public final class MakeUploader {

    private final S3Client s3;
    private final String bucket;
    private final String kitchen;
    private final List<GeneratedMake> makes;
    private final AtomicLongArray startedAt;
    private final AtomicInteger uploaded = new AtomicInteger();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    public MakeUploader(S3Client s3, String bucket, String kitchen, List<GeneratedMake> makes) {
        this.s3 = s3;
        this.bucket = bucket;
        this.kitchen = kitchen;
        this.makes = makes;
        this.startedAt = new AtomicLongArray(makes.size());
    }

    public int uploaded() {
        return uploaded.get();
    }

    /** When make {@code sequence}'s upload started (closed loop) or was meant to start (open loop), nanoTime. */
    public long startedAt(int sequence) {
        return startedAt.get(sequence);
    }

    /** Uploads everything with {@code uploaders} threads as fast as possible; returns when all are uploaded. */
    public void uploadClosedLoop(int uploaders) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(
                uploaders, Thread.ofPlatform().name("bench-upload-", 0).factory());
        try {
            for (int t = 0; t < uploaders; t++) {
                pool.execute(() -> {
                    for (int i = next.getAndIncrement();
                            i < makes.size() && failure.get() == null;
                            i = next.getAndIncrement()) {
                        startedAt.set(i, System.nanoTime());
                        put(makes.get(i));
                    }
                });
            }
        } finally {
            shutdownAndWait(pool);
        }
        rethrowFailure();
    }

    /** Offers {@code ratePerSecond} makes per second on a fixed schedule, each upload on its own thread. */
    public void uploadOpenLoop(double ratePerSecond) throws InterruptedException {
        long period = (long) (1e9 / ratePerSecond);
        ExecutorService pool = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("bench-upload-", 0).factory());
        try {
            long first = System.nanoTime();
            for (int i = 0; i < makes.size() && failure.get() == null; i++) {
                long intended = first + i * period;
                long wait;
                while ((wait = intended - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                startedAt.set(i, intended);
                GeneratedMake make = makes.get(i);
                pool.execute(() -> put(make));
            }
        } finally {
            shutdownAndWait(pool);
        }
        rethrowFailure();
    }

    private void put(GeneratedMake make) {
        try {
            s3.putObject(
                    b -> b.bucket(bucket)
                            .key(kitchen + "/makes/" + make.fileName())
                            .contentType("application/json"),
                    RequestBody.fromBytes(make.body()));
            uploaded.incrementAndGet();
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    private void rethrowFailure() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw new IllegalStateException(
                    "an upload failed after " + uploaded.get() + " makes: " + e.getMessage(), e);
        }
    }

    private static void shutdownAndWait(ExecutorService pool) throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(1, TimeUnit.HOURS)) {
            pool.shutdownNow();
            throw new IllegalStateException("uploads did not finish within an hour");
        }
    }
}
