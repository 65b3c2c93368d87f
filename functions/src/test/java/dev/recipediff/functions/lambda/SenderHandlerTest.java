package dev.recipediff.functions.lambda;

import dev.recipediff.functions.pipeline.FileSubmitter;
import dev.recipediff.functions.pipeline.RecipeApi;
import dev.recipediff.functions.pipeline.RecordingRejectionReports;
import dev.recipediff.functions.pipeline.RejectionReport;
import dev.recipediff.functions.pipeline.ScriptedRecipeApi;
import dev.recipediff.functions.pipeline.StubFileStore;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.recipediff.core.format.RecipeReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static dev.recipediff.functions.pipeline.ScriptedRecipeApi.status;
import static org.assertj.core.api.Assertions.assertThat;

class SenderHandlerTest {

    private static final Instant NOW = Instant.parse("2026-11-29T18:00:05Z");
    private static final String MAKE_KEY = "default/makes/apple-pie.more-cinnamon-hotter.json";
    private static final String RECIPE_KEY = "default/recipes/apple-pie.json";

    private final StubFileStore files = new StubFileStore();
    private final RecordingRejectionReports reports = new RecordingRejectionReports();
    private final ScriptedRecipeApi api = new ScriptedRecipeApi();

    private SQSBatchResponse send(String fixture) {
        SQSEvent event = EventLoader.loadSQSEvent("events/" + fixture);
        SenderHandler sender = new SenderHandler(
                new FileSubmitter(files, reports, api, new RecipeReader(), Clock.fixed(NOW, ZoneOffset.UTC),
                        "recipediff-files"));
        return sender.handleRequest(event, null);
    }

    private SQSBatchResponse sendJob(String job) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("forged-1");
        message.setBody(job);
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        SenderHandler sender = new SenderHandler(new FileSubmitter(files, reports, api, new RecipeReader(),
                Clock.fixed(NOW, ZoneOffset.UTC), "recipediff-files"));
        return sender.handleRequest(event, null);
    }

    private static String job(String bucket, String key, String kind, String kitchen) {
        return """
                {"bucket":"%s","key":"%s","versionId":null,"eTag":"etag-x","size":900,"kind":"%s","kitchen":"%s"}"""
                .formatted(bucket, key, kind, kitchen);
    }

    private static List<String> failedIds(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    }

    @Test
    void a_make_is_posted_to_its_recipe_for_the_files_kitchen_under_the_files_idempotency_key() {
        files.withSample(MAKE_KEY, "makes/apple-pie.more-cinnamon-hotter.json");

        SQSBatchResponse response = send("sqs-make-job.json");

        assertThat(failedIds(response)).isEmpty();
        assertThat(api.calls).containsExactly(new ScriptedRecipeApi.Call("POST", "/recipes/2/makes", "default",
                "recipediff-files/" + MAKE_KEY + "/etag-make"));
    }

    @Test
    void a_make_whose_recipe_has_not_arrived_yet_is_done_once_the_api_accepts_it_as_pending() {
        files.withSample(MAKE_KEY, "makes/apple-pie.more-cinnamon-hotter.json");
        api.answering(call -> status(202));

        assertThat(failedIds(send("sqs-make-job.json"))).isEmpty();
        assertThat(reports.byFileKey).isEmpty();
    }

    @Test
    void a_new_recipe_is_posted() {
        files.withSample(RECIPE_KEY, "recipes/apple-pie.json");

        assertThat(failedIds(send("sqs-recipe-job.json"))).isEmpty();
        assertThat(api.calls).extracting(ScriptedRecipeApi.Call::method).containsExactly("POST");
    }

    @Test
    void a_recipe_that_exists_is_updated_with_put_under_a_derived_idempotency_key() {
        files.withSample(RECIPE_KEY, "recipes/apple-pie.json");
        api.answering(call -> call.method().equals("POST") ? status(409, """
                {"error":"recipe_exists","message":"recipe 2 already exists","details":[],"requestId":"r"}""") : status(200));

        SQSBatchResponse response = send("sqs-recipe-job.json");

        assertThat(failedIds(response)).isEmpty();
        assertThat(api.calls).containsExactly(
                new ScriptedRecipeApi.Call("POST", "/recipes", "default", "recipediff-files/" + RECIPE_KEY + "/etag-recipe"),
                new ScriptedRecipeApi.Call("PUT", "/recipes", "default", "recipediff-files/" + RECIPE_KEY + "/etag-recipe#update"));
    }

    @Test
    void a_recipe_being_applied_by_a_concurrent_delivery_is_retried_later_not_updated() {
        files.withSample(RECIPE_KEY, "recipes/apple-pie.json");
        api.answering(call -> status(409, """
                {"error":"request_in_progress","message":"retry later","details":[],"requestId":"r"}"""));

        SQSBatchResponse response = send("sqs-recipe-job.json");

        assertThat(failedIds(response)).hasSize(1);
        assertThat(api.calls).extracting(ScriptedRecipeApi.Call::method).containsExactly("POST");
        assertThat(reports.byFileKey).isEmpty();
    }

    @Test
    void a_make_being_applied_by_a_concurrent_delivery_is_retried_later_not_rejected() {
        files.withSample(MAKE_KEY, "makes/apple-pie.more-cinnamon-hotter.json");
        api.answering(call -> status(409, """
                {"error":"request_in_progress","message":"retry later","details":[],"requestId":"r"}"""));

        assertThat(failedIds(send("sqs-make-job.json"))).hasSize(1);
        assertThat(reports.byFileKey).isEmpty();
    }

    @Test
    void an_invalid_file_gets_a_rejection_report_with_every_problem_and_is_not_retried() {
        files.withSample(MAKE_KEY, "invalid/wrong-types.json");

        SQSBatchResponse response = send("sqs-make-job.json");

        assertThat(failedIds(response)).isEmpty();
        assertThat(api.calls).isEmpty();
        RejectionReport report = reports.byFileKey.get(MAKE_KEY);
        assertThat(report.reason()).isEqualTo("invalid_document");
        assertThat(report.details()).extracting(RejectionReport.Detail::pointer).contains("/recipeName", "/recipeId");
        assertThat(report.rejectedAt()).isEqualTo(NOW);
        assertThat(report.eTag()).isEqualTo("etag-make");
    }

    @Test
    void a_file_that_is_not_json_is_rejected_as_invalid_json() {
        files.withSample(MAKE_KEY, "invalid/truncated.json");

        send("sqs-make-job.json");

        assertThat(reports.byFileKey.get(MAKE_KEY).reason()).isEqualTo("invalid_json");
    }

    @Test
    void a_make_without_a_recipe_id_is_rejected_with_a_pointer_to_it() {
        files.with(MAKE_KEY, """
                {"recipeName": "Apple Pie", "ingredients": [], "steps": []}""".getBytes(StandardCharsets.UTF_8));

        send("sqs-make-job.json");

        assertThat(api.calls).isEmpty();
        assertThat(reports.byFileKey.get(MAKE_KEY)).satisfies(report -> {
            assertThat(report.reason()).isEqualTo("invalid_document");
            assertThat(report.details()).extracting(RejectionReport.Detail::pointer).contains("/recipeId");
        });
    }

    @Test
    void a_client_error_from_the_api_becomes_a_rejection_report_carrying_the_apis_explanation() {
        files.withSample(MAKE_KEY, "makes/apple-pie.more-cinnamon-hotter.json");
        api.answering(call -> status(400, """
                {"error":"invalid_document","message":"the make is invalid","details":[{"pointer":"/steps/0","problem":"too long"}],"requestId":"r1"}"""));

        SQSBatchResponse response = send("sqs-make-job.json");

        assertThat(failedIds(response)).isEmpty();
        RejectionReport report = reports.byFileKey.get(MAKE_KEY);
        assertThat(report.reason()).isEqualTo("invalid_document");
        assertThat(report.message()).contains("400", "the make is invalid");
        assertThat(report.details()).containsExactly(new RejectionReport.Detail("/steps/0", "too long"));
    }

    @Test
    void the_same_key_used_for_a_different_request_is_rejected_not_retried() {
        files.withSample(MAKE_KEY, "makes/apple-pie.more-cinnamon-hotter.json");
        api.answering(call -> status(422, "not json at all"));

        assertThat(failedIds(send("sqs-make-job.json"))).isEmpty();
        assertThat(reports.byFileKey.get(MAKE_KEY).reason()).isEqualTo("rejected_by_api");
    }

    @Test
    void server_errors_throttling_and_request_timeouts_are_retried_later() {
        files.withSample(MAKE_KEY, "makes/apple-pie.more-cinnamon-hotter.json");
        for (int transientStatus : new int[] {500, 502, 503, 504, 408, 429}) {
            api.answering(call -> status(transientStatus));

            assertThat(failedIds(send("sqs-make-job.json"))).as("HTTP %d", transientStatus).hasSize(1);
        }
        assertThat(reports.byFileKey).isEmpty();
    }

    @Test
    void an_unreachable_api_means_retry_later() {
        files.withSample(MAKE_KEY, "makes/apple-pie.more-cinnamon-hotter.json");
        api.answering(call -> {
            throw new RecipeApi.UnreachableException("connection refused", null);
        });

        assertThat(failedIds(send("sqs-make-job.json"))).containsExactly("059f36b4-87a3-44ab-83d2-660000000000");
    }

    @Test
    void a_file_overwritten_or_deleted_since_its_notification_is_done_without_a_report() {
        SQSBatchResponse response = send("sqs-make-job.json");

        assertThat(failedIds(response)).isEmpty();
        assertThat(api.calls).isEmpty();
        assertThat(reports.byFileKey).isEmpty();
    }

    @Test
    void accepting_a_corrected_file_removes_the_earlier_rejection_report() {
        reports.write(new RejectionReport(MAKE_KEY, "invalid_json", "old", List.of(), NOW, null, "older-etag"));
        files.withSample(MAKE_KEY, "makes/apple-pie.more-cinnamon-hotter.json");

        send("sqs-make-job.json");

        assertThat(reports.byFileKey).isEmpty();
    }

    @Test
    void in_a_batch_of_ten_exactly_the_three_messages_that_are_not_jobs_are_reported_failed() {
        for (int i = 0; i < 10; i++) {
            files.withSample("default/makes/make-" + i + ".json", "makes/apple-pie.exact.json");
        }

        SQSBatchResponse response = send("sqs-ten-messages-three-bad.json");

        assertThat(failedIds(response)).containsExactly(
                "059f36b4-87a3-44ab-83d2-660000000002",
                "059f36b4-87a3-44ab-83d2-660000000005",
                "059f36b4-87a3-44ab-83d2-660000000009");
        assertThat(api.calls).hasSize(7);
    }

    @Test
    void the_jobs_of_a_batch_are_submitted_concurrently() {
        // given an API that answers only once all seven jobs of the batch are waiting for it at the same time
        for (int i = 0; i < 10; i++) {
            files.withSample("default/makes/make-" + i + ".json", "makes/apple-pie.exact.json");
        }
        CyclicBarrier allSevenInFlight = new CyclicBarrier(7);
        api.answering(call -> {
            try {
                allSevenInFlight.await(10, TimeUnit.SECONDS);
                return status(201);
            } catch (Exception e) {
                return status(503);
            }
        });

        // when
        SQSBatchResponse response = send("sqs-ten-messages-three-bad.json");

        // then only the three messages that are not jobs failed: no job waited for another
        assertThat(failedIds(response)).hasSize(3);
        assertThat(api.calls).hasSize(7);
    }

    @Test
    void a_job_that_fails_unexpectedly_is_delivered_again_without_failing_the_rest_of_its_batch() {
        // given an API client that blows up on make 4 only
        for (int i = 0; i < 10; i++) {
            files.withSample("default/makes/make-" + i + ".json", "makes/apple-pie.exact.json");
        }
        api.answering(call -> {
            if (call.idempotencyKey().contains("make-4.json")) {
                throw new IllegalStateException("unexpected");
            }
            return status(201);
        });

        // when
        SQSBatchResponse response = send("sqs-ten-messages-three-bad.json");

        // then make 4 is reported failed along with the three messages that are not jobs
        assertThat(failedIds(response)).containsExactlyInAnyOrder(
                "059f36b4-87a3-44ab-83d2-660000000002",
                "059f36b4-87a3-44ab-83d2-660000000004",
                "059f36b4-87a3-44ab-83d2-660000000005",
                "059f36b4-87a3-44ab-83d2-660000000009");
    }

    @Test
    void aJobNamingAnotherKitchenThanItsKeyIsNeverObeyedAndEndsInTheDeadLetterQueue() {
        files.withSample("kb/recipes/secret.json", "recipes/apple-pie.json");

        SQSBatchResponse response = sendJob(job("recipediff-files", "kb/recipes/secret.json", "recipe", "default"));

        assertThat(failedIds(response)).containsExactly("forged-1");
        assertThat(api.calls).isEmpty();
        assertThat(reports.byFileKey).isEmpty();
    }

    @Test
    void everyFieldTheKeyDeterminesIsCheckedBeforeTheFileIsRead() {
        files.withSample(RECIPE_KEY, "recipes/apple-pie.json");
        List<String> forgeries = List.of(
                job("recipediff-files", RECIPE_KEY, "make", "default"),
                job("another-bucket", RECIPE_KEY, "recipe", "default"),
                job("recipediff-files", "default/rejected/recipes/apple-pie.json", "recipe", "default"),
                job("recipediff-files", "default/recipes/../../kb/recipes/x.json", "recipe", "default"));

        for (String forgery : forgeries) {
            assertThat(failedIds(sendJob(forgery))).as(forgery).containsExactly("forged-1");
        }
        assertThat(api.calls).isEmpty();
        assertThat(files.reads.get()).isZero();
    }
}
