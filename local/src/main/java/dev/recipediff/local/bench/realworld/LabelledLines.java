package dev.recipediff.local.bench.realworld;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The labelled ingredient lines of a CSV shaped like {@code ingredient-lines-dev.csv}: a header naming at least
 * {@code source,input,name,qty,unit}, then one quoted-as-needed (RFC 4180) record per line.
 *
 * @param source   where the line comes from (scores are kept per source)
 * @param input    the line
 * @param name     the labelled name
 * @param quantity the labelled quantity, {@code null} when none
 * @param unit     the labelled unit, "" when none
 */
public record LabelledLines(String source, String input, String name, Double quantity, String unit) {

    /** The first {@code limit} records of {@code csv}. */
    public static List<LabelledLines> read(Path csv, int limit) throws IOException {
        List<List<String>> records = records(Files.readString(csv, StandardCharsets.UTF_8));
        if (records.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> column = new HashMap<>();
        List<String> header = records.getFirst();
        for (int i = 0; i < header.size(); i++) {
            column.put(header.get(i).strip(), i);
        }
        for (String required : List.of("source", "input", "name", "qty", "unit")) {
            if (!column.containsKey(required)) {
                throw new IOException(csv + ": no column '" + required + "' in the header");
            }
        }
        List<LabelledLines> lines = new ArrayList<>();
        for (List<String> record : records.subList(1, records.size())) {
            if (lines.size() >= limit) {
                break;
            }
            if (record.size() < header.size()) {
                continue;
            }
            String qty = record.get(column.get("qty")).strip();
            Double quantity;
            try {
                quantity = qty.isEmpty() ? null : Double.valueOf(qty);
            } catch (NumberFormatException e) {
                quantity = null;
            }
            lines.add(new LabelledLines(record.get(column.get("source")), record.get(column.get("input")),
                    record.get(column.get("name")), quantity, record.get(column.get("unit")).strip()));
        }
        return lines;
    }

    static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
