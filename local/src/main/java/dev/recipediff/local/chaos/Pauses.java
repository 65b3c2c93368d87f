package dev.recipediff.local.chaos;

import java.time.Duration;

/** The chaos run's waits: a sleep that turns an interrupt into an unchecked stop (the flag kept). */
final class Pauses {

    private Pauses() {}

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
