package dev.recipediff.functions.analytics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The stats views this instance stored last, with their revisions, so that the next refresh of the same recipe
 * skips the read (a GetItem, a gunzip and a JSON parse of the view). Only a hint: the write that follows is
 * conditional on the revision, so a view another writer replaced meanwhile fails that write, is dropped here
 * and read again — the same retry as before, one conditional write later. Bounded (least recently used out),
 * and every view is bounded by {@link ViewBounds}, so the cache's memory does not grow with the data.
 */
final class StatsViewCache {

    /** Recipes kept; a view is a few KiB to a few tens of KiB. */
    static final int MAX_RECIPES = 256;

    private record Key(String kitchen, long recipeId) {
    }

    private final Map<Key, StoredStats> views = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, StoredStats> eldest) {
            return size() > MAX_RECIPES;
        }
    };

    synchronized Optional<StoredStats> get(String kitchen, long recipeId) {
        return Optional.ofNullable(views.get(new Key(kitchen, recipeId)));
    }

    synchronized void stored(String kitchen, long recipeId, StoredStats stats) {
        views.put(new Key(kitchen, recipeId), stats);
    }

    synchronized void forget(String kitchen, long recipeId) {
        views.remove(new Key(kitchen, recipeId));
    }

    synchronized int size() {
        return views.size();
    }
}
