package dev.recipediff.local.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recipediff.functions.config.AwsClients;
import dev.recipediff.functions.pipeline.BucketLayout;
import dev.recipediff.functions.pipeline.FileKind;
import dev.recipediff.functions.pipeline.Job;
import dev.recipediff.functions.pipeline.JobCodec;
import dev.recipediff.functions.store.IdempotencyRecords;
import dev.recipediff.functions.store.RecipeTable;
import dev.recipediff.local.chaos.ChaosPlan.Upload;
import dev.recipediff.local.serve.ServeOptions;
import dev.recipediff.local.serve.ServeRuntime;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Looks, after a chaos run, where each uploaded object ended — its rejection report in the bucket, its job in the
 * DLQ (and whether its effect was applied anyway), its recipe or makes through the API — and tallies it in a
 * {@link ChaosAccounting}.
 */
final class ChaosInspector {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChaosServe serve;

    ChaosInspector(ChaosServe serve) {
        this.serve = serve;
    }

    /** A job in the DLQ, whether its effect was applied anyway, and how it got there. */
    private record DeadLetter(boolean applied, String evidence) {}

    /** Where each of {@code uploads} ended, against the faults that were injected and the recovery that ran. */
    ChaosAccounting account(Collection<Upload> uploads, ChaosFaults faults, List<String> recovery)
            throws IOException, InterruptedException {
        Map<String, DeadLetter> inDeadLetterQueue = deadLetters();
        ServeOptions options = serve.options();
        String token = Files.readString(options.dataDirectory().adminToken(options.kitchen()))
                .strip();
        ChaosAccounting accounting = new ChaosAccounting(uploads.size(), faults, recovery);
        Map<Long, Integer> expectedMakes = new HashMap<>();
        try (S3Client s3 = new AwsClients(serve.config()).s3()) {
            for (Upload upload : uploads) {
                boolean report = exists(s3, BucketLayout.rejectionReportKey(upload.key()));
                DeadLetter deadLetter = inDeadLetterQueue.get(upload.key());
                boolean stale = deadLetter != null && deadLetter.applied();
                boolean dlq = deadLetter != null && !stale;
                if (stale) {
                    accounting.staleDeadLetter(upload.key(), deadLetter.evidence());
                }
                accounting.uploaded(upload.kind(), report, dlq);
                switch (upload.kind()) {
                    case INVALID -> accounting.invalid(upload.key(), report || dlq);
                    case RECIPE ->
                        accounting.recipe(
                                upload.key(),
                                get(token, "/recipes/" + upload.recipeId()).statusCode() == 200,
                                dlq,
                                report);
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

    /** Every job in the DLQ by file key (received, so hidden for the rest of the run). */
    private Map<String, DeadLetter> deadLetters() {
        Map<String, DeadLetter> found = new HashMap<>();
        JobCodec codec = new JobCodec();
        AwsClients aws = new AwsClients(serve.config());
        try (SqsClient sqs = aws.sqs();
                var dynamoDb = aws.dynamoDb()) {
            var idempotency = new IdempotencyRecords(
                    new RecipeTable(dynamoDb, ServeRuntime.TABLE), Clock.systemUTC(), Duration.ofMinutes(1));
            List<Message> batch;
            do {
                batch = sqs.receiveMessage(b -> b.queueUrl(serve.endpoints().deadLetterQueueUrl())
                                .maxNumberOfMessages(10)
                                .visibilityTimeout(300)
                                .waitTimeSeconds(1)
                                .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                        .messages();
                for (Message message : batch) {
                    Job job;
                    try {
                        job = codec.decode(message.body());
                    } catch (JobCodec.MalformedJobException notAJob) {
                        continue; // names no file: nothing to account it against
                    }
                    boolean applied = idempotency.isApplied(job.kitchen(), job.idempotencyKey())
                            || job.kind() == FileKind.RECIPE
                                    && idempotency.isApplied(job.kitchen(), job.updateIdempotencyKey());
                    found.put(job.key(), new DeadLetter(applied, evidence(message)));
                }
            } while (!batch.isEmpty());
        }
        return found;
    }

    private static String evidence(Message message) {
        var attributes = message.attributes();
        String sent = Optional.ofNullable(attributes.get(MessageSystemAttributeName.SENT_TIMESTAMP))
                .map(millis -> Instant.ofEpochMilli(Long.parseLong(millis)).toString())
                .orElse("?");
        return "job sent " + sent + ", received "
                + attributes.getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "?") + " time(s)";
    }

    private boolean exists(S3Client s3, String key) {
        try {
            s3.headObject(b -> b.bucket(serve.endpoints().bucket()).key(key));
            return true;
        } catch (NoSuchKeyException none) {
            return false;
        } catch (S3Exception other) {
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
            HttpResponse<String> page =
                    get(token, "/recipes/" + recipeId + "/makes?limit=100" + (next == null ? "" : "&next=" + next));
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
            return http.send(
                    HttpRequest.newBuilder(URI.create(serve.endpoints().api() + path))
                            .header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
