package dev.recipediff.local.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recipediff.functions.config.AwsClients;
import dev.recipediff.functions.config.FunctionsConfig;
import dev.recipediff.functions.pipeline.BucketLayout;
import dev.recipediff.functions.pipeline.Reconciler;
import dev.recipediff.functions.pipeline.Redriver;
import dev.recipediff.local.chaos.ChaosPlan.Kind;
import dev.recipediff.local.chaos.ChaosPlan.Upload;
import dev.recipediff.local.serve.ServeOptions;
import dev.recipediff.local.serve.ServeRuntime;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * {@code recipediff chaos}: runs {@code serve} in this process, uploads a {@link ChaosPlan} into its bucket while
 * injecting the faults that can be injected from outside the runtime — serve stopped gracefully (what SIGTERM
 * does) and restarted, the dynalite child process killed (then serve restarted and the DLQ redriven), files
 * re-uploaded under the same key and under new keys — then runs reconcile and accounts for every uploaded
 * object: exactly one terminal state each.
 */
public final class ChaosRun {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration QUIET = Duration.ofMinutes(10);

    private final ServeOptions options;
    private final PrintWriter out;
    private final Random random;
    private final Map<String, Upload> uploads = new LinkedHashMap<>();
    private final List<String> faults = new ArrayList<>();
    private ServeRuntime serve;
    private int reuploads;

    public ChaosRun(ServeOptions options, long seed, PrintWriter out) {
        this.options = options.withVisibilityTimeout(Duration.ofSeconds(2));
        this.out = out;
        this.random = new Random(seed);
    }

    /** Runs the plan; the accounting says whether anything was lost or duplicated. */
    public ChaosAccounting run(int files) throws Exception {
        serve = ServeRuntime.start(options);
        try {
            List<Upload> plan = ChaosPlan.of(options.kitchen(), files, random);
            int batches = 5;
            int perBatch = (plan.size() + batches - 1) / batches;
            for (int batch = 0; batch < batches; batch++) {
                plan.subList(Math.min(plan.size(), batch * perBatch), Math.min(plan.size(), (batch + 1) * perBatch))
                        .forEach(this::upload);
                out.printf("%d objects uploaded (plan: %d files)%n", uploads.size(), plan.size());
                out.flush();
                switch (batch) {
                    case 0 -> restartGracefully();
                    case 1 -> killDynaliteThenRestart();
                    case 2 -> reuploadSome(Math.max(2, files / 20));
                    case 3 -> restartGracefully();
                    default -> { }
                }
            }
            awaitQuiet();
            int redriven = new Redriver(config(), serve.endpoints().deadLetterQueueUrl()).redrive();
            faults.add("DLQ redriven: " + redriven + " job(s)");
            awaitQuiet();
            Reconciler.Result reconciled = new Reconciler(config(), serve.endpoints().deadLetterQueueUrl())
                    .reconcile(Duration.ZERO);
            faults.add("reconcile: " + reconciled);
            awaitQuiet();
            return account();
        } finally {
            serve.close();
        }
    }

    private FunctionsConfig config() {
        return serve.endpoints().functionsConfig(Optional.empty());
    }

    private void upload(Upload upload) {
        uploads.put(upload.key(), upload);
        put(upload);
    }

    private void put(Upload upload) {
        try (S3Client s3 = new AwsClients(config()).s3()) {
            s3.putObject(b -> b.bucket(serve.endpoints().bucket()).key(upload.key()).contentType("application/json"),
                    RequestBody.fromBytes(upload.body()));
        }
    }

    // --- the faults ---

    private void restartGracefully() {
        serve.close();
        serve = ServeRuntime.start(options);
        faults.add("serve stopped gracefully and restarted");
    }

    private void killDynaliteThenRestart() {
        long killed = ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("dynalite"))
                .peek(ProcessHandle::destroyForcibly)
                .count();
        faults.add("dynalite killed (" + killed + " process) while files were in flight");
        pause(Duration.ofSeconds(3));
        restartGracefully();
    }

    private void reuploadSome(int count) {
        List<Upload> valid = uploads.values().stream().filter(u -> u.kind() != Kind.INVALID).toList();
        for (int i = 0; i < count; i++) {
            Upload again = valid.get(random.nextInt(valid.size()));
            if (i % 2 == 0) {
                put(again);
            } else {
                upload(again.copyUnderNewKey());
            }
            reuploads++;
        }
        faults.add(reuploads + " re-upload(s): same key, or same content under a new key");
    }

    private void awaitQuiet() {
        long deadline = System.nanoTime() + QUIET.toNanos();
        try (SqsClient sqs = new AwsClients(config()).sqs()) {
            while (depth(sqs, serve.endpoints().jobsQueueUrl()) > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the jobs queue did not drain within " + QUIET.toMinutes() + " min");
                }
                pause(Duration.ofSeconds(1));
            }
        }
    }

    private static int depth(SqsClient sqs, String queueUrl) {
        var attributes = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    // --- the accounting ---

    private ChaosAccounting account() throws IOException, InterruptedException {
        Set<String> inDeadLetterQueue = deadLetterKeys();
        String token = Files.readString(options.dataDirectory().adminToken(options.kitchen())).strip();
        ChaosAccounting accounting = new ChaosAccounting(uploads.size(), reuploads, faults);
        Map<Long, Integer> expectedMakes = new HashMap<>();
        try (S3Client s3 = new AwsClients(config()).s3()) {
            for (Upload upload : uploads.values()) {
                boolean report = exists(s3, BucketLayout.rejectionReportKey(upload.key()));
                boolean dlq = inDeadLetterQueue.contains(upload.key());
                accounting.uploaded(upload.kind(), report, dlq);
                switch (upload.kind()) {
                    case INVALID -> accounting.invalid(upload.key(), report || dlq);
                    case RECIPE -> accounting.recipe(upload.key(),
                            get(token, "/recipes/" + upload.recipeId()).statusCode() == 200, dlq, report);
                    case MAKE -> {
                        if (!dlq) {
                            expectedMakes.merge(upload.recipeId(), 1, Integer::sum);
                        }
                        accounting.validMakeReported(upload.key(), report);
                    }
                }
            }
        }
        for (Map.Entry<Long, Integer> expected : expectedMakes.entrySet()) {
            accounting.makes(expected.getKey(), expected.getValue(), makeCount(token, expected.getKey()));
        }
        return accounting;
    }

    private Set<String> deadLetterKeys() throws IOException {
        Set<String> keys = new HashSet<>();
        try (SqsClient sqs = new AwsClients(config()).sqs()) {
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(serve.endpoints().deadLetterQueueUrl())
                    .maxNumberOfMessages(10).visibilityTimeout(30).waitTimeSeconds(1)).messages();
            for (Message message : messages) {
                keys.add(JSON.readTree(message.body()).path("key").asText());
            }
        }
        return keys;
    }

    private boolean exists(S3Client s3, String key) {
        try {
            s3.headObject(b -> b.bucket(serve.endpoints().bucket()).key(key));
            return true;
        } catch (NoSuchKeyException none) {
            return false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception other) {
            if (other.statusCode() == 404) {
                return false;
            }
            throw other;
        }
    }

    private int makeCount(String token, long recipeId) throws IOException, InterruptedException {
        int count = 0;
        String next = null;
        do {
            HttpResponse<String> page = get(token, "/recipes/" + recipeId + "/makes?limit=100"
                    + (next == null ? "" : "&next=" + next));
            if (page.statusCode() != 200) {
                return count;
            }
            JsonNode body = JSON.readTree(page.body());
            count += body.path("items").size();
            next = body.path("next").isTextual() ? body.path("next").asText() : null;
        } while (next != null);
        return count;
    }

    private HttpResponse<String> get(String token, String path) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(serve.endpoints().api() + path))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
