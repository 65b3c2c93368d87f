package dev.recipediff.functions.http;

import dev.recipediff.core.format.InvalidDocumentException;
import dev.recipediff.core.format.StrictUtf8;
import dev.recipediff.functions.auth.Identity;
import dev.recipediff.functions.observability.CorrelationIds;
import dev.recipediff.functions.observability.LogContext;
import dev.recipediff.functions.recipes.RecipeRefusal;
import dev.recipediff.functions.store.AuditEntry;
import dev.recipediff.functions.store.AuditTrail;
import dev.recipediff.functions.store.IdempotencyRecords;
import dev.recipediff.functions.store.WriteAttempt;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The API's HTTP edge: everything between the gateway and a route, in order: route lookup (404/405), the authorizer's verdict
 * (401/403), the scope (403), body size (413) and media type (415), Idempotency-Key (replay/422/409), the
 * route itself, and error rendering — a failure becomes a 500 with the request id, never a stack trace.
 * One log line per request with the request id and kitchen; never a token or a body. The steps live in
 * {@link CallerIdentity}, {@link RequestBodies}, {@link IdempotentRequests} and {@link DomainErrors}.
 */
public final class HttpEdge {

    public static final String IDEMPOTENCY_KEY = "idempotency-key";
    static final String CACHE_CONTROL = "Cache-Control";
    static final String NO_STORE = "no-store";
    private static final java.util.regex.Pattern CREATED =
            java.util.regex.Pattern.compile("/recipes/(\\d+)(?:/makes/(\\d+))?(?:/.*)?");
    private static final Logger log = LoggerFactory.getLogger(HttpEdge.class);

    private final Routes routes;
    private final IdempotentRequests idempotent;
    private final ErrorBodies errors;
    private final Optional<AuditTrail> audit;

    public HttpEdge(Routes routes, IdempotencyRecords idempotency, ErrorBodies errors) {
        this(routes, idempotency, errors, Optional.empty());
    }

    /** With an audit trail: every request an identity made on a kitchen's route is appended to it. */
    public HttpEdge(Routes routes, IdempotencyRecords idempotency, ErrorBodies errors, Optional<AuditTrail> audit) {
        this.routes = routes;
        this.idempotent = new IdempotentRequests(idempotency);
        this.errors = errors;
        this.audit = audit;
    }

    /**
     * Serves one request. Its {@code requestId}, {@code correlationId} (the sender's {@value CorrelationIds#HEADER}
     * header) and {@code kitchen} are in the log context while it runs, so every log line written on its behalf
     * carries them.
     */
    public ApiResponse handle(RawRequest raw) {
        try (LogContext ignored =
                LogContext.nested().put(LogContext.REQUEST_ID, raw.requestId()).correlationId(correlationIdOf(raw))) {
            return serve(raw);
        }
    }

    private static String correlationIdOf(RawRequest raw) {
        for (Map.Entry<String, String> header : raw.headers().entrySet()) {
            if (header.getKey() != null && header.getKey().equalsIgnoreCase(CorrelationIds.HEADER)) {
                return CorrelationIds.accepted(header.getValue());
            }
        }
        return null;
    }

    private ApiResponse serve(RawRequest raw) {
        long started = System.nanoTime();
        String kitchen = "-";
        String template = "-";
        Optional<Identity> who = Optional.empty();
        Map<String, String> variables = Map.of();
        ApiResponse response;
        try {
            Routes.Resolution resolution = routes.resolve(raw.method(), raw.path());
            if (resolution instanceof Routes.Resolution.Found found) {
                template = found.route().path().template();
                variables = found.variables();
                Optional<Identity> identity = CallerIdentity.of(found.route(), raw);
                who = identity;
                kitchen = identity.map(Identity::kitchen).orElse("-");
                MDC.put(LogContext.KITCHEN, kitchen);
                response = run(found, raw, identity);
            } else if (resolution instanceof Routes.Resolution.MethodNotAllowed notAllowed) {
                response = errors.render(
                                405,
                                "method_not_allowed",
                                raw.method() + " is not allowed on " + raw.path(),
                                List.of(),
                                raw.requestId())
                        .withHeader("Allow", String.join(", ", notAllowed.allowed()));
            } else {
                response = errors.render(
                        404,
                        "not_found",
                        "no route for " + raw.method() + " " + raw.path(),
                        List.of(),
                        raw.requestId());
            }
        } catch (ApiException refused) {
            response = errors.render(refused, raw.requestId());
        } catch (InvalidDocumentException invalid) {
            response = errors.render(DomainErrors.invalid(invalid), raw.requestId());
        } catch (RecipeRefusal refusal) {
            response = errors.render(DomainErrors.refused(refusal), raw.requestId());
        } catch (RuntimeException failure) {
            log.atError()
                    .addKeyValue("route", template)
                    .addKeyValue("failure", FailureSummary.of(failure))
                    .log("request failed");
            response = errors.render(
                    500,
                    "internal_error",
                    "unexpected failure; quote the requestId when reporting it",
                    List.of(),
                    raw.requestId());
        }
        if (who.isPresent() && audit.isPresent()) {
            response = audited(audit.get(), who.get(), raw, template, variables, response);
        }
        if (!response.headers().containsKey(CACHE_CONTROL)) {
            // kitchen content, tokens and errors about them: never kept by a browser, proxy or shared cache
            response = response.withHeader(CACHE_CONTROL, NO_STORE);
        }
        log.atInfo()
                .addKeyValue("method", raw.method())
                .addKeyValue("route", template)
                .addKeyValue("status", response.status())
                .addKeyValue("ms", (System.nanoTime() - started) / 1_000_000)
                .log("request served");
        return response;
    }

    /**
     * Appends the request to its kitchen's audit trail: token id, method, route template, the recipe and make ids
     * (from the path, or the Location of what was created), status, source IP, request id. An audit trail that
     * cannot be written turns a success into a 503: no kitchen data leaves unrecorded.
     */
    private ApiResponse audited(
            AuditTrail trail,
            Identity who,
            RawRequest raw,
            String template,
            Map<String, String> variables,
            ApiResponse response) {
        String location = response.headers().getOrDefault("Location", "");
        java.util.regex.Matcher created = CREATED.matcher(location);
        boolean found = created.matches();
        String recipeId = variables.getOrDefault("recipeId", found ? created.group(1) : "");
        String makeId = variables.getOrDefault("makeId", found && created.group(2) != null ? created.group(2) : "");
        try {
            trail.append(
                    who.kitchen(),
                    new AuditEntry.Facts(
                            who.tokenId(),
                            raw.method(),
                            template,
                            recipeId,
                            makeId,
                            response.status(),
                            raw.sourceIp() == null ? "-" : raw.sourceIp(),
                            raw.requestId()));
            return response;
        } catch (RuntimeException failure) {
            log.error(
                    "audit trail not written requestId={} kitchen={} route={} failure={}",
                    raw.requestId(),
                    who.kitchen(),
                    template,
                    FailureSummary.of(failure));
            return response.status() >= 400
                    ? response
                    : errors.render(
                            503,
                            "audit_unavailable",
                            "the audit trail could not record this request; retry",
                            List.of(),
                            raw.requestId());
        }
    }

    private ApiResponse run(Routes.Resolution.Found found, RawRequest raw, Optional<Identity> identity) {
        Route route = found.route();
        byte[] body = RequestBodies.bytes(raw);
        if (route.body()) {
            RequestBodies.requireJson(raw);
            StrictUtf8.decode(body); // 400 invalid_json with the byte offset: JSON is UTF-8, never guessed or repaired
        }
        ApiRequest request = new ApiRequest(
                raw.method(),
                raw.path(),
                found.variables(),
                raw.query() == null ? java.util.Map.of() : raw.query(),
                raw.headers(),
                body,
                raw.requestId(),
                identity,
                WriteAttempt.once());
        Optional<String> key = request.header(IDEMPOTENCY_KEY);
        if (!route.mutating() || key.isEmpty() || identity.isEmpty()) {
            return route.action().handle(request);
        }
        return idempotent.handle(route, request, identity.get(), key.get());
    }

    /** A failure for the log: exception types and code locations only — messages may quote request content. */
    static final class FailureSummary {
        private FailureSummary() {}

        static String of(Throwable failure) {
            StringBuilder summary = new StringBuilder();
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                summary.append(summary.isEmpty() ? "" : " <- ")
                        .append(cause.getClass().getName());
                summary.append(Arrays.stream(cause.getStackTrace())
                        .limit(4)
                        .map(StackTraceElement::toString)
                        .collect(Collectors.joining(", ", " at [", "]")));
            }
            return summary.toString();
        }
    }
}
