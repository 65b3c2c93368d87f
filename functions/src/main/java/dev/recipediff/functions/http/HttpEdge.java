package dev.recipediff.functions.http;

import dev.recipediff.core.format.InvalidDocumentException;
import dev.recipediff.core.format.StrictUtf8;
import dev.recipediff.functions.auth.AuthorizerContext;
import dev.recipediff.functions.auth.Identity;
import dev.recipediff.functions.auth.Scope;
import dev.recipediff.functions.auth.TokenService;
import dev.recipediff.functions.recipes.RecipeRefusal;
import dev.recipediff.functions.store.AuditEntry;
import dev.recipediff.functions.store.AuditTrail;
import dev.recipediff.functions.store.IdempotencyRecords;
import dev.recipediff.functions.store.Sha256;
import dev.recipediff.functions.store.WriteAttempt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Everything between the gateway and a route, in order: route lookup (404/405), the authorizer's verdict
 * (401/403), the scope (403), body size (413) and media type (415), Idempotency-Key (replay/422/409), the
 * route itself, and error rendering — a failure becomes a 500 with the request id, never a stack trace.
 * One log line per request with the request id and kitchen; never a token or a body.
 */
public final class HttpEdge {

    public static final int MAX_BODY_BYTES = 1024 * 1024;
    public static final String IDEMPOTENCY_KEY = "idempotency-key";
    private static final int MAX_IDEMPOTENCY_KEY = 2048;
    static final String CACHE_CONTROL = "Cache-Control";
    private static final java.util.regex.Pattern CREATED = java.util.regex.Pattern.compile(
            "/recipes/(\\d+)(?:/makes/(\\d+))?(?:/.*)?");
    static final String NO_STORE = "no-store";
    private static final Logger log = LoggerFactory.getLogger(HttpEdge.class);

    private final Routes routes;
    private final IdempotencyRecords idempotency;
    private final ErrorBodies errors;
    private final Optional<AuditTrail> audit;

    public HttpEdge(Routes routes, IdempotencyRecords idempotency, ErrorBodies errors) {
        this(routes, idempotency, errors, Optional.empty());
    }

    /** With an audit trail: every request an identity made on a kitchen's route is appended to it. */
    public HttpEdge(Routes routes, IdempotencyRecords idempotency, ErrorBodies errors, Optional<AuditTrail> audit) {
        this.routes = routes;
        this.idempotency = idempotency;
        this.errors = errors;
        this.audit = audit;
    }

    /**
     * Serves one request. {@code requestId} and {@code kitchen} are also in the SLF4J MDC while it runs, so any
     * log line written on its behalf can carry them ({@code %X{requestId} %X{kitchen}}).
     */
    public ApiResponse handle(RawRequest raw) {
        MDC.put("requestId", raw.requestId());
        try {
            return serve(raw);
        } finally {
            MDC.remove("requestId");
            MDC.remove("kitchen");
        }
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
                Optional<Identity> identity = authenticate(found.route(), raw);
                who = identity;
                kitchen = identity.map(Identity::kitchen).orElse("-");
                MDC.put("kitchen", kitchen);
                response = run(found, raw, identity);
            } else if (resolution instanceof Routes.Resolution.MethodNotAllowed notAllowed) {
                response = errors.render(405, "method_not_allowed", raw.method() + " is not allowed on " + raw.path(),
                        List.of(), raw.requestId()).withHeader("Allow", String.join(", ", notAllowed.allowed()));
            } else {
                response = errors.render(404, "not_found", "no route for " + raw.method() + " " + raw.path(),
                        List.of(), raw.requestId());
            }
        } catch (ApiException refused) {
            response = errors.render(refused, raw.requestId());
        } catch (InvalidDocumentException invalid) {
            response = errors.render(invalid(invalid), raw.requestId());
        } catch (RecipeRefusal refusal) {
            response = errors.render(refused(refusal), raw.requestId());
        } catch (RuntimeException failure) {
            log.error("request failed requestId={} kitchen={} route={} failure={}", raw.requestId(), kitchen,
                    template, FailureSummary.of(failure));
            response = errors.render(500, "internal_error", "unexpected failure; quote the requestId when reporting it",
                    List.of(), raw.requestId());
        }
        if (who.isPresent() && audit.isPresent()) {
            response = audited(audit.get(), who.get(), raw, template, variables, response);
        }
        if (!response.headers().containsKey(CACHE_CONTROL)) {
            // kitchen content, tokens and errors about them: never kept by a browser, proxy or shared cache
            response = response.withHeader(CACHE_CONTROL, NO_STORE);
        }
        log.info("request requestId={} kitchen={} method={} route={} status={} ms={}", raw.requestId(), kitchen,
                raw.method(), template, response.status(), (System.nanoTime() - started) / 1_000_000);
        return response;
    }

    /**
     * Appends the request to its kitchen's audit trail: token id, method, route template, the recipe and make ids
     * (from the path, or the Location of what was created), status, source IP, request id. An audit trail that
     * cannot be written turns a success into a 503: no kitchen data leaves unrecorded.
     */
    private ApiResponse audited(AuditTrail trail, Identity who, RawRequest raw, String template,
                                Map<String, String> variables, ApiResponse response) {
        String location = response.headers().getOrDefault("Location", "");
        java.util.regex.Matcher created = CREATED.matcher(location);
        boolean found = created.matches();
        String recipeId = variables.getOrDefault("recipeId", found ? created.group(1) : "");
        String makeId = variables.getOrDefault("makeId", found && created.group(2) != null ? created.group(2) : "");
        try {
            trail.append(who.kitchen(), new AuditEntry.Facts(who.tokenId(), raw.method(), template, recipeId, makeId,
                    response.status(), raw.sourceIp() == null ? "-" : raw.sourceIp(), raw.requestId()));
            return response;
        } catch (RuntimeException failure) {
            log.error("audit trail not written requestId={} kitchen={} route={} failure={}", raw.requestId(),
                    who.kitchen(), template, FailureSummary.of(failure));
            return response.status() >= 400 ? response : errors.render(503, "audit_unavailable",
                    "the audit trail could not record this request; retry", List.of(), raw.requestId());
        }
    }

    private Optional<Identity> authenticate(Route route, RawRequest raw) {
        if (route.scope().isEmpty()) {
            return Optional.empty();
        }
        Identity identity = switch (AuthorizerContext.read(raw.authorizerContext())) {
            case AuthorizerContext.Verdict.Authenticated authenticated -> authenticated.identity();
            case AuthorizerContext.Verdict.Unauthenticated refused -> throw ApiException.unauthorized(refused.message());
            case AuthorizerContext.Verdict.Forbidden refused -> throw ApiException.forbidden(refused.message());
        };
        identity = actingKitchen(identity, Optional.ofNullable(raw.headers().get(Identity.KITCHEN_HEADER)));
        if (!identity.has(route.scope().get())) {
            throw ApiException.forbidden("this token lacks the '" + route.scope().get().wireName() + "' scope");
        }
        return Optional.of(identity);
    }

    /**
     * A service token (the pipeline's) acts for the kitchen its request names in {@code X-Recipediff-Kitchen};
     * no other token may name a kitchen. Applied here rather than in the authorizer so that the authorizer's
     * verdict depends on the token alone and API Gateway can cache it per {@code Authorization} header.
     */
    private static Identity actingKitchen(Identity identity, Optional<String> named) {
        if (named.isEmpty()) {
            return identity;
        }
        if (!identity.scopes().contains(Scope.SERVICE)) {
            throw ApiException.forbidden("only a service token may name a kitchen (X-Recipediff-Kitchen)");
        }
        String kitchen = named.get().strip();
        if (!Identity.isValidKitchen(kitchen)) {
            throw ApiException.forbidden("X-Recipediff-Kitchen is not a valid kitchen name");
        }
        return new Identity(kitchen, EnumSet.of(Scope.SERVICE), identity.tokenId());
    }

    private ApiResponse run(Routes.Resolution.Found found, RawRequest raw, Optional<Identity> identity) {
        Route route = found.route();
        byte[] body = body(raw);
        if (route.body()) {
            requireJson(raw);
            StrictUtf8.decode(body); // 400 invalid_json with the byte offset: JSON is UTF-8, never guessed or repaired
        }
        ApiRequest request = new ApiRequest(raw.method(), raw.path(), found.variables(),
                raw.query() == null ? java.util.Map.of() : raw.query(), raw.headers(), body, raw.requestId(),
                identity, WriteAttempt.once());
        Optional<String> key = request.header(IDEMPOTENCY_KEY);
        if (!route.mutating() || key.isEmpty() || identity.isEmpty()) {
            return route.action().handle(request);
        }
        return idempotently(route, request, identity.get(), key.get());
    }

    private ApiResponse idempotently(Route route, ApiRequest request, Identity identity, String key) {
        if (key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY || key.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.invalidParameter("/headers/idempotency-key",
                    "must be 1 to " + MAX_IDEMPOTENCY_KEY + " characters without control characters");
        }
        return switch (idempotency.claim(identity.kitchen(), key, fingerprint(request.method(), request.path(), request.body()))) {
            case IdempotencyRecords.Claim.Replay replay ->
                    ApiResponse.json(replay.status(), replay.body()).withHeader("Idempotent-Replayed", "true")
                            .withHeader(CACHE_CONTROL, NO_STORE);
            case IdempotencyRecords.Claim.Mismatch mismatch -> throw new ApiException(422, "idempotency_key_reused",
                    "this Idempotency-Key was used with a different request", List.of(
                    new ErrorDetail("/headers/idempotency-key", "already used for another method, path or body")));
            case IdempotencyRecords.Claim.InProgress inProgress -> throw ApiException.conflict("request_in_progress",
                    "a request with this Idempotency-Key is being applied; retry later");
            case IdempotencyRecords.Claim.Acquired acquired -> apply(route, request, acquired.attempt());
        };
    }

    /** What makes two requests "the same request" for an Idempotency-Key: method, path and body. */
    public static String fingerprint(String method, String path, byte[] body) {
        return Sha256.hex(method + " " + path + "\n" + Sha256.hex(body));
    }

    private static ApiResponse apply(Route route, ApiRequest request, IdempotencyRecords.Attempt attempt) {
        ApiResponse response;
        try {
            response = route.action().handle(request.withAttempt(attempt));
        } catch (ApiException | InvalidDocumentException | RecipeRefusal refused) {
            attempt.release();
            throw refused;
        } catch (RuntimeException failure) {
            attempt.abandon();
            throw failure;
        }
        if (response.status() >= 200 && response.status() < 300) {
            ApiResponse.Replay replay = response.replayed();
            if (TokenService.containsToken(replay.body())) {
                // only a token's SHA-256 is ever stored: an answer with a secret must say what to replay instead
                attempt.release();
                throw new IllegalStateException("refusing to store a token secret in an idempotency record");
            }
            attempt.complete(replay.status(), replay.body());
        } else {
            attempt.release();
        }
        return response;
    }

    private static byte[] body(RawRequest raw) {
        if (raw.body() == null) {
            return new byte[0];
        }
        byte[] body;
        if (raw.base64Encoded()) {
            try {
                body = Base64.getMimeDecoder().decode(raw.body());
            } catch (IllegalArgumentException notBase64) {
                throw ApiException.badRequest("invalid_body", "the body is marked base64 but is not",
                        List.of(new ErrorDetail("", "is not valid base64")));
            }
        } else {
            body = raw.body().getBytes(StandardCharsets.UTF_8);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new ApiException(413, "too_large", "the body is larger than 1 MiB",
                    List.of(new ErrorDetail("", "must be at most " + MAX_BODY_BYTES + " bytes")));
        }
        return body;
    }

    private static void requireJson(RawRequest raw) {
        String contentType = Optional.ofNullable(raw.headers().get("content-type")).orElse("");
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        boolean json = mediaType.equals("application/json") || mediaType.equals("application/ld+json")
                || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
        if (!json) {
            throw new ApiException(415, "unsupported_media_type",
                    "send JSON: Content-Type application/json, application/ld+json or another +json type",
                    List.of(new ErrorDetail("/headers/content-type",
                            mediaType.isEmpty() ? "is missing" : "must be a JSON media type")));
        }
    }

    private static ApiException invalid(InvalidDocumentException invalid) {
        List<ErrorDetail> details = invalid.problems().stream()
                .map(problem -> new ErrorDetail(problem.pointer(), problem.problem())).toList();
        if (InvalidDocumentException.TOO_LARGE.equals(invalid.code())) {
            return new ApiException(413, "too_large", "the document is too large", details);
        }
        String message = InvalidDocumentException.INVALID_JSON.equals(invalid.code())
                ? "the body is not valid JSON" : "the document is not a valid recipe or make";
        return ApiException.badRequest(invalid.code(), message, details);
    }

    /** A service's refusal in HTTP words: the status code is decided here, at the edge. */
    static ApiException refused(RecipeRefusal refusal) {
        int status = switch (refusal.reason()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case ALREADY_EXISTS, CONCURRENT_UPDATE -> 409;
            case TOO_LARGE -> 413;
        };
        return new ApiException(status, refusal.code(), refusal.getMessage(), refusal.problems().stream()
                .map(problem -> new ErrorDetail(problem.pointer(), problem.problem())).toList());
    }

    /** A failure for the log: exception types and code locations only — messages may quote request content. */
    static final class FailureSummary {
        private FailureSummary() {
        }

        static String of(Throwable failure) {
            StringBuilder summary = new StringBuilder();
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                summary.append(summary.isEmpty() ? "" : " <- ").append(cause.getClass().getName());
                summary.append(Arrays.stream(cause.getStackTrace()).limit(4)
                        .map(StackTraceElement::toString).collect(Collectors.joining(", ", " at [", "]")));
            }
            return summary.toString();
        }
    }
}
