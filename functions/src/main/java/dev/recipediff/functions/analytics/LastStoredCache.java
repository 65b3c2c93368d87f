package dev.recipediff.functions.analytics;

import dev.recipediff.functions.store.ItemKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The derived items this instance stored last — stats views ({@link StatsRefresher}) and insights accumulators
 * ({@link InsightsRefresher}) — with their revisions, by item key, so that the next refresh of the same item
 * skips the read (a GetItem, a gunzip and a JSON parse). Only a hint: the write that follows is conditional on
 * the revision, so an item another writer replaced meanwhile fails that write, is dropped here and read again —
 * the same retry as without the cache, one conditional write later. Bounded (least recently used out), and
 * every cached value is bounded ({@link ViewBounds}, {@code InsightsState.MAX_KEYS}), so the cache's memory
 * does not grow with the data. Values must be immutable.
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
