package dev.recipediff.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where the deployment packages of the four Lambda functions are. They come in as CDK context so the
 * stack never hard-codes build output: either one {@code functionsJar} holding all four handlers, or one
 * jar per function ({@code apiJar}, {@code authorizerJar}, {@code watcherJar}, {@code senderJar}), which
 * override {@code functionsJar} one by one.
 */
public record FunctionJars(Path api, Path authorizer, Path watcher, Path sender) {

    public static final String SHARED_KEY = "functionsJar";
    public static final String API_KEY = "apiJar";
    public static final String AUTHORIZER_KEY = "authorizerJar";
    public static final String WATCHER_KEY = "watcherJar";
    public static final String SENDER_KEY = "senderJar";

    public FunctionJars {
        Objects.requireNonNull(api, "api jar");
        Objects.requireNonNull(authorizer, "authorizer jar");
        Objects.requireNonNull(watcher, "watcher jar");
        Objects.requireNonNull(sender, "sender jar");
    }

    /** One jar with all four handlers. */
    public static FunctionJars shared(Path jar) {
        return new FunctionJars(jar, jar, jar, jar);
    }

    /**
     * Resolves the jars from context values ({@code context.apply(key)} returns the value or null).
     *
     * @throws IllegalArgumentException naming the missing context key or the missing file
     */
    public static FunctionJars fromContext(Function<String, Object> context) {
        Object shared = context.apply(SHARED_KEY);
        return new FunctionJars(
                resolve(context, API_KEY, shared),
                resolve(context, AUTHORIZER_KEY, shared),
                resolve(context, WATCHER_KEY, shared),
                resolve(context, SENDER_KEY, shared));
    }

    private static Path resolve(Function<String, Object> context, String key, Object shared) {
        Object value = context.apply(key);
        if (value == null) {
            value = shared;
        }
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException("no Lambda jar for '" + key + "': pass -c " + SHARED_KEY
                    + "=<path to the shaded functions jar> (or -c " + key + "=<path>); build it with"
                    + " ./recipediff build");
        }
        Path jar = Path.of(value.toString()).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("Lambda jar for '" + key + "' does not exist: " + jar
                    + " (build it with ./recipediff build, or pass another path with -c " + key + "=...)");
        }
        return jar;
    }
}
