package dev.recipediff.functions.auth;

import java.util.Arrays;
import java.util.Optional;

/** What a token may do. {@code service} is the pipeline's sender: read+write on the kitchen it names. */
public enum Scope {
    READ("read"),
    WRITE("write"),
    ADMIN("admin"),
    SERVICE("service");

    private final String wireName;

    Scope(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in tokens, the authorizer context and the API ({@code read}, ...). */
    public String wireName() {
        return wireName;
    }

    public static Optional<Scope> fromWireName(String name) {
        return Arrays.stream(values())
                .filter(scope -> scope.wireName.equals(name))
                .findFirst();
    }
}
