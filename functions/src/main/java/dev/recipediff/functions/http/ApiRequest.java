package dev.recipediff.functions.http;

import dev.recipediff.functions.auth.Identity;
import dev.recipediff.functions.store.WriteAttempt;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as the routes see it: decoded body, lower-case header names, the path variables of the
 * matched route, the caller's identity (from the authorizer context only) and the write attempt (idempotency).
 */
public record ApiRequest(
        String method,
        String path,
        Map<String, String> pathVariables,
        Map<String, String> query,
        Map<String, String> headers,
        byte[] body,
        String requestId,
        Optional<Identity> identity,
        WriteAttempt attempt) {

    public ApiRequest {
        pathVariables = Map.copyOf(pathVariables);
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(query.get(name));
    }

    public String pathVariable(String name) {
        String value = pathVariables.get(name);
        if (value == null) {
            throw new IllegalStateException("route has no path variable " + name);
        }
        return value;
    }

    /** The caller's kitchen; routes that reach this are authenticated. */
    public String kitchen() {
        return identity.orElseThrow(() -> ApiException.unauthorized("authentication required"))
                .kitchen();
    }

    /** The same request applied under an idempotency claim. */
    public ApiRequest withAttempt(WriteAttempt claimed) {
        return new ApiRequest(method, path, pathVariables, query, headers, body, requestId, identity, claimed);
    }
}
