package dev.recipediff.local.serve;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code serve}'s shutdown: every part registers its stop when it has started, and the stops run in reverse order
 * (last started, first stopped), each one even when an earlier one failed. Runs once.
 */
final class ShutdownSequence {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownSequence.class);

    private final Deque<Runnable> stopsInOrder = new ArrayDeque<>();
    private boolean stopped;

    /** Registers a stop; it runs before every stop registered earlier. */
    synchronized void onStop(Runnable stop) {
        stopsInOrder.push(stop);
    }

    /** Registers closing {@code closeable}; a failure to close is logged, not thrown. */
    void onStopClose(AutoCloseable closeable) {
        onStop(() -> {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("while stopping: {}", e.toString());
            }
        });
    }

    /** Runs every registered stop, last registered first; false when it had run before. */
    synchronized boolean stopAll() {
        if (stopped) {
            return false;
        }
        stopped = true;
        while (!stopsInOrder.isEmpty()) {
            try {
                stopsInOrder.pop().run();
            } catch (RuntimeException e) {
                LOG.warn("while stopping: {}", e.toString());
            }
        }
        return true;
    }
}
