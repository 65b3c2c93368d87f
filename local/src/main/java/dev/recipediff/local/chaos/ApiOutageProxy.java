package dev.recipediff.local.chaos;

import dev.recipediff.emulators.glue.ForwardingHttpProxy;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy on 127.0.0.1 that a chaos run puts between the sender and {@code serve}'s front door (through the
 * sender's API base URL, {@link dev.recipediff.local.serve.ServeOptions#senderApiBaseUrl()}): it forwards every
 * request, except during an outage (or before it knows where the API is), when it answers 503 the way an
 * overloaded or restarting API does. It counts the requests it refused. Chaos tooling only: nothing in
 * {@code serve} knows it exists. The forwarding is the emulators' {@link ForwardingHttpProxy}.
 */
final class ApiOutageProxy implements AutoCloseable {

    private static final byte[] UNAVAILABLE = ("{\"error\":\"unavailable\",\"message\":\"the API is unavailable; "
                    + "retry later\"}")
            .getBytes(StandardCharsets.UTF_8);
    private static final ForwardingHttpProxy.Answer OUTAGE = new ForwardingHttpProxy.Answer(
            503, Map.of("Content-Type", "application/json", "Retry-After", "1"), UNAVAILABLE);

    private final AtomicInteger refused = new AtomicInteger();
    private final ForwardingHttpProxy proxy;
    private volatile boolean outage;
    private volatile boolean targetKnown;

    private ApiOutageProxy() throws IOException {
        proxy = ForwardingHttpProxy.transparent(new ForwardingHttpProxy.Hook() {
            @Override
            public Optional<ForwardingHttpProxy.Answer> instead(ForwardingHttpProxy.Request request) {
                if (outage || !targetKnown) {
                    refused.incrementAndGet();
                    return Optional.of(OUTAGE);
                }
                return Optional.empty();
            }
        });
    }

    static ApiOutageProxy start() throws IOException {
        return new ApiOutageProxy();
    }

    URI endpoint() {
        return proxy.endpoint();
    }

    /** Where requests go from now on (serve's front door moves when serve restarts). */
    void forwardTo(URI api) {
        proxy.forwardTo(api);
        targetKnown = api != null;
    }

    void beginOutage() {
        outage = true;
    }

    void endOutage() {
        outage = false;
    }

    /** Requests answered 503 so far. */
    int refused() {
        return refused.get();
    }

    /** Requests the API answered so far. */
    int forwarded() {
        return proxy.forwarded();
    }

    @Override
    public void close() {
        proxy.close();
    }
}
