package dev.recipediff.local.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recipediff.emulators.s3.S3ProxyServer;
import dev.recipediff.emulators.s3.S3ProxySettings;
import dev.recipediff.functions.adapters.sqs.SqsRedriver;
import dev.recipediff.functions.config.AwsClients;
import dev.recipediff.functions.config.FunctionsConfig;
import dev.recipediff.functions.operations.PipelineRepairs;
import dev.recipediff.functions.pipeline.BucketLayout;
import dev.recipediff.functions.pipeline.FileKind;
import dev.recipediff.functions.pipeline.Job;
import dev.recipediff.functions.pipeline.JobCodec;
import dev.recipediff.functions.pipeline.Reconciler;
import dev.recipediff.functions.store.IdempotencyRecords;
import dev.recipediff.functions.store.RecipeTable;
import dev.recipediff.local.chaos.ChaosFaults.Fault;
import dev.recipediff.local.chaos.ChaosPlan.Kind;
import dev.recipediff.local.chaos.ChaosPlan.Upload;
import dev.recipediff.local.serve.ServeOptions;
import dev.recipediff.local.serve.ServeRuntime;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code recipediff chaos}: runs {@code serve} in this process, uploads a {@link ChaosPlan} into its bucket while
 * injecting the faults of issue 9 §1, then redrives the DLQ, runs reconcile and accounts for every uploaded object:
 * exactly one terminal state each. The faults, all from outside the product code:
 * <ul>
 *   <li>the API answers 503 for a window: an {@link ApiOutageProxy} owned by this run sits between the sender and
 *       the front door (serve's sender is pointed at it by configuration, {@link ServeOptions#senderApiBaseUrl()});</li>
 *   <li>the sender's SQS pollers are killed without grace and restarted while serve runs on
 *       ({@link ServeRuntime#senderPolling()}, the operator's stop/start);</li>
 *   <li>S3 notifications are dropped: some objects are written through a second S3 endpoint over the same
 *       storage directory, which notifies no one — exactly what a lost notification leaves behind — and
 *       reconcile must find each of them;</li>
 *   <li>the dynalite child process is killed (then serve restarted);</li>
 *   <li>serve is stopped gracefully (what SIGTERM runs, {@link ServeRuntime#close()}) and restarted;</li>
 *   <li>files are re-uploaded under the same key and with the same content under a new key.</li>
 * </ul>
 */
public final class ChaosRun {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration QUIET = Duration.ofMinutes(10);
    private static final Duration API_OUTAGE = Duration.ofSeconds(3);
    private static final Duration POLLING_DOWN = Duration.ofSeconds(1);
    private static final Duration DYNALITE_DOWN = Duration.ofSeconds(3);
    private static final int BATCHES = 6;
    /**
     * The API's idempotency lease (ApiHandler.IDEMPOTENCY_LEASE). An API request that dies with dynalite cannot
     * end its claim, so its retries get 409 request_in_progress until the lease runs out; with this run's 2 s
     * visibility timeout the queue gives up after 5 receives (10 s), long before, and the job lands in the DLQ
     * although its effect may be written already. Redriving after the lease has run out completes it.
     */
    private static final Duration CLAIM_LEASE = Duration.ofSeconds(60);

    private final ServeOptions baseOptions;
    private final PrintWriter out;
    private final Random random;
    private final Map<String, Upload> uploads = new LinkedHashMap<>();
    private final Set<String> withoutNotification = new HashSet<>();
    private final ChaosFaults faults = new ChaosFaults();
    private final List<String> recovery = new ArrayList<>();
    private ServeOptions options;
    private ServeRuntime serve;
    private ApiOutageProxy proxy;
    private S3ProxyServer sideDoor;
    private Instant claimsFreeAt = Instant.EPOCH;
    private long outageBegan;
    private S3Client frontDoorS3;

    public ChaosRun(ServeOptions options, long seed, PrintWriter out) {
        this.baseOptions = options.withVisibilityTimeout(Duration.ofSeconds(2));
        this.out = out;
        this.random = new Random(seed);
    }

    /** Runs the plan; the accounting says whether anything was lost or duplicated. */
    public ChaosAccounting run(int files) throws Exception {
        try (ApiOutageProxy outageProxy = ApiOutageProxy.start()) {
            proxy = outageProxy;
            options = baseOptions.withSenderApiBaseUrl(outageProxy.endpoint());
            startServe();
            try (S3ProxyServer withoutNotifications = S3ProxyServer.start(
                    S3ProxySettings.onDisk(options.dataDirectory().s3()))) {
                sideDoor = withoutNotifications;
                uploadUnderFaults(ChaosPlan.of(options.kitchen(), files, random));
                return recoverAndAccount();
            } finally {
                stopServe();
            }
        }
    }

    private void uploadUnderFaults(List<Upload> plan) {
        Set<Integer> dropped = notificationsToDrop(plan.size());
        int perBatch = (plan.size() + BATCHES - 1) / BATCHES;
        for (int batch = 0; batch < BATCHES; batch++) {
            int from = Math.min(plan.size(), batch * perBatch);
            int to = Math.min(plan.size(), (batch + 1) * perBatch);
            if (batch == 1) {
                proxy.beginOutage();
                outageBegan = System.nanoTime();
            }
            for (int i = from; i < to; i++) {
                upload(plan.get(i), dropped.contains(i));
            }
            out.printf("%d objects uploaded (plan: %d files)%n", uploads.size(), plan.size());
            out.flush();
            switch (batch) {
                case 0 -> killDynaliteThenRestart();
                case 1 -> endApiOutage();
                case 2 -> killSenderPolling();
                case 3 -> reuploadSome(Math.max(2, plan.size() / 20));
                case 4 -> restartGracefully();
                default -> {}
            }
        }
    }

    /** 5 % of the plan (at least one file), spread at random. */
    private Set<Integer> notificationsToDrop(int files) {
        List<Integer> indexes =
                new ArrayList<>(IntStream.range(0, files).boxed().toList());
        Collections.shuffle(indexes, random);
        return new HashSet<>(indexes.subList(0, Math.min(files, Math.max(1, files / 20))));
    }

    private ChaosAccounting recoverAndAccount() throws IOException, InterruptedException {
        awaitQuiet();
        redrive("DLQ redriven (jobs that failed 5 times during the outages)");
        if (deadLetterDepth() > 0) {
            // back in the DLQ: their claim was stranded by the dynalite kill (see CLAIM_LEASE); redrive once it ended
            Duration wait = Duration.between(Instant.now(), claimsFreeAt);
            if (wait.isPositive()) {
                pause(wait);
            }
            redrive("DLQ redriven again after waiting " + Math.max(0, wait.toSeconds())
                    + " s for the claims stranded by the dynalite kill to expire");
        }
        Reconciler.Result reconciled = PipelineRepairs.reconciler(
                        config(), serve.endpoints().deadLetterQueueUrl())
                .reconcile(Duration.ZERO);
        recovery.add("reconcile: " + reconciled.files() + " files, " + reconciled.terminal() + " terminal, "
                + reconciled.requeued() + " re-enqueued, " + reconciled.reported() + " reported ("
                + faults.times(Fault.NOTIFICATION_DROPPED) + " notifications were dropped)");
        awaitQuiet();
        ChaosAccounting accounting = account();
        accounting.reconciled(faults.times(Fault.NOTIFICATION_DROPPED), reconciled.requeued());
        return accounting;
    }

    private void redrive(String what) {
        int redriven = new SqsRedriver(config(), serve.endpoints().deadLetterQueueUrl()).redrive();
        recovery.add(what + ": " + redriven + " job(s)");
        awaitQuiet();
    }

    private FunctionsConfig config() {
        return serve.endpoints().functionsConfig(Optional.empty());
    }

    private void startServe() {
        serve = ServeRuntime.start(options);
        proxy.forwardTo(serve.endpoints().api());
        frontDoorS3 = new AwsClients(config()).s3();
    }

    private void stopServe() {
        frontDoorS3.close();
        serve.close();
    }

    private void upload(Upload upload, boolean dropNotification) {
        uploads.put(upload.key(), upload);
        if (dropNotification) {
            try (S3Client s3 = sideDoor.newClient()) {
                put(s3, upload);
            }
            withoutNotification.add(upload.key());
            faults.happened(Fault.NOTIFICATION_DROPPED);
        } else {
            put(upload);
        }
    }

    private void put(Upload upload) {
        put(frontDoorS3, upload);
    }

    private void put(S3Client s3, Upload upload) {
        s3.putObject(
                b -> b.bucket(serve.endpoints().bucket()).key(upload.key()).contentType("application/json"),
                RequestBody.fromBytes(upload.body()));
    }

    // --- the faults ---

    /** The window opened before the batch was uploaded; it stays open {@link #API_OUTAGE} after. */
    private void endApiOutage() {
        pause(API_OUTAGE);
        proxy.endOutage();
        long seconds = Duration.ofNanos(System.nanoTime() - outageBegan).toSeconds();
        faults.happened(Fault.API_UNAVAILABLE, seconds + " s, " + proxy.refused() + " request(s) refused");
    }

    private void killSenderPolling() {
        int inFlight = awaitJobsInFlight(Duration.ofSeconds(10));
        serve.senderPolling().stop(Duration.ZERO);
        pause(POLLING_DOWN);
        serve.senderPolling().start();
        faults.happened(Fault.SENDER_POLLING_KILLED, inFlight + " job(s) in flight");
    }

    private void killDynaliteThenRestart() {
        long killed = ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("dynalite"))
                .peek(ProcessHandle::destroyForcibly)
                .count();
        faults.happened(Fault.DYNALITE_KILLED, killed + " process(es), " + inFlightJobs() + " job(s) in flight");
        claimsFreeAt = Instant.now().plus(CLAIM_LEASE).plusSeconds(1);
        pause(DYNALITE_DOWN);
        stopServe();
        startServe();
    }

    private void restartGracefully() {
        int inFlight = inFlightJobs();
        stopServe();
        startServe();
        faults.happened(Fault.SERVE_RESTARTED, inFlight + " job(s) in flight");
    }

    /** Re-uploads files whose notification was delivered (a dropped one must stay for reconcile to find). */
    private void reuploadSome(int count) {
        List<Upload> valid = uploads.values().stream()
                .filter(u -> u.kind() != Kind.INVALID && !withoutNotification.contains(u.key()))
                .toList();
        for (int i = 0; i < count; i++) {
            Upload again = valid.get(random.nextInt(valid.size()));
            if (i % 2 == 0) {
                put(again);
                faults.happened(Fault.REUPLOAD_SAME_KEY);
            } else {
                upload(again.copyUnderNewKey(), false);
                faults.happened(Fault.REUPLOAD_NEW_KEY);
            }
        }
    }

    /** Waits (bounded) until some jobs are being processed, so that the kill hits work in flight. */
    private int awaitJobsInFlight(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        int inFlight = inFlightJobs();
        while (inFlight == 0 && System.nanoTime() < deadline) {
            pause(Duration.ofMillis(50));
            inFlight = inFlightJobs();
        }
        return inFlight;
    }

    private int deadLetterDepth() {
        try (SqsClient sqs = new AwsClients(config()).sqs()) {
            String queue = serve.endpoints().deadLetterQueueUrl();
            return count(sqs, queue, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)
                    + count(sqs, queue, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE);
        }
    }

    private int inFlightJobs() {
        try (SqsClient sqs = new AwsClients(config()).sqs()) {
            return count(
                    sqs,
                    serve.endpoints().jobsQueueUrl(),
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE);
        }
    }

    private void awaitQuiet() {
        long deadline = System.nanoTime() + QUIET.toNanos();
        try (SqsClient sqs = new AwsClients(config()).sqs()) {
            String queue = serve.endpoints().jobsQueueUrl();
            while (count(sqs, queue, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)
                            + count(sqs, queue, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)
                    > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "the jobs queue did not drain within " + QUIET.toMinutes() + " min");
                }
                pause(Duration.ofSeconds(1));
            }
        }
    }

    private static int count(SqsClient sqs, String queueUrl, QueueAttributeName attribute) {
        return Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(attribute))
                .attributes()
                .get(attribute));
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

    /** A job in the DLQ, whether its effect was applied anyway, and how it got there. */
    private record DeadLetter(boolean applied, String evidence) {}

    private ChaosAccounting account() throws IOException, InterruptedException {
        Map<String, DeadLetter> inDeadLetterQueue = deadLetters();
        String token = Files.readString(options.dataDirectory().adminToken(options.kitchen()))
                .strip();
        ChaosAccounting accounting = new ChaosAccounting(uploads.size(), faults, recovery);
        Map<Long, Integer> expectedMakes = new HashMap<>();
        try (S3Client s3 = new AwsClients(config()).s3()) {
            for (Upload upload : uploads.values()) {
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
        AwsClients aws = new AwsClients(config());
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
