package dev.recipediff.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Peak resident set sizes ({@code VmHWM} in {@code /proc/<pid>/status}, Linux) of this JVM — where serve
 * runs during a benchmark — and of its child processes (dynalite's {@code node}).
 */
public final class PeakMemory {

    /** One process's peak RSS, and the CPU time it used so far (user + system). */
    public record ProcessPeak(long pid, String command, long peakKiB, double cpuSeconds) {}

    /** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in 1/100 s. */
    private static final double TICKS_PER_SECOND = 100;

    private PeakMemory() {}

    /** This process first, then its descendants that are still alive; empty where /proc is not readable. */
    public static List<ProcessPeak> ofThisProcessTree() {
        List<ProcessPeak> peaks = new ArrayList<>();
        ProcessHandle self = ProcessHandle.current();
        of(self).ifPresent(peaks::add);
        self.descendants().forEach(child -> of(child).ifPresent(peaks::add));
        return peaks;
    }

    static Optional<ProcessPeak> of(ProcessHandle process) {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    long kiB = Long.parseLong(
                            line.substring("VmHWM:".length()).replace("kB", "").strip());
                    String command = process.info()
                            .command()
                            .map(c -> Path.of(c).getFileName().toString())
                            .orElse("?");
                    return Optional.of(new ProcessPeak(process.pid(), command, kiB, cpuSeconds(process.pid())));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** utime + stime from /proc/<pid>/stat (fields 14 and 15, counted after the parenthesised command). */
    static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    public static long totalKiB(List<ProcessPeak> peaks) {
        return peaks.stream().mapToLong(ProcessPeak::peakKiB).sum();
    }
}
