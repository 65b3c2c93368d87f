package dev.recipediff.functions.analytics;

import dev.recipediff.functions.store.ItemKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The derived items this instance stored last — stats views ({@link StatsRefresher}) and insights accumulators
 * ({@link InsightsRefresher}) — with their revisions, by item key, so that the next refresh of the same item
 * skips the read (a GetItem, a gunzip and a JSON parse). Only a hint: the write that follows is conditional on
 * the revision, so an item another writer replaced meanwhile fails that write, is dropped here and read again —
 * the same retry as without the cache, one conditional write later. Bounded (least recently used out), and
 * every cached value is bounded ({@link ViewBounds}, {@code InsightsState.MAX_KEYS}), so the cache's memory
 * does not grow with the data. Values must be immutable.
 *
 * <p>Refreshes of one item by this instance also take turns ({@link #inTurn}): two concurrent makes of one recipe
 * would otherwise both start from the same cached revision, and one of them would fail its conditional write, read
 * the item and fold again — a wasted write and a read (measured under the API's ceiling probe: one make in four).
 * Only another instance's write can still make the conditional write fail.
 *
 * @param <V> the stored value with its revision
 */
final class LastStoredCache<V> {

    /** Items kept per refresher; a view or an accumulator is a few KiB to a few tens of KiB. */
    static final int MAX_ITEMS = 256;

    private final Map<ItemKey, V> items = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ItemKey, V> eldest) {
            return size() > MAX_ITEMS;
        }
    };

    /** Fair locks striped by item key: a bounded number, whatever the number of items. */
    private final ReentrantLock[] turns = new ReentrantLock[64];

    LastStoredCache() {
        for (int i = 0; i < turns.length; i++) {
            turns[i] = new ReentrantLock(true);
        }
    }

    /** Runs {@code refresh} of the item {@code key} while no other refresh of it by this instance runs. */
    <T> T inTurn(ItemKey key, Supplier<T> refresh) {
        ReentrantLock turn = turns[Math.floorMod(key.hashCode(), turns.length)];
        turn.lock();
        try {
            return refresh.get();
        } finally {
            turn.unlock();
        }
    }

    synchronized Optional<V> get(ItemKey key) {
        return Optional.ofNullable(items.get(key));
    }

    synchronized void stored(ItemKey key, V value) {
        items.put(key, value);
    }

    synchronized void forget(ItemKey key) {
        items.remove(key);
    }

    synchronized int size() {
        return items.size();
    }
}
