package dev.recipediff.local.chaos;

import dev.recipediff.local.chaos.ChaosFaults.Fault;
import dev.recipediff.local.chaos.ChaosPlan.Kind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The end of a chaos run: every uploaded object in exactly one terminal state (recipe stored, make stored once,
 * rejection report, DLQ) — or counted as lost or duplicated, with the reason. A job in the DLQ whose effect was
 * applied anyway (a stale duplicate: redriving it replays the stored answer) counts as stored, and is noted.
 */
public final class ChaosAccounting {

    private static final String[] COLUMNS = {
        "uploaded", "recipe stored", "makes stored", "rejection report", "DLQ", "lost", "duplicated"
    };
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
    private final ChaosFaults faults;
    private final List<String> recovery;

    ChaosAccounting(int objects, ChaosFaults faults, List<String> recovery) {
        this.objects = objects;
        this.faults = faults;
        this.recovery = List.copyOf(recovery);
        for (Kind kind : Kind.values()) {
            rows.put(kind, new int[COLUMNS.length]);
        }
    }

    /**
     * @param inDeadLetterQueue its job waits in the DLQ and its effect was not applied (a terminal state of its
     *                          own); a stale DLQ copy of an applied job is {@link #staleDeadLetter noted} instead
     */
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
    }

    void validMakeReported(String key, boolean reported) {
        if (reported) {
            problems.add("a valid make got a rejection report: " + key);
        }
    }

    /** A job in the DLQ whose file's effect is applied all the same: stored, not dead-lettered. */
    void staleDeadLetter(String key, String evidence) {
        notes.add("stored, and a stale duplicate job of it is in the DLQ (redriving it replays the stored answer): "
                + key + " — " + evidence);
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

    /** Every object whose notification was dropped must have been found by reconcile. */
    void reconciled(int notificationsDropped, int requeued) {
        if (requeued < notificationsDropped) {
            problems.add("reconcile re-enqueued " + requeued + " object(s) but " + notificationsDropped
                    + " notification(s) were dropped");
        }
    }

    /** The objects uploaded (the plan's files and the re-uploads under a new key). */
    public int objects() {
        return objects;
    }

    /** The faults the run injected, with how many times each happened. */
    public ChaosFaults faults() {
        return faults;
    }

    public int lost() {
        return rows.values().stream().mapToInt(row -> row[LOST]).sum();
    }

    public int duplicated() {
        return rows.values().stream().mapToInt(row -> row[DUPLICATED]).sum();
    }

    /** What is wrong: losses, duplicates, misplaced reports — and faults the run claims but did not inject. */
    public List<String> problems() {
        List<String> all = new ArrayList<>(problems);
        faults.missing().forEach(fault -> all.add("fault never injected: " + fault.description()));
        return List.copyOf(all);
    }

    public boolean clean() {
        return lost() == 0 && duplicated() == 0 && problems().isEmpty();
    }

    public String table() {
        int reuploads = faults.times(Fault.REUPLOAD_SAME_KEY) + faults.times(Fault.REUPLOAD_NEW_KEY);
        StringBuilder out = new StringBuilder("chaos run: " + objects + " objects (" + reuploads + " re-uploads)\n");
        out.append("faults (times x what):\n");
        faults.lines().forEach(line -> out.append(line).append('\n'));
        recovery.forEach(line -> out.append("recovery: ").append(line).append('\n'));
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
        out.append("lost ")
                .append(lost())
                .append(", duplicated ")
                .append(duplicated())
                .append('\n');
        problems().forEach(problem -> out.append("  ").append(problem).append('\n'));
        notes.forEach(note -> out.append("  note: ").append(note).append('\n'));
        return out.toString();
    }
}
