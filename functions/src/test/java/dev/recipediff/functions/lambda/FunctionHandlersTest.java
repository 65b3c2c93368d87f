package dev.recipediff.functions.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import org.junit.jupiter.api.Test;

class FunctionHandlersTest {

    @Test
    void everyNamedHandlerClassIsTheLambdaHandlerOfThatFunction() {
        assertThat(FunctionHandlers.API.handlerClass()).isEqualTo(ApiHandler.class.getName());
        assertThat(FunctionHandlers.AUTHORIZER.handlerClass()).isEqualTo(AuthorizerHandler.class.getName());
        assertThat(FunctionHandlers.WATCHER.handlerClass()).isEqualTo(WatcherHandler.class.getName());
        assertThat(FunctionHandlers.SENDER.handlerClass()).isEqualTo(SenderHandler.class.getName());
    }

    @Test
    void everyHandlerIsARequestHandlerWithTheConstructorLambdaCalls() throws Exception {
        for (FunctionHandlers function : FunctionHandlers.values()) {
            Class<?> handler = Class.forName(function.handlerClass());
            assertThat(RequestHandler.class).isAssignableFrom(handler);
            assertThat(handler.getConstructor()).isNotNull();
            assertThat(function.handler()).isEqualTo(handler.getName() + "::handleRequest");
        }
    }
}
