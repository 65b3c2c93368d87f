package dev.recipediff.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where the deployment packages of the four Lambda functions are. They come in as CDK context so the
 * stack never hard-codes build output. For each function the first of these that is set wins:
 * <ol>
 *   <li>its own jar: {@code apiJar}, {@code authorizerJar}, {@code watcherJar}, {@code senderJar};</li>
 *   <li>{@code functionsJar}: one jar holding all four handlers;</li>
 *   <li>{@code lambdaJars}: the directory the functions build writes, holding {@code recipediff-api.jar},
 *       {@code recipediff-authorizer.jar}, {@code recipediff-watcher.jar}, {@code recipediff-sender.jar}
 *       (infra/cdk.json points it at {@code ../functions/target/lambda}).</li>
 * </ol>
 */
public record FunctionJars(Path api, Path authorizer, Path watcher, Path sender) {

    public static final String DIRECTORY_KEY = "lambdaJars";
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
        return new FunctionJars(
                resolve(context, API_KEY, "api"),
                resolve(context, AUTHORIZER_KEY, "authorizer"),
                resolve(context, WATCHER_KEY, "watcher"),
                resolve(context, SENDER_KEY, "sender"));
    }

    private static Path resolve(Function<String, Object> context, String key, String function) {
        Object value = context.apply(key);
        if (value == null) {
            value = context.apply(SHARED_KEY);
        }
        if (value == null && context.apply(DIRECTORY_KEY) != null) {
            value = Path.of(context.apply(DIRECTORY_KEY).toString()).resolve("recipediff-" + function + ".jar");
        }
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException("no Lambda jar for the " + function + " function: pass -c "
                    + DIRECTORY_KEY + "=<directory with recipediff-" + function + ".jar>, -c " + SHARED_KEY
                    + "=<one jar with every handler> or -c " + key + "=<path>; build the jars with"
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
