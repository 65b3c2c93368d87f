package dev.recipediff.infra;

import dev.recipediff.functions.lambda.FunctionHandlers;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awscdk.Duration;

/** What differs between the four functions: handler, package, sizing and environment. */
public record FunctionSpec(
        String name,
        String handler,
        Path jar,
        int memoryMiB,
        Duration timeout,
        Map<String, String> environment,
        String description) {

    public static final String API_HANDLER = FunctionHandlers.API.handler();
    public static final String AUTHORIZER_HANDLER = FunctionHandlers.AUTHORIZER.handler();
    public static final String WATCHER_HANDLER = FunctionHandlers.WATCHER.handler();
    public static final String SENDER_HANDLER = FunctionHandlers.SENDER.handler();

    public FunctionSpec {
        environment = Map.copyOf(environment);
    }
}
