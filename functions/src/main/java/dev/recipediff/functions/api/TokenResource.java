package dev.recipediff.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recipediff.functions.auth.Identity;
import dev.recipediff.functions.auth.MintedToken;
import dev.recipediff.functions.auth.Scope;
import dev.recipediff.functions.auth.TokenService;
import dev.recipediff.functions.http.ApiException;
import dev.recipediff.functions.http.ApiRequest;
import dev.recipediff.functions.http.ApiResponse;
import dev.recipediff.functions.http.ErrorDetail;
import dev.recipediff.functions.http.JsonBodies;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code /tokens} (admin scope): mint a token for the caller's own kitchen, revoke one. The {@code service}
 * scope cannot be minted here: it may act on any kitchen, so only the bootstrap path ({@link TokenService})
 * creates it.
 */
public final class TokenResource {

    private static final Pattern TOKEN_ID = Pattern.compile("[0-9a-f]{16}");
    private static final int MAX_LABEL = 200;
    /** What a replay of {@code POST /tokens} (same Idempotency-Key) says instead of the secret. */
    static final String REPLAY_NOTE = "replay of an earlier mint with this Idempotency-Key: the secret was shown once, "
            + "in the first answer, and is never stored; revoke this token and mint a new one if it was lost";

    private final TokenService tokens;
    private final JsonBodies json;

    public TokenResource(TokenService tokens, JsonBodies json) {
        this.tokens = tokens;
        this.json = json;
    }

    /** {@code POST /tokens} {@code {"scopes": ["read", "write"], "label": "..."}} → 201, the token shown once. */
    public ApiResponse mint(ApiRequest request) {
        ObjectNode body = json.requestObject(request.body());
        List<ErrorDetail> problems = new ArrayList<>();
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        JsonNode requested = body.get("scopes");
        if (requested == null || !requested.isArray() || requested.isEmpty()) {
            problems.add(new ErrorDetail("/scopes", "must be a non-empty array of read, write, admin"));
        } else {
            for (int i = 0; i < requested.size(); i++) {
                JsonNode scope = requested.get(i);
                Optional<Scope> known = scope.isTextual() ? Scope.fromWireName(scope.asText()) : Optional.empty();
                if (known.isEmpty()) {
                    problems.add(new ErrorDetail("/scopes/" + i, "must be one of read, write, admin"));
                } else if (known.get() == Scope.SERVICE) {
                    problems.add(new ErrorDetail("/scopes/" + i, "service tokens are minted only with the CLI"));
                } else {
                    scopes.add(known.get());
                }
            }
        }
        JsonNode label = body.get("label");
        if (label != null
                && !label.isNull()
                && (!label.isTextual() || label.asText().length() > MAX_LABEL)) {
            problems.add(new ErrorDetail("/label", "must be a string of at most " + MAX_LABEL + " characters"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("invalid_document", "the token request is invalid", problems);
        }
        refuseScopesNotHeld(request, requested, scopes);
        MintedToken minted =
                tokens.mint(request.kitchen(), scopes, label == null || label.isNull() ? "" : label.asText());
        ObjectNode response = json.object();
        response.put("tokenId", minted.tokenId());
        response.put("token", minted.token());
        response.put("kitchen", minted.kitchen());
        ArrayNode scopeNames = response.putArray("scopes");
        minted.scopes().stream().sorted().forEach(scope -> scopeNames.add(scope.wireName()));
        response.put("label", minted.label());
        response.put("createdAt", minted.createdAt().toString());
        ObjectNode replay = response.deepCopy();
        replay.remove("token");
        replay.put("note", REPLAY_NOTE);
        return json.respond(201, response)
                .withHeader("Cache-Control", "no-store")
                .withReplay(200, json.respond(200, replay).body());
    }

    /**
     * A token grants only scopes its minter holds: an {@code admin}-only token mints {@code admin} tokens, not
     * {@code read} or {@code write} ones (admin does not imply the other scopes).
     */
    private static void refuseScopesNotHeld(ApiRequest request, JsonNode requested, Set<Scope> scopes) {
        Identity minter = request.identity().orElseThrow();
        List<ErrorDetail> notHeld = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            Optional<Scope> scope = Scope.fromWireName(requested.get(i).asText());
            if (scope.isPresent()
                    && scopes.contains(scope.get())
                    && !minter.scopes().contains(scope.get())) {
                notHeld.add(new ErrorDetail(
                        "/scopes/" + i,
                        "this token does not hold '" + scope.get().wireName()
                                + "'; a token can grant only scopes it holds"));
            }
        }
        if (!notHeld.isEmpty()) {
            throw new ApiException(403, "scope_not_held", "a token can grant only scopes it holds", notHeld);
        }
    }

    /** {@code DELETE /tokens/{tokenId}} → 204; 404 when the kitchen has no such token. */
    public ApiResponse revoke(ApiRequest request) {
        String tokenId = request.pathVariable("tokenId");
        if (!TOKEN_ID.matcher(tokenId).matches() || !tokens.revoke(request.kitchen(), tokenId)) {
            throw ApiException.notFound("no token " + tokenId + " in this kitchen");
        }
        return ApiResponse.noContent();
    }
}
