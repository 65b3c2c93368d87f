package dev.recipediff.functions.lambda;

import static dev.recipediff.functions.config.FunctionsEnvironment.API_BASE_URL;
import static dev.recipediff.functions.config.FunctionsEnvironment.BUCKET_NAME;
import static dev.recipediff.functions.config.FunctionsEnvironment.JOBS_QUEUE_URL;
import static dev.recipediff.functions.config.FunctionsEnvironment.SERVICE_TOKEN_SECRET_ARN;
import static dev.recipediff.functions.config.FunctionsEnvironment.TABLE_NAME;

import java.util.List;

/**
 * The four functions as the CDK stack deploys them and the cold-start bench starts them: the handler class Lambda
 * loads and the environment variables the stack sets (beside {@code AWS_REGION}, which Lambda sets). The class
 * names are written as text so that infra can read them without loading a handler; a test checks them against
 * the classes.
 */
public enum FunctionHandlers {
    API("api", "dev.recipediff.functions.lambda.ApiHandler", List.of(TABLE_NAME, BUCKET_NAME)),
    AUTHORIZER("authorizer", "dev.recipediff.functions.lambda.AuthorizerHandler", List.of(TABLE_NAME)),
    WATCHER("watcher", "dev.recipediff.functions.lambda.WatcherHandler", List.of(BUCKET_NAME, JOBS_QUEUE_URL)),
    SENDER(
            "sender",
            "dev.recipediff.functions.lambda.SenderHandler",
            List.of(BUCKET_NAME, API_BASE_URL, SERVICE_TOKEN_SECRET_ARN));

    private final String functionName;
    private final String handlerClass;
    private final List<String> variables;

    FunctionHandlers(String functionName, String handlerClass, List<String> variables) {
        this.functionName = functionName;
        this.handlerClass = handlerClass;
        this.variables = variables;
    }

    /** The short name: {@code api}, {@code authorizer}, {@code watcher}, {@code sender} (also the jar's suffix). */
    public String functionName() {
        return functionName;
    }

    public String handlerClass() {
        return handlerClass;
    }

    /** What Lambda's {@code handler} setting names: {@code class::handleRequest}. */
    public String handler() {
        return handlerClass + "::handleRequest";
    }

    /** The environment variables the stack sets for this function (on AWS). */
    public List<String> variables() {
        return variables;
    }
}
