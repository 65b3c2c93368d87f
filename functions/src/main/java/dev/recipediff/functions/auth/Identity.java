package dev.recipediff.functions.auth;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who is calling: the kitchen (tenant) the request acts on, the token's scopes and the token's public id.
 * Built by the authorizer, carried in the request context, trusted by the API handler.
 */
public record Identity(String kitchen, Set<Scope> scopes, String tokenId) {

    /** Kitchen names: lower-case letters, digits and inner dashes, 1–63 characters (they become key prefixes). */
    public static final Pattern KITCHEN = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    /** The header (lower case, as the gateway passes headers) a service token names its acting kitchen in. */
    public static final String KITCHEN_HEADER = "x-recipediff-kitchen";

    public Identity {
        if (!isValidKitchen(kitchen)) {
            throw new IllegalArgumentException("invalid kitchen name");
        }
        scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
    }

    public static boolean isValidKitchen(String kitchen) {
        return kitchen != null && KITCHEN.matcher(kitchen).matches();
    }

    /** {@code service} implies read and write (on the kitchen it acts for). */
    public boolean has(Scope scope) {
        return scopes.contains(scope)
                || (scopes.contains(Scope.SERVICE) && (scope == Scope.READ || scope == Scope.WRITE));
    }
}
