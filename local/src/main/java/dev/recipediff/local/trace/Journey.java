package dev.recipediff.local.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recipediff.functions.observability.CorrelationIds;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One file's journey through the pipeline, read back from JSON log lines: the lines that name the file (its key's
 * hash, or the recipe and make ids the API recorded it under) give its correlation ids, and every line carrying one
 * of those ids — watcher, sender, authorizer, API — is the journey, in time order.
 */
public final class Journey {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MAKE = Pattern.compile("(\\d+)/(\\d+)");
    private static final Pattern CORRELATION_ID = Pattern.compile("f-[0-9a-f]{32}");

    private Journey() {}

    /**
     * What to follow: an object key ({@code default/makes/pie.json}), a make ({@code RECIPE_ID/MAKE_ID} of
     * {@code kitchen}) or a correlation id ({@code f-…}).
     */
    public record Target(String description, Predicate<JsonNode> names, String insightsFilter) {

        public static Target parse(String argument, String kitchen) {
            if (CORRELATION_ID.matcher(argument).matches()) {
                return new Target(
                        "correlation id " + argument,
                        line -> argument.equals(text(line, "correlationId")),
                        "correlationId = \"" + argument + "\"");
            }
            var make = MAKE.matcher(argument);
            if (make.matches()) {
                String recipeId = make.group(1);
                String makeId = make.group(2);
                return new Target(
                        "make " + makeId + " of recipe " + recipeId + " in kitchen " + kitchen,
                        line -> recipeId.equals(text(line, "recipeId"))
                                && makeId.equals(text(line, "makeId"))
                                && kitchen.equals(text(line, "kitchen")),
                        "kitchen = \"" + kitchen + "\" and recipeId = " + recipeId + " and makeId = " + makeId);
            }
            String hash = CorrelationIds.keyHash(argument);
            return new Target(
                    "object " + hash + " (the hash logged for that key)",
                    line -> hash.equals(text(line, "keyHash")),
                    "keyHash = \"" + hash + "\"");
        }
    }

    /** Every line of the journey of {@code target}, in time order; empty when no line names it. */
    public static List<JsonNode> find(Target target, List<Path> logFiles) {
        Set<String> correlationIds = new LinkedHashSet<>();
        scan(logFiles, line -> {
            if (target.names().test(line) && text(line, "correlationId") != null) {
                correlationIds.add(text(line, "correlationId"));
            }
        });
        List<JsonNode> journey = new ArrayList<>();
        if (!correlationIds.isEmpty()) {
            scan(logFiles, line -> {
                if (correlationIds.contains(text(line, "correlationId"))) {
                    journey.add(line);
                }
            });
        }
        journey.sort(Comparator.comparing(line -> line.path("timestamp").asText()));
        return journey;
    }

    /** One line per log line: time, function, level, event and the fields that say what happened. */
    public static String render(List<JsonNode> journey) {
        StringBuilder out = new StringBuilder();
        for (JsonNode line : journey) {
            out.append(String.format(
                    "%-24s %-10s %-5s %s",
                    line.path("timestamp").asText(),
                    line.path("function").asText("-"),
                    line.path("level").asText(),
                    line.path("event").asText()));
            line.fieldNames().forEachRemaining(name -> {
                if (!Set.of("timestamp", "function", "level", "event", "logger", "_aws", "stackTrace", "requestId")
                        .contains(name)) {
                    out.append("  ")
                            .append(name)
                            .append('=')
                            .append(line.get(name).asText());
                }
            });
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * The CloudWatch Logs Insights queries that find the same journey on AWS (run them over the four functions'
     * log groups): the first finds the correlation ids, the second the journey of one of them.
     */
    public static String insightsQueries(Target target) {
        return "# 1. the correlation ids of " + target.description() + "\n"
                + "fields @timestamp, correlationId\n| filter " + target.insightsFilter()
                + "\n| stats count(*) by correlationId\n\n"
                + "# 2. the journey of one correlation id (replace ID)\n"
                + "fields @timestamp, function, level, event, kitchen, recipeId, makeId, status\n"
                + "| filter correlationId = \"ID\"\n| sort @timestamp asc\n";
    }

    private static void scan(List<Path> files, java.util.function.Consumer<JsonNode> each) {
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String text;
                while ((text = reader.readLine()) != null) {
                    if (text.startsWith("{")) {
                        try {
                            each.accept(JSON.readTree(text));
                        } catch (IOException notJson) {
                            // a line cut short by a crash: not part of any journey
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }

    private static String text(JsonNode line, String field) {
        JsonNode value = line.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
