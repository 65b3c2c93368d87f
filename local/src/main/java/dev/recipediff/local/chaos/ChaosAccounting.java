package dev.recipediff.local.chaos;

import dev.recipediff.local.chaos.ChaosPlan.Kind;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The end of a chaos run: every uploaded object in exactly one terminal state (recipe stored, make stored once,
 * rejection report, DLQ) — or counted as lost or duplicated, with the reason.
 */
public final class ChaosAccounting {

    private static final String[] COLUMNS = {"uploaded", "recipe stored", "makes stored", "rejection report", "DLQ",
            "lost", "duplicated"};
    private static final int UPLOADED = 0;
    private static final int RECIPE_STORED = 1;
    private static final int MAKES_STORED = 2;
    private static final int REPORTED = 3;
    private static final int DLQ = 4;
    private static final int LOST = 5;
    private static final int DUPLICATED = 6;

    private final Map<Kind, int[]> rows = new EnumMap<>(Kind.class);
    private final List<String> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final int objects;
    private final int reuploads;
    private final List<String> faults;

    ChaosAccounting(int objects, int reuploads, List<String> faults) {
        this.objects = objects;
        this.reuploads = reuploads;
        this.faults = List.copyOf(faults);
        for (Kind kind : Kind.values()) {
            rows.put(kind, new int[COLUMNS.length]);
        }
    }

    void uploaded(Kind kind, boolean reported, boolean inDeadLetterQueue) {
        int[] row = rows.get(kind);
        row[UPLOADED]++;
        row[REPORTED] += reported ? 1 : 0;
        row[DLQ] += inDeadLetterQueue ? 1 : 0;
    }

    void invalid(String key, boolean terminal) {
        if (!terminal) {
            rows.get(Kind.INVALID)[LOST]++;
            problems.add("no rejection report and not in the DLQ: " + key);
        }
    }

    void recipe(String key, boolean stored, boolean inDeadLetterQueue, boolean reported) {
        int[] row = rows.get(Kind.RECIPE);
        row[RECIPE_STORED] += stored ? 1 : 0;
        if (!stored && !inDeadLetterQueue) {
            row[LOST]++;
            problems.add("recipe not stored: " + key);
        }
        if (reported) {
            problems.add("a valid recipe got a rejection report: " + key);
        }
        if (stored && inDeadLetterQueue) {
            notes.add("stored, and a stale duplicate job of it is in the DLQ (redriving it would be a no-op): " + key);
        }
    }

    void validMakeReported(String key, boolean reported) {
        if (reported) {
            problems.add("a valid make got a rejection report: " + key);
        }
    }

    void makes(long recipeId, int uploaded, int stored) {
        int[] row = rows.get(Kind.MAKE);
        row[MAKES_STORED] += stored;
        if (stored < uploaded) {
            row[LOST] += uploaded - stored;
        } else {
            row[DUPLICATED] += stored - uploaded;
        }
        if (stored != uploaded) {
            problems.add("recipe " + recipeId + ": " + stored + " make(s) stored for " + uploaded + " make file(s)");
        }
    }

    public int lost() {
        return rows.values().stream().mapToInt(row -> row[LOST]).sum();
    }

    public int duplicated() {
        return rows.values().stream().mapToInt(row -> row[DUPLICATED]).sum();
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    public boolean clean() {
        return lost() == 0 && duplicated() == 0 && problems.isEmpty();
    }

    public String table() {
        StringBuilder out = new StringBuilder("chaos run: " + objects + " objects (" + reuploads + " re-uploads)\n");
        faults.forEach(fault -> out.append("  fault: ").append(fault).append('\n'));
        out.append("%-8s".formatted("kind"));
        for (String column : COLUMNS) {
            out.append("%17s".formatted(column));
        }
        out.append('\n');
        rows.forEach((kind, row) -> {
            out.append("%-8s".formatted(kind.name().toLowerCase()));
            for (int value : row) {
                out.append("%17d".formatted(value));
            }
            out.append('\n');
        });
        out.append("lost ").append(lost()).append(", duplicated ").append(duplicated()).append('\n');
        problems.forEach(problem -> out.append("  ").append(problem).append('\n'));
        notes.forEach(note -> out.append("  note: ").append(note).append('\n'));
        return out.toString();
    }
}
