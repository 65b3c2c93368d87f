package dev.recipediff.emulators.glue;

import java.util.List;
import java.util.Set;

/** Paths the front door serves without asking the authorizer: exact paths, or prefixes written {@code /x/*}. */
final class PublicPaths {

    private final Set<String> exact;
    private final List<String> prefixes;

    PublicPaths(Set<String> paths) {
        this.exact = paths.stream().filter(p -> !p.endsWith("/*")).collect(java.util.stream.Collectors.toSet());
        this.prefixes = paths.stream().filter(p -> p.endsWith("/*")).map(p -> p.substring(0, p.length() - 1)).toList();
    }

    boolean contains(String path) {
        if (path.contains("..")) {
            return false;
        }
        return exact.contains(path) || prefixes.stream().anyMatch(path::startsWith);
    }
}
