package dev.recipediff.local.bench.realworld;

import java.util.List;

/**
 * A make written by the known-edits generator, with its ground truth.
 *
 * @param source the recipe file it was written from
 * @param format {@code jsonld} or {@code original}: how the make is written
 * @param make   the make document
 * @param edits  every change made, real and equivalent
 */
public record KnownEditsMake(String source, String format, byte[] make, List<KnownEdit> edits) {

    public KnownEditsMake {
        edits = List.copyOf(edits);
    }

    /** Whether every edit only restates the recipe (then the comparison must be exact). */
    public boolean equivalentOnly() {
        return edits.stream().noneMatch(KnownEdit::real);
    }
}
