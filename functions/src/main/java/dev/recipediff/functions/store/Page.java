package dev.recipediff.functions.store;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a listing and where the next one starts (a sort key inside the caller's own partition, or an
 * S3 continuation token), empty on the last page.
 */
public record Page<T>(List<T> items, Optional<String> next) {

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), next);
    }
}
