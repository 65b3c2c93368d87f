package dev.recipediff.local.bench;

import dev.recipediff.functions.lambda.FunctionHandlers;
import java.util.List;

/**
 * One function {@code recipediff bench coldstart} measures: its handler class and variables (named by
 * {@link FunctionHandlers}), the event type the Lambda runtime deserializes for it and the event fixture it gets.
 */
public record ColdStartFunction(FunctionHandlers handlers, String eventClass, String fixture) {

    /** The four functions, in the order they are measured. */
    public static final List<ColdStartFunction> ALL = List.of(
            new ColdStartFunction(
                    FunctionHandlers.WATCHER,
                    "com.amazonaws.services.lambda.runtime.events.S3Event",
                    "s3-make-created.json"),
            new ColdStartFunction(
                    FunctionHandlers.SENDER,
                    "com.amazonaws.services.lambda.runtime.events.SQSEvent",
                    "sqs-make-job.json"),
            new ColdStartFunction(
                    FunctionHandlers.API,
                    "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent",
                    "api-get-makes.json"),
            new ColdStartFunction(
                    FunctionHandlers.AUTHORIZER,
                    "com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent",
                    "authorizer-request.json"));

    public String name() {
        return handlers.functionName();
    }

    public String handlerClass() {
        return handlers.handlerClass();
    }
}
