package dev.recipediff.functions.recipes;

import dev.recipediff.core.format.RecipeReader;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.functions.store.StoredVersion;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Recipe versions already parsed, so that makes of a recipe do not re-parse its document each time. Versions are
 * immutable, so an entry keyed by kitchen, recipe and version stays right; the entry also keeps the document it
 * was parsed from and is used only for that very document. Bounded by entries and by document size (least
 * recently used first out); thread-safe.
 */
final class ParsedVersions {

    static final int MAX_ENTRIES = 256;
    static final long MAX_DOCUMENT_CHARS = 4L * 1024 * 1024;

    private record Key(String kitchen, long recipeId, long version) {}

    private record Entry(StoredVersion stored, Recipe recipe) {
        String document() {
            return stored.document();
        }
    }

    /** A stored version with its parsed recipe. */
    record Known(StoredVersion version, Recipe recipe) {}

    private final RecipeReader reader;
    private final Map<Key, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long documentChars;

    ParsedVersions(RecipeReader reader) {
        this.reader = reader;
    }

    /** The version's recipe, parsed once per version while it stays in the cache. */
    Recipe recipe(String kitchen, StoredVersion version) {
        return parse(kitchen, version).recipe();
    }

    /** The version with its recipe, parsed once per version while it stays in the cache. */
    Known parse(String kitchen, StoredVersion version) {
        Key key = new Key(kitchen, version.recipeId(), version.version());
        synchronized (this) {
            Entry cached = entries.get(key);
            if (cached != null && cached.document().equals(version.document())) {
                return new Known(cached.stored(), cached.recipe());
            }
        }
        Recipe parsed = reader.readRecipe(version.document().getBytes(StandardCharsets.UTF_8));
        synchronized (this) {
            Entry previous = entries.put(key, new Entry(version, parsed));
            documentChars += version.document().length()
                    - (previous == null ? 0 : previous.document().length());
            evict();
        }
        return new Known(version, parsed);
    }

    /**
     * Version {@code version} of the recipe when it is in the cache (the make path, which knows the current
     * version's number from the make counter, then needs no read). Versions are immutable — written once,
     * conditionally, and a retry of the same write carries the same document — so the number is enough.
     */
    synchronized Optional<Known> known(String kitchen, long recipeId, long version) {
        Entry cached = entries.get(new Key(kitchen, recipeId, version));
        return cached == null ? Optional.empty() : Optional.of(new Known(cached.stored(), cached.recipe()));
    }

    synchronized int size() {
        return entries.size();
    }

    private void evict() {
        Iterator<Entry> oldestFirst = entries.values().iterator();
        while (entries.size() > 1 && (entries.size() > MAX_ENTRIES || documentChars > MAX_DOCUMENT_CHARS)) {
            documentChars -= oldestFirst.next().document().length();
            oldestFirst.remove();
        }
    }
}
