package dev.recipediff.functions.testing;

import dev.recipediff.emulators.glue.ForwardingHttpProxy;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP proxy on 127.0.0.1 in front of dynalite that forwards every DynamoDB request unchanged and remembers
 * its operation (from {@code X-Amz-Target}, e.g. {@code PutItem}), so that a test can count the calls a request
 * to the API costs.
 */
public final class CountingDynamoDbProxy implements AutoCloseable {

    private final List<String> operations = new CopyOnWriteArrayList<>();
    private final ForwardingHttpProxy proxy;

    private CountingDynamoDbProxy(URI target) throws IOException {
        this.proxy = ForwardingHttpProxy.inFrontOf(
                target, Set.of("content-type", "x-amz-crc32", "x-amzn-requestid"), new ForwardingHttpProxy.Hook() {
                    @Override
                    public Optional<ForwardingHttpProxy.Answer> instead(ForwardingHttpProxy.Request request) {
                        String operation = request.headers().getFirst("X-Amz-Target");
                        operations.add(operation == null ? "?" : operation.substring(operation.indexOf('.') + 1));
                        return Optional.empty();
                    }
                });
    }

    public static CountingDynamoDbProxy inFrontOf(URI dynamoDb) throws IOException {
        return new CountingDynamoDbProxy(dynamoDb);
    }

    public URI endpoint() {
        return proxy.endpoint();
    }

    /** The operations forwarded since the last {@link #reset()}, in order. */
    public List<String> operations() {
        return List.copyOf(operations);
    }

    public void reset() {
        operations.clear();
    }

    @Override
    public void close() {
        proxy.close();
    }
}
