package dev.recipediff.local.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recipediff.functions.pipeline.BucketLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/operations.md promises the real {@code aws} CLI works against {@code serve}'s endpoints with the local
 * credentials: this drives a running serve with it — {@code s3 cp}/{@code ls}, {@code s3api put-object} with
 * keys a careless client sends, {@code sqs} and {@code dynamodb scan}. Every odd key gets what it gets on AWS:
 * a rejection report, or (a folder marker) nothing. Skipped only when no {@code aws} is installed (CI installs
 * Debian's {@code awscli}).
 */
class AwsCliAgainstServeIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration PIPELINE = Duration.ofSeconds(60);
    private static final String BUCKET = "s3://" + ServeRuntime.BUCKET;

    @TempDir
    static Path dataDir;

    @TempDir
    static Path files;

    private static ServeRuntime serve;

    @BeforeAll
    static void startServe() {
        Assumptions.assumeTrue(awsCliInstalled(), "the aws CLI is not installed (apt-get install awscli): skipped");
        serve = ServeRuntime.start(ServeOptions.of(dataDir, 0, DataDirectory.DEFAULT_KITCHEN, Optional.empty())
                .withVisibilityTimeout(Duration.ofSeconds(2)));
    }

    @AfterAll
    static void stopServe() {
        if (serve != null) {
            serve.close();
        }
    }

    @Test
    void s3CpPutsAFileTheListingShowsAndThePipelineTakes() throws IOException {
        Path recipe = Files.writeString(files.resolve("soup.json"), "not json at all");

        aws("--endpoint-url", s3(), "s3", "cp", recipe.toString(), BUCKET + "/default/recipes/");

        assertThat(aws("--endpoint-url", s3(), "s3", "ls", BUCKET + "/default/", "--recursive"))
                .contains("default/recipes/soup.json");
        awaitReport("default/rejected/recipes/soup.json.error.json");
        assertThat(aws(
                        "--endpoint-url",
                        s3(),
                        "s3",
                        "cp",
                        BUCKET + "/default/rejected/recipes/soup.json.error.json",
                        "-"))
                .contains("\"key\"");
    }

    @Test
    void aWrongFileTypeGetsARejectionReport() {
        putObject("default/makes/notes.txt", "shopping list");

        awaitReport("default/rejected/makes/notes.txt.error.json");
    }

    @Test
    void keysWithSpacesUnicodeAndUpperCaseSuffixesReachTheWatcher() {
        putObject("default/makes/Crème brûlée 2.JSON", "{ broken");

        awaitReport("default/rejected/makes/Crème brûlée 2.JSON.error.json");
    }

    @Test
    void aKeyWithADoubleSlashIsRefusedWithAReport() {
        putObject("default//makes/x.json", "{}");

        // an empty segment makes the key unsafe as a path (issue 17): its report is in the uploader's own kitchen,
        // under unsafe-keys/ and the key's SHA-256, and names the key
        String report = BucketLayout.rejectionReportKey("default//makes/x.json");
        assertThat(report).startsWith("default/rejected/unsafe-keys/");
        await().atMost(PIPELINE).pollInterval(Duration.ofMillis(500)).until(() -> exists(report));
    }

    @Test
    void aFolderMarkerIsAcceptedAndIgnored() {
        String answer = aws(
                "--endpoint-url",
                s3(),
                "s3api",
                "put-object",
                "--bucket",
                ServeRuntime.BUCKET,
                "--key",
                "default/makes/folder/");
        putObject("default/makes/after-the-folder.txt", "later");

        assertThat(answer).contains("ETag");
        awaitReport("default/rejected/makes/after-the-folder.txt.error.json");
        assertThat(exists("default/rejected/makes/folder/.error.json")).isFalse();
    }

    @Test
    void sqsShowsTheJobsQueueAndItsDeadLetterQueue() throws IOException {
        JsonNode attributes = MAPPER.readTree(aws(
                "--endpoint-url",
                sqs(),
                "sqs",
                "get-queue-attributes",
                "--attribute-names",
                "All",
                "--queue-url",
                serve.endpoints().jobsQueueUrl()));
        assertThat(attributes
                        .path("Attributes")
                        .path("ApproximateNumberOfMessages")
                        .asText())
                .matches("\\d+");
        assertThat(attributes.path("Attributes").path("RedrivePolicy").asText()).contains("maxReceiveCount");

        String received = aws(
                "--endpoint-url",
                sqs(),
                "sqs",
                "receive-message",
                "--attribute-names",
                "All",
                "--visibility-timeout",
                "0",
                "--queue-url",
                serve.endpoints().deadLetterQueueUrl());
        assertThat(received.isBlank() || MAPPER.readTree(received).has("Messages"))
                .isTrue();
    }

    @Test
    void dynamodbScanReadsTheTable() throws IOException {
        JsonNode scan = MAPPER.readTree(aws(
                "--endpoint-url",
                serve.endpoints().dynamoDb().toString(),
                "dynamodb",
                "scan",
                "--table-name",
                ServeRuntime.TABLE,
                "--max-items",
                "5"));

        assertThat(scan.path("Items").isArray()).isTrue();
        assertThat(scan.path("Items")).isNotEmpty(); // at least the tokens serve minted
    }

    private static void putObject(String key, String content) {
        try {
            Path body = Files.writeString(Files.createTempFile(files, "body", ".bin"), content);
            assertThat(aws(
                            "--endpoint-url",
                            s3(),
                            "s3api",
                            "put-object",
                            "--bucket",
                            ServeRuntime.BUCKET,
                            "--key",
                            key,
                            "--body",
                            body.toString()))
                    .contains("ETag");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean exists(String key) {
        return run("--endpoint-url", s3(), "s3api", "head-object", "--bucket", ServeRuntime.BUCKET, "--key", key)
                        .exitCode()
                == 0;
    }

    private static void awaitReport(String key) {
        await().atMost(PIPELINE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(listing())
                .contains(key));
    }

    /** Every key of the bucket, as list-objects-v2 returns it (one per line). */
    private static String listing() {
        return aws(
                        "--endpoint-url",
                        s3(),
                        "s3api",
                        "list-objects-v2",
                        "--bucket",
                        ServeRuntime.BUCKET,
                        "--query",
                        "Contents[].Key",
                        "--output",
                        "text")
                .replace('\t', '\n');
    }

    private static String s3() {
        return serve.endpoints().s3().toString();
    }

    private static String sqs() {
        return serve.endpoints().sqs().toString();
    }

    /**
     * Debian's awscli (v2, {@code /usr/bin/aws}, what .ci/run installs) when present — a machine may have another
     * {@code aws} earlier on its PATH (e.g. a pyenv v1) — else whatever {@code aws} the PATH finds.
     */
    private static final String AWS = Files.isExecutable(Path.of("/usr/bin/aws")) ? "/usr/bin/aws" : "aws";

    private static boolean awsCliInstalled() {
        try {
            Process process = new ProcessBuilder(AWS, "--version")
                    .redirectErrorStream(true)
                    .start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs {@code aws ARGS…} as docs/operations.md does (local credentials from the environment); its stdout. */
    private static String aws(String... args) {
        Run run = run(args);
        assertThat(run.exitCode())
                .as("aws " + String.join(" ", args) + ": " + run.err())
                .isZero();
        return run.out();
    }

    record Run(int exitCode, String out, String err) {}

    private static Run run(String... args) {
        List<String> command = new ArrayList<>(List.of(AWS));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment()
                .putAll(Map.of(
                        "AWS_ACCESS_KEY_ID",
                        "recipediff-local",
                        "AWS_SECRET_ACCESS_KEY",
                        "recipediff-local",
                        "AWS_DEFAULT_REGION",
                        "us-east-1",
                        "AWS_PAGER",
                        "",
                        "AWS_CONFIG_FILE",
                        dataDir.resolve("no-aws-config").toString(),
                        "AWS_SHARED_CREDENTIALS_FILE",
                        dataDir.resolve("no-aws-credentials").toString(),
                        "AWS_EC2_METADATA_DISABLED",
                        "true"));
        try {
            Process process = builder.start();
            var stderr = process.getErrorStream();
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(stderr.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as("aws " + String.join(" ", args))
                    .isTrue();
            return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8), err);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
