package dev.recipediff.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's 1-minute load average ({@code /proc/loadavg}), recorded next to every figure. */
public final class LoadAverage {

    private LoadAverage() {}

    /** The 1/5/15-minute load averages as the kernel prints them, or "unknown". */
    public static String now() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
