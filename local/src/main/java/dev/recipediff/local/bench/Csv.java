package dev.recipediff.local.bench;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: comma-separated fields, {@code "quoted"} fields holding commas, line breaks and {@code ""}. */
final class Csv {

    private Csv() {}

    /** Every row of {@code text}; a trailing line break ends the last row, it does not start an empty one. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean rowStarted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    quoted = true;
                    rowStarted = true;
                }
                case ',' -> {
                    row.add(field.toString());
                    field.setLength(0);
                    rowStarted = true;
                }
                case '\r' -> {
                    // part of a CRLF line break
                }
                case '\n' -> {
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                    rowStarted = false;
                }
                default -> {
                    field.append(c);
                    rowStarted = true;
                }
            }
        }
        if (rowStarted || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
