package dev.recipediff.functions.auth;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The contract between the authorizer and the API handler: the simple-response {@code context} map that API
 * Gateway passes on as {@code requestContext.authorizer.lambda}.
 *
 * <ul>
 *   <li>authenticated: {@code outcome=authenticated}, {@code kitchen}, {@code scopes} (comma-separated wire
 *       names), {@code tokenId};</li>
 *   <li>refused: {@code outcome=unauthenticated} (→ 401) or {@code outcome=forbidden} (→ 403) and a
 *       {@code message} that never contains the token.</li>
 * </ul>
 */
public final class AuthorizerContext {

    public static final String OUTCOME = "outcome";
    public static final String KITCHEN = "kitchen";
    public static final String SCOPES = "scopes";
    public static final String TOKEN_ID = "tokenId";
    public static final String MESSAGE = "message";

    private AuthorizerContext() {}

    /** How the authorizer judged the request, as the API handler reads it. */
    public sealed interface Verdict {
        record Authenticated(Identity identity) implements Verdict {}

        record Unauthenticated(String message) implements Verdict {}

        record Forbidden(String message) implements Verdict {}
    }

    public static Map<String, String> authenticated(Identity identity) {
        return Map.of(
                OUTCOME,
                "authenticated",
                KITCHEN,
                identity.kitchen(),
                SCOPES,
                identity.scopes().stream().map(Scope::wireName).sorted().collect(Collectors.joining(",")),
                TOKEN_ID,
                identity.tokenId());
    }

    public static Map<String, String> unauthenticated(String message) {
        return Map.of(OUTCOME, "unauthenticated", MESSAGE, message);
    }

    public static Map<String, String> forbidden(String message) {
        return Map.of(OUTCOME, "forbidden", MESSAGE, message);
    }

    /** Reads the context the gateway passed; anything missing or malformed is "not authenticated". */
    public static Verdict read(Map<String, ?> context) {
        if (context == null) {
            return new Verdict.Unauthenticated("Authorization: Bearer <token> is required");
        }
        String outcome = text(context, OUTCOME).orElse("");
        String message = text(context, MESSAGE).orElse("not authenticated");
        return switch (outcome) {
            case "authenticated" ->
                identity(context)
                        .<Verdict>map(Verdict.Authenticated::new)
                        .orElseGet(() -> new Verdict.Unauthenticated("not authenticated"));
            case "forbidden" -> new Verdict.Forbidden(message);
            case "unauthenticated" -> new Verdict.Unauthenticated(message);
            default -> new Verdict.Unauthenticated("Authorization: Bearer <token> is required");
        };
    }

    private static Optional<Identity> identity(Map<String, ?> context) {
        Optional<String> kitchen = text(context, KITCHEN).filter(Identity::isValidKitchen);
        Optional<String> tokenId = text(context, TOKEN_ID);
        if (kitchen.isEmpty() || tokenId.isEmpty()) {
            return Optional.empty();
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        Arrays.stream(text(context, SCOPES).orElse("").split(","))
                .map(String::strip)
                .map(Scope::fromWireName)
                .flatMap(Optional::stream)
                .forEach(scopes::add);
        return Optional.of(new Identity(kitchen.get(), scopes, tokenId.get()));
    }

    private static Optional<String> text(Map<String, ?> context, String key) {
        Object value = context.get(key);
        return value == null ? Optional.empty() : Optional.of(value.toString());
    }
}
