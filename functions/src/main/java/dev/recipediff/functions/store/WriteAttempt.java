package dev.recipediff.functions.store;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * One attempt at a write request. Every item the request writes carries {@link #writeToken()}, and every
 * number it allocates (recipe id, version, make id) is {@linkplain #pin pinned} first: a retry of the same
 * attempt (same Idempotency-Key after a crash) gets the same token and the same numbers, so its conditional
 * writes either succeed for the first time or find its own earlier items — never duplicates.
 */
public interface WriteAttempt {

    /** Stable across retries of the same idempotent request; random for a request without a key. */
    String writeToken();

    /** The number pinned under {@code name}, allocating (and pinning) it on first use. */
    long pin(String name, LongSupplier allocate);

    /** Replaces a pinned number that turned out to be taken by someone else. */
    long repin(String name, long stale, LongSupplier allocate);

    /** Whether a number is pinned under {@code name} (by this attempt or by the crashed one it retakes). */
    boolean hasPin(String name);

    /** An attempt without Idempotency-Key: nothing survives it, so pins live in memory. */
    static WriteAttempt once() {
        return new Once("once:" + UUID.randomUUID());
    }

    /** The in-memory attempt. */
    final class Once implements WriteAttempt {
        private final String writeToken;
        private final Map<String, Long> pins = new HashMap<>();

        Once(String writeToken) {
            this.writeToken = writeToken;
        }

        @Override
        public String writeToken() {
            return writeToken;
        }

        @Override
        public synchronized long pin(String name, LongSupplier allocate) {
            return pins.computeIfAbsent(name, unused -> allocate.getAsLong());
        }

        @Override
        public synchronized long repin(String name, long stale, LongSupplier allocate) {
            long fresh = allocate.getAsLong();
            pins.put(name, fresh);
            return fresh;
        }

        @Override
        public synchronized boolean hasPin(String name) {
            return pins.containsKey(name);
        }
    }
}
