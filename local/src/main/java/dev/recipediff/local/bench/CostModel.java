package dev.recipediff.local.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a make costs on AWS (us-east-1, on-demand): the calls counted through the emulators per make
 * ({@link SdkCallCounter}), the invocations they imply, and the memory sizes the CDK stack configures, priced
 * with the published prices in {@link Prices}. Pure arithmetic; {@code recipediff bench cost} feeds it counts.
 */
public final class CostModel {

    /** us-east-1 on-demand prices in USD per unit, as published (read 5 Dec 2026; sources in docs/performance.md). */
    public static final class Prices {
        public static final double LAMBDA_REQUEST = 0.20 / 1e6;
        /** Arm (the stack's functions are ARM_64), first tier. */
        public static final double LAMBDA_GB_SECOND_ARM = 0.0000133334;
        /** HTTP API, first 300 million requests a month, per request up to 512 KB. */
        public static final double HTTP_API_REQUEST = 1.00 / 1e6;
        /** Standard queue, per request (each 64 KB chunk), after the free million. */
        public static final double SQS_REQUEST = 0.40 / 1e6;

        public static final double S3_PUT_LIST = 0.005 / 1000;
        public static final double S3_GET = 0.0004 / 1000;
        public static final double DYNAMODB_WRITE_UNIT = 0.625 / 1e6;
        public static final double DYNAMODB_READ_UNIT = 0.125 / 1e6;
        public static final double KMS_REQUEST = 0.03 / 10_000;
        public static final double LOGS_INGESTED_GB = 0.50;
        public static final double SECRETS_MANAGER_CALL = 0.05 / 10_000;

        private Prices() {}
    }

    /**
     * The stack's configuration a make's cost depends on (RecipediffStack, HttpFrontDoor): memory per function,
     * the authorizer's cache, and the assumed billed duration of one warm invocation.
     */
    public record Stack(
            Map<String, Integer> memoryMiB, Map<String, Double> durationMillis, double authorizerCacheSeconds) {
        /** As RecipediffStack configures it; durations are assumptions (warm, 1 ms billing), see the doc. */
        public static Stack deployed() {
            return new Stack(
                    Map.of("api", 1024, "authorizer", 512, "watcher", 512, "sender", 1024),
                    Map.of("api", 60.0, "authorizer", 20.0, "watcher", 30.0, "sender", 200.0),
                    30);
        }

        public Stack withDurations(Map<String, Double> durations) {
            var merged = new java.util.HashMap<>(durationMillis);
            merged.putAll(durations);
            return new Stack(memoryMiB, Map.copyOf(merged), authorizerCacheSeconds);
        }
    }

    /** Log volume per event (Lambda JSON records and the HTTP API's access log line), bytes. */
    public static final int FUNCTION_LOG_LINE_BYTES = 350;

    public static final int ACCESS_LOG_LINE_BYTES = 250;

    /** One line of the bill: quantity per make × unit price. */
    public record Line(String service, String item, double perMake, String unit, double unitPrice) {
        public double dollarsPerMake() {
            return perMake * unitPrice;
        }

        public double dollarsPerMillion() {
            return dollarsPerMake() * 1e6;
        }
    }

    private final List<Line> lines;

    private CostModel(List<Line> lines) {
        this.lines = List.copyOf(lines);
    }

    public List<Line> lines() {
        return lines;
    }

    public double dollarsPerMillion() {
        return lines.stream().mapToDouble(Line::dollarsPerMillion).sum();
    }

    /** The lines that cost most, most first. */
    public List<Line> biggest(int count) {
        return lines.stream()
                .sorted(Comparator.comparingDouble(Line::dollarsPerMillion).reversed())
                .limit(count)
                .toList();
    }

    /**
     * @param counts what the handlers called while {@code makes} makes went through the pipeline
     * @param rate   makes per second (the authorizer runs once per cache period, whatever the rate)
     * @param kmsRequestsPerMake KMS requests a make causes: ≈ 0 with S3 Bucket Keys and SQS data-key reuse
     */
    public static CostModel of(
            SdkCallCounter.Counts counts, long makes, Stack stack, double rate, double kmsRequestsPerMake) {
        double n = makes;
        double watcher = counts.calls("Sqs.SendMessageBatch") / n; // one job batch per S3 event
        double sender = counts.calls("Sqs.ReceiveMessage") / n; // one invocation per non-empty batch
        double api = 1; // the sender's POST, one per make
        double authorizer = 1 / (stack.authorizerCacheSeconds() * rate);
        List<Line> lines = new ArrayList<>();
        Map<String, Double> invocations =
                Map.of("api", api, "authorizer", authorizer, "watcher", watcher, "sender", sender);
        for (String function : List.of("api", "sender", "watcher", "authorizer")) {
            double perMake = invocations.get(function);
            lines.add(new Line("Lambda", function + " requests", perMake, "request", Prices.LAMBDA_REQUEST));
            double gbSeconds = perMake
                    * stack.memoryMiB().get(function)
                    / 1024.0
                    * stack.durationMillis().get(function)
                    / 1000;
            lines.add(new Line(
                    "Lambda",
                    function + " duration (" + stack.memoryMiB().get(function) + " MiB, "
                            + stack.durationMillis().get(function) + " ms)",
                    gbSeconds,
                    "GB-s",
                    Prices.LAMBDA_GB_SECOND_ARM));
        }
        lines.add(new Line("API Gateway", "HTTP API requests", api, "request", Prices.HTTP_API_REQUEST));
        double sqs = counts.calls().entrySet().stream()
                        .filter(e ->
                                e.getKey().startsWith("Sqs.") && !e.getKey().endsWith("(empty)"))
                        .mapToLong(Map.Entry::getValue)
                        .sum()
                / n;
        lines.add(new Line("SQS", "requests (send, receive, delete)", sqs, "request", Prices.SQS_REQUEST));
        double puts = (counts.calls("S3.PutObject")
                        + counts.calls("S3.CopyObject")
                        + counts.calls("S3.ListObjectsV2")
                        + counts.calls("S3.ListObjects"))
                / n;
        double gets = (counts.calls("S3.GetObject") + counts.calls("S3.HeadObject")) / n;
        lines.add(new Line("S3", "PUT/COPY/LIST requests", puts, "request", Prices.S3_PUT_LIST));
        lines.add(new Line("S3", "GET/HEAD requests", gets, "request", Prices.S3_GET));
        lines.add(new Line(
                "DynamoDB", "write request units", counts.writeUnits() / n, "WRU", Prices.DYNAMODB_WRITE_UNIT));
        lines.add(new Line("DynamoDB", "read request units", counts.readUnits() / n, "RRU", Prices.DYNAMODB_READ_UNIT));
        lines.add(new Line(
                "KMS", "requests (Bucket Keys, data-key reuse)", kmsRequestsPerMake, "request", Prices.KMS_REQUEST));
        double logBytes = (watcher + 1 /* sender's line per job */ + api + authorizer) * FUNCTION_LOG_LINE_BYTES
                + api * ACCESS_LOG_LINE_BYTES;
        lines.add(new Line(
                "CloudWatch Logs",
                "ingestion (" + Math.round(logBytes) + " bytes)",
                logBytes / 1e9,
                "GB",
                Prices.LOGS_INGESTED_GB));
        lines.add(new Line(
                "Secrets Manager",
                "GetSecretValue (once per sender environment)",
                counts.calls("SecretsManager.GetSecretValue") / n,
                "call",
                Prices.SECRETS_MANAGER_CALL));
        return new CostModel(lines);
    }

    public void print(PrintStream out, long makes, SdkCallCounter.Counts counts) {
        out.printf(
                Locale.ROOT,
                "cost per make on AWS (us-east-1, on-demand), from the calls of %d makes through serve:%n",
                makes);
        out.println("  counted calls: " + counts.calls()
                + String.format(Locale.ROOT, "; DynamoDB %.1f RRU, %.1f WRU", counts.readUnits(), counts.writeUnits()));
        out.println();
        out.println("| service | item | per make | unit | USD per unit | USD per million makes |");
        out.println("|---|---|---|---|---|---|");
        for (Line line : lines) {
            out.printf(
                    Locale.ROOT,
                    "| %s | %s | %.4g | %s | %.4g | %.2f |%n",
                    line.service(),
                    line.item(),
                    line.perMake(),
                    line.unit(),
                    line.unitPrice(),
                    line.dollarsPerMillion());
        }
        out.printf(Locale.ROOT, "| **total** | | | | | **%.2f** |%n", dollarsPerMillion());
        out.println();
        out.println("three biggest lines: "
                + biggest(3).stream()
                        .map(line -> String.format(
                                Locale.ROOT, "%s %s (%.2f USD)", line.service(), line.item(), line.dollarsPerMillion()))
                        .toList());
    }
}
