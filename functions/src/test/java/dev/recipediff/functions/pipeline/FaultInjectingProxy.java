package dev.recipediff.functions.pipeline;

import dev.recipediff.emulators.glue.ForwardingHttpProxy;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * An HTTP proxy on 127.0.0.1 in front of the Recipe API that answers 503 instead of forwarding while told to:
 * for all requests, or for those whose Idempotency-Key matches. Remembers every request's key and answer.
 */
final class FaultInjectingProxy implements AutoCloseable {

    private static final byte[] UNAVAILABLE =
            "{\"error\":\"unavailable\",\"message\":\"injected fault\"}".getBytes(StandardCharsets.UTF_8);

    /** One request as it passed. */
    record Passage(String method, String path, String idempotencyKey, int status) {}

    private final ForwardingHttpProxy proxy;
    private volatile Predicate<String> failing = key -> false;
    final List<Passage> passages = new CopyOnWriteArrayList<>();

    private FaultInjectingProxy(URI target) throws IOException {
        this.proxy = ForwardingHttpProxy.inFrontOf(target, Set.of("content-type"), new ForwardingHttpProxy.Hook() {
            @Override
            public Optional<ForwardingHttpProxy.Answer> instead(ForwardingHttpProxy.Request request) {
                return failing.test(idempotencyKey(request))
                        ? Optional.of(new ForwardingHttpProxy.Answer(503, UNAVAILABLE))
                        : Optional.empty();
            }

            @Override
            public void answered(ForwardingHttpProxy.Request request, int status) {
                passages.add(new Passage(request.method(), request.path(), idempotencyKey(request), status));
            }
        });
    }

    private static String idempotencyKey(ForwardingHttpProxy.Request request) {
        return request.headers().getFirst("Idempotency-Key");
    }

    static FaultInjectingProxy inFrontOf(URI target) throws IOException {
        return new FaultInjectingProxy(target);
    }

    URI endpoint() {
        return proxy.endpoint();
    }

    /** Answer 503 to requests whose Idempotency-Key matches, from now on. */
    void failWhen(Predicate<String> idempotencyKey) {
        failing = key -> key != null && idempotencyKey.test(key);
    }

    void failEverything() {
        failing = key -> true;
    }

    void heal() {
        failing = key -> false;
    }

    long answered(int status, Predicate<String> idempotencyKey) {
        return passages.stream()
                .filter(p ->
                        p.status() == status && p.idempotencyKey() != null && idempotencyKey.test(p.idempotencyKey()))
                .count();
    }

    @Override
    public void close() {
        proxy.close();
    }
}
