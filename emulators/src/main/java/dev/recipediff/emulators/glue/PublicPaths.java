package dev.recipediff.emulators.glue;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Routes the front door serves without asking the authorizer, written as API Gateway route paths: exact
 * ({@code /openapi.json}) or ending in a greedy variable ({@code /assets/{path+}}: everything below
 * {@code /assets/}), so that serve and the CDK stack can be given the same list.
 */
final class PublicPaths {

    private static final Pattern GREEDY = Pattern.compile("/\\{[A-Za-z0-9_]+\\+}$");

    private final Set<String> exact;
    private final List<String> prefixes;

    PublicPaths(Set<String> paths) {
        this.exact = paths.stream().filter(p -> !GREEDY.matcher(p).find()).collect(Collectors.toSet());
        this.prefixes = paths.stream()
                .filter(p -> GREEDY.matcher(p).find())
                .map(p -> GREEDY.matcher(p).replaceFirst("/"))
                .toList();
    }

    boolean contains(String path) {
        if (path.contains("..")) {
            return false;
        }
        return exact.contains(path) || prefixes.stream().anyMatch(path::startsWith);
    }
}
