package dev.recipediff.functions.http;

import dev.recipediff.core.format.InvalidDocumentException;
import dev.recipediff.functions.auth.Identity;
import dev.recipediff.functions.auth.TokenService;
import dev.recipediff.functions.recipes.RecipeRefusal;
import dev.recipediff.functions.store.IdempotencyRecords;
import dev.recipediff.functions.store.Sha256;
import java.util.List;

/**
 * Idempotency-Key handling (docs/architecture.md, "claim → apply → complete"): a request refused with 4xx before
 * writing releases its claim, an unexpected failure ends the lease at once, a 2xx answer is stored for replays.
 */
public final class IdempotentRequests {

    private static final int MAX_IDEMPOTENCY_KEY = 2048;

    private final IdempotencyRecords idempotency;

    IdempotentRequests(IdempotencyRecords idempotency) {
        this.idempotency = idempotency;
    }

    /** Runs a mutating route under its Idempotency-Key: replay, 422 for another request, 409 while in progress. */
    ApiResponse handle(Route route, ApiRequest request, Identity identity, String key) {
        if (key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY || key.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.invalidParameter(
                    "/headers/idempotency-key",
                    "must be 1 to " + MAX_IDEMPOTENCY_KEY + " characters without control characters");
        }
        return switch (idempotency.claim(
                identity.kitchen(), key, fingerprint(request.method(), request.path(), request.body()))) {
            case IdempotencyRecords.Claim.Replay replay ->
                ApiResponse.json(replay.status(), replay.body())
                        .withHeader("Idempotent-Replayed", "true")
                        .withHeader(HttpEdge.CACHE_CONTROL, HttpEdge.NO_STORE);
            case IdempotencyRecords.Claim.Mismatch mismatch ->
                throw new ApiException(
                        422,
                        "idempotency_key_reused",
                        "this Idempotency-Key was used with a different request",
                        List.of(new ErrorDetail(
                                "/headers/idempotency-key", "already used for another method, path or body")));
            case IdempotencyRecords.Claim.InProgress inProgress ->
                throw ApiException.conflict(
                        "request_in_progress", "a request with this Idempotency-Key is being applied; retry later");
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
}
