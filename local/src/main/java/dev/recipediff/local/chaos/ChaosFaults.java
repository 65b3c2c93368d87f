package dev.recipediff.local.chaos;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The faults a chaos run injected, each with how many times it happened and what it hit. */
public final class ChaosFaults {

    /** The faults of issue 9 §1. */
    public enum Fault {
        API_UNAVAILABLE("API answered 503 for a window"),
        SENDER_POLLING_KILLED("SQS pollers killed (no grace) and restarted, serve running on"),
        DYNALITE_KILLED("dynalite killed (serve restarted)"),
        DYNALITE_RESTARTED("dynalite stopped and restarted alone, serve running on"),
        SERVE_RESTARTED("serve stopped gracefully (its SIGTERM path) and restarted"),
        NOTIFICATION_DROPPED("S3 notification dropped (object written with none)"),
        REUPLOAD_SAME_KEY("re-uploaded under the same key"),
        REUPLOAD_NEW_KEY("same content re-uploaded under a new key");

        private final String description;

        Fault(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final Map<Fault, Integer> times = new EnumMap<>(Fault.class);
    private final Map<Fault, List<String>> details = new EnumMap<>(Fault.class);

    public void happened(Fault fault) {
        times.merge(fault, 1, Integer::sum);
    }

    /** One occurrence, with what it hit (e.g. how many requests a 503 window refused). */
    public void happened(Fault fault, String detail) {
        happened(fault);
        details.computeIfAbsent(fault, f -> new ArrayList<>()).add(detail);
    }

    public int times(Fault fault) {
        return times.getOrDefault(fault, 0);
    }

    /** The faults that never happened: a run that claims them would be lying. */
    public List<Fault> missing() {
        return Arrays.stream(Fault.values()).filter(fault -> times(fault) == 0).toList();
    }

    /** One line per fault: times, description, details. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (Fault fault : Fault.values()) {
            List<String> hit = details.getOrDefault(fault, List.of());
            lines.add("%4d x %s%s"
                    .formatted(
                            times(fault),
                            fault.description(),
                            hit.isEmpty() ? "" : " (" + String.join("; ", hit) + ")"));
        }
        return lines;
    }
}
