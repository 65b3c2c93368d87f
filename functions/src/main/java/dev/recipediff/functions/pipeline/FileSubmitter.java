package dev.recipediff.functions.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recipediff.core.format.InvalidDocumentException;
import dev.recipediff.core.format.RecipeJson;
import dev.recipediff.core.format.RecipeReader;
import dev.recipediff.core.model.Make;
import dev.recipediff.functions.observability.Metrics;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits the file a job points to: reads that exact version, parses and validates it with {@code core}, then
 * calls the Recipe API — {@code POST /recipes} (then {@code PUT /recipes} when the recipe exists) or
 * {@code POST /recipes/{recipeId}/makes}. Files that can never succeed get a rejection report; transient failures
 * ask for the message to be delivered again.
 */
public final class FileSubmitter {

    private static final Logger LOG = LoggerFactory.getLogger(FileSubmitter.class);
    private static final Set<String> RETRYABLE_CONFLICTS = Set.of("request_in_progress", "concurrent_update");

    private final FileStore files;
    private final RejectionReports reports;
    private final RecipeApi api;
    private final RecipeReader reader;
    private final Clock clock;
    private final String bucket;
    private final AtomicLong forged = new AtomicLong();

    /** A submitter for jobs about {@code bucket}'s files: a job naming another bucket is a forgery. */
    public FileSubmitter(
            FileStore files, RejectionReports reports, RecipeApi api, RecipeReader reader, Clock clock, String bucket) {
        this.bucket = bucket;
        this.files = files;
        this.reports = reports;
        this.api = api;
        this.reader = reader;
        this.clock = clock;
    }

    /** Jobs refused as forgeries since this submitter was built (also one ERROR log line each). */
    public long forgedJobs() {
        return forged.get();
    }

    public JobOutcome submit(Job job) {
        try {
            ForgedJobException.requireGenuine(job, bucket);
        } catch (ForgedJobException forgery) {
            forged.incrementAndGet();
            LOG.error("forged job refused (never obeyed; it ends in the dead-letter queue): {}", forgery.getMessage());
            return new JobOutcome.Forged(forgery.getMessage());
        }
        try {
            JobOutcome outcome = attempt(job);
            switch (outcome) {
                case JobOutcome.Rejected rejected -> {
                    reports.write(rejected.report());
                    Metrics.count("Rejections", "reason", rejected.report().reason());
                }
                case JobOutcome.Submitted submitted -> reports.remove(job.key());
                default -> {}
            }
            LOG.atInfo()
                    .addKeyValue("keyHash", job.keyHash())
                    .addKeyValue("kind", job.kind().jsonName())
                    .log("job {}", summary(outcome));
            return outcome;
        } catch (RecipeApi.UnreachableException e) {
            Metrics.count("SenderRetries", "status", "unreachable");
            LOG.atWarn()
                    .addKeyValue("keyHash", job.keyHash())
                    .addKeyValue("problem", e.getMessage())
                    .log("API unreachable, will retry");
            return new JobOutcome.RetryLater(e.getMessage());
        } catch (RuntimeException e) {
            Metrics.count("SenderRetries", "status", "error");
            LOG.atWarn()
                    .addKeyValue("keyHash", job.keyHash())
                    .addKeyValue("problem", e.getClass().getName())
                    .log("job failed, will retry");
            return new JobOutcome.RetryLater(e.toString());
        }
    }

    /** What the log may say: reason codes and statuses, never problem texts (they may quote the file). */
    private static String summary(JobOutcome outcome) {
        return switch (outcome) {
            case JobOutcome.Submitted submitted -> "submitted (" + submitted.status() + ")";
            case JobOutcome.Rejected rejected ->
                "rejected (" + rejected.report().reason() + ")";
            case JobOutcome.Superseded superseded -> "superseded by a newer version";
            case JobOutcome.RetryLater retry -> "retry later (" + retry.why() + ")";
            case JobOutcome.Forged forgery -> "forged (" + forgery.why() + ")";
        };
    }

    private JobOutcome attempt(Job job) {
        byte[] body;
        try {
            body = files.read(job);
        } catch (FileStore.FileGoneException e) {
            return new JobOutcome.Superseded(e.getMessage());
        }
        if (body.length > BucketLayout.MAX_FILE_BYTES) {
            return rejected(
                    job,
                    RejectionReasons.TOO_LARGE,
                    "the file has " + body.length + " bytes; at most " + BucketLayout.MAX_FILE_BYTES
                            + " (1 MiB) are accepted",
                    List.of());
        }
        try {
            return switch (job.kind()) {
                case RECIPE -> submitRecipe(job, body);
                case MAKE -> submitMake(job, body);
            };
        } catch (InvalidDocumentException e) {
            List<RejectionReport.Detail> details = e.problems().stream()
                    .map(p -> new RejectionReport.Detail(p.pointer(), p.problem()))
                    .toList();
            return rejected(job, e.code(), e.getMessage(), details);
        }
    }

    private JobOutcome submitRecipe(Job job, byte[] body) {
        reader.readRecipe(body);
        RecipeApi.Response response = api.addRecipe(job.kitchen(), body, job.idempotencyKey());
        if (response.status() == 409 && !isRetryableConflict(response)) {
            response = api.updateRecipe(job.kitchen(), body, job.updateIdempotencyKey());
        }
        return outcomeOf(job, response);
    }

    private JobOutcome submitMake(Job job, byte[] body) {
        Make make = reader.readMake(body);
        if (make.recipeId() == null) {
            return rejected(
                    job,
                    RejectionReasons.MISSING_RECIPE_ID,
                    "a make must name the recipe it was made from",
                    List.of(new RejectionReport.Detail(
                            "/recipeId", "required: the recipeId of the recipe that was made")));
        }
        return outcomeOf(job, api.addMake(job.kitchen(), make.recipeId(), body, job.idempotencyKey()));
    }

    private JobOutcome outcomeOf(Job job, RecipeApi.Response response) {
        if (response.isSuccess()) {
            return new JobOutcome.Submitted(response.status());
        }
        if (response.isTransientFailure()) {
            Metrics.count("SenderRetries", "status", String.valueOf(response.status()));
            return new JobOutcome.RetryLater("the API answered " + response.status());
        }
        if (isRetryableConflict(response)) {
            Metrics.count("SenderRetries", "status", "409");
            return new JobOutcome.RetryLater(
                    "the API answered 409 " + ApiError.of(response).code());
        }
        return rejectedByApi(job, response);
    }

    /**
     * A 409 that says "not now" rather than "never": the same file is being applied by a concurrent delivery
     * ({@code request_in_progress}) or the recipe is being updated concurrently ({@code concurrent_update}).
     */
    private static boolean isRetryableConflict(RecipeApi.Response response) {
        return response.status() == 409
                && RETRYABLE_CONFLICTS.contains(ApiError.of(response).code());
    }

    private JobOutcome rejectedByApi(Job job, RecipeApi.Response response) {
        ApiError error = ApiError.of(response);
        String message = "the Recipe API answered " + response.status()
                + (error.message().isEmpty() ? "" : ": " + error.message());
        return rejected(
                job,
                error.code().isEmpty() ? RejectionReasons.REJECTED_BY_API : error.code(),
                message,
                error.details());
    }

    /** The API's error JSON: {@code {"error", "message", "details": [{"pointer", "problem"}], "requestId"}}; empty parts when absent. */
    private record ApiError(String code, String message, List<RejectionReport.Detail> details) {

        static ApiError of(RecipeApi.Response response) {
            try {
                JsonNode error = RecipeJson.mapper().readTree(response.body());
                if (error == null || !error.isObject()) {
                    return new ApiError("", "", List.of());
                }
                List<RejectionReport.Detail> details = new ArrayList<>();
                for (JsonNode detail : error.path("details")) {
                    details.add(new RejectionReport.Detail(
                            detail.path("pointer").asText(""),
                            detail.path("problem").asText("")));
                }
                return new ApiError(
                        error.path("error").isTextual() ? error.path("error").asText() : "",
                        error.path("message").isTextual()
                                ? error.path("message").asText()
                                : "",
                        details);
            } catch (IOException | RuntimeException e) {
                return new ApiError("", "", List.of());
            }
        }
    }

    private JobOutcome.Rejected rejected(Job job, String reason, String message, List<RejectionReport.Detail> details) {
        return new JobOutcome.Rejected(
                new RejectionReport(job.key(), reason, message, details, clock.instant(), job.versionId(), job.eTag()));
    }
}
