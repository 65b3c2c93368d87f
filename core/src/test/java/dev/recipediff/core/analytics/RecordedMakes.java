package dev.recipediff.core.analytics;

import dev.recipediff.core.compare.Difference;
import java.time.OffsetDateTime;
import java.util.List;

/** Test data builder for {@link RecordedMake}. */
final class RecordedMakes {

    private long makeId = 1;
    private int version = 1;
    private OffsetDateTime madeAt = OffsetDateTime.parse("2026-11-01T18:00:00Z");
    private Double rating;
    private List<Difference> differences = List.of();

    static RecordedMakes make(long makeId) {
        RecordedMakes builder = new RecordedMakes();
        builder.makeId = makeId;
        return builder;
    }

    RecordedMakes madeAt(String isoInstant) {
        this.madeAt = OffsetDateTime.parse(isoInstant);
        return this;
    }

    RecordedMakes version(int newVersion) {
        this.version = newVersion;
        return this;
    }

    RecordedMakes rated(double newRating) {
        this.rating = newRating;
        return this;
    }

    RecordedMakes with(Difference... newDifferences) {
        this.differences = List.of(newDifferences);
        return this;
    }

    RecordedMake build() {
        return new RecordedMake(makeId, version, madeAt, rating, differences.isEmpty(), differences);
    }
}
