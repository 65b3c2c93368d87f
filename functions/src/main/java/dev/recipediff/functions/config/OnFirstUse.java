package dev.recipediff.functions.config;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value built the first time it is needed and kept: for SDK clients a handler does not need on its first event
 * (the api's S3 client serves only {@code GET /rejections}; the watcher's only writes rejection reports), so that
 * a cold start does not pay for loading and building them. SnapStart priming asks for them before the snapshot,
 * so a restored function has them built. Thread-safe; the factory runs at most once (unless it throws).
 *
 * @param <T> what is built
 */
public final class OnFirstUse<T> implements Supplier<T> {

    private final Supplier<? extends T> factory;
    private volatile T value;

    public OnFirstUse(Supplier<? extends T> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public T get() {
        T built = value;
        if (built == null) {
            synchronized (this) {
                built = value;
                if (built == null) {
                    built = Objects.requireNonNull(factory.get(), "the factory built nothing");
                    value = built;
                }
            }
        }
        return built;
    }

    /** Whether it has been built (for tests and diagnostics). */
    public boolean isBuilt() {
        return value != null;
    }
}
