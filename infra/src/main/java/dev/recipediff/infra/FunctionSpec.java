package dev.recipediff.infra;

import java.nio.file.Path;
import java.util.Map;
import software.amazon.awscdk.Duration;

/** What differs between the four functions: handler, package, sizing and environment. */
public record FunctionSpec(String name, String handler, Path jar, int memoryMiB, Duration timeout,
                           Map<String, String> environment, String description) {

    public static final String API_HANDLER = "dev.recipediff.functions.lambda.ApiHandler::handleRequest";
    public static final String AUTHORIZER_HANDLER = "dev.recipediff.functions.lambda.AuthorizerHandler::handleRequest";
    public static final String WATCHER_HANDLER = "dev.recipediff.functions.lambda.WatcherHandler::handleRequest";
    public static final String SENDER_HANDLER = "dev.recipediff.functions.lambda.SenderHandler::handleRequest";

    public FunctionSpec {
        environment = Map.copyOf(environment);
    }
}
