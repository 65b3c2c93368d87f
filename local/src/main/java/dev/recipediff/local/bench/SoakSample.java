package dev.recipediff.local.bench;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One row of a soak: what serve looked like {@code seconds} after the first upload.
 *
 * @param seconds      since the first upload
 * @param offered      makes uploaded so far
 * @param recorded     makes recorded so far (seen in DynamoDB)
 * @param rssMiB       resident set size per process (the JVM, dynalite's node), MiB
 * @param diskBytes    bytes on disk per store (s3, dynamodb, sqs)
 * @param p50Millis    median latency of the makes recorded in this interval (upload's intended start → recorded)
 * @param p99Millis    99th percentile of the same
 * @param queueDepth   jobs waiting or in flight in the jobs queue
 */
public record SoakSample(
        double seconds,
        long offered,
        long recorded,
        Map<String, Double> rssMiB,
        Map<String, Long> diskBytes,
        double p50Millis,
        double p99Millis,
        long queueDepth) {

    public SoakSample {
        rssMiB = Map.copyOf(rssMiB);
        diskBytes = Map.copyOf(diskBytes);
    }

    public double totalRssMiB() {
        return rssMiB.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    public long totalDiskBytes() {
        return diskBytes.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The processes measured in any of the samples, sorted: the RSS columns of the table and the CSV. */
    static List<String> processes(List<SoakSample> samples) {
        return names(samples, SoakSample::rssMiB);
    }

    /** The stores measured in any of the samples, sorted: the disk columns of the table and the CSV. */
    static List<String> stores(List<SoakSample> samples) {
        return names(samples, SoakSample::diskBytes);
    }

    private static List<String> names(List<SoakSample> samples, Function<SoakSample, Map<String, ?>> measured) {
        return samples.stream()
                .flatMap(s -> measured.apply(s).keySet().stream())
                .distinct()
                .sorted()
                .toList();
    }
}
