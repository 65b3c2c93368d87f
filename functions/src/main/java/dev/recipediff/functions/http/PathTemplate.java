package dev.recipediff.functions.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A route path such as {@code /recipes/{recipeId}/makes/{makeId}}: literal segments and named variables,
 * each variable matching exactly one non-empty segment — except a last variable written {@code {name+}}
 * (API Gateway's greedy form, e.g. {@code /assets/{proxy+}}), which matches the rest of the path.
 */
public record PathTemplate(String template, List<String> segments) {

    public PathTemplate {
        segments = List.copyOf(segments);
    }

    public static PathTemplate of(String template) {
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("a path template starts with /: " + template);
        }
        return new PathTemplate(template, split(template));
    }

    /** The variables when {@code path} matches, else empty. */
    public Optional<Map<String, String>> match(String path) {
        List<String> parts = split(path);
        boolean greedy = !segments.isEmpty() && segments.getLast().endsWith("+}");
        if (greedy ? parts.size() < segments.size() : parts.size() != segments.size()) {
            return Optional.empty();
        }
        if (greedy) {
            int last = segments.size() - 1;
            List<String> rest = parts.subList(last, parts.size());
            if (rest.stream().anyMatch(String::isEmpty)) {
                return Optional.empty();
            }
            parts = new java.util.ArrayList<>(parts.subList(0, last));
            parts.add(String.join("/", rest));
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            String segment = segments.get(i);
            String part = parts.get(i);
            if (isVariable(segment)) {
                if (part.isEmpty()) {
                    return Optional.empty();
                }
                variables.put(segment.substring(1, segment.length() - (segment.endsWith("+}") ? 2 : 1)), part);
            } else if (!segment.equals(part)) {
                return Optional.empty();
            }
        }
        return Optional.of(variables);
    }

    private static boolean isVariable(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    private static List<String> split(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (trimmed.equals("/") || trimmed.isEmpty()) {
            return List.of();
        }
        return List.of(trimmed.substring(1).split("/", -1));
    }
}
