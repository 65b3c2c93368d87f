package dev.recipediff.functions.lambda;

import static dev.recipediff.functions.pipeline.ScriptedRecipeApi.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.recipediff.core.format.RecipeReader;
import dev.recipediff.functions.pipeline.FileSubmitter;
import dev.recipediff.functions.pipeline.RecipeApi;
import dev.recipediff.functions.pipeline.RecordingRejectionReports;
import dev.recipediff.functions.pipeline.RejectionReport;
import dev.recipediff.functions.pipeline.ScriptedRecipeApi;
import dev.recipediff.functions.pipeline.StubFileStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SenderHandlerTest {

    private static final Instant NOW = Instant.parse("2026-11-29T18:00:05Z");
    private static final String MAKE_KEY = "default/makes/apple-pie.more-cinnamon-hotter.json";
    private static final String RECIPE_KEY = "default/recipes/apple-pie.json";

    private final StubFileStore files = new StubFileStore();
    private final RecordingRejectionReports reports = new RecordingRejectionReports();
    private final ScriptedRecipeApi api = new ScriptedRecipeApi();

    private SQSBatchResponse send(String fixture) {
        SQSEvent event = EventLoader.loadSQSEvent("events/" + fixture);
        SenderHandler sender = new SenderHandler(new FileSubmitter(
                files, reports, api, new RecipeReader(), Clock.fixed(NOW, ZoneOffset.UTC), "recipediff-files"));
        return sender.handleRequest(event, null);
    }

    private SQSBatchResponse sendJob(String job) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("forged-1");
        message.setBody(job);
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        SenderHandler sender = new SenderHandler(new FileSubmitter(
                files, reports, api, new RecipeReader(), Clock.fixed(NOW, ZoneOffset.UTC), "recipediff-files"));
        return sender.handleRequest(event, null);
    }

    private static String job(String bucket, String key, String kind, String kitchen) {
        return """
                {"bucket":"%s","key":"%s","versionId":null,"eTag":"etag-x","size":900,"kind":"%s","kitchen":"%s"}""".formatted(bucket, key, kind, kitchen);
    }

    private static List<String> failedIds(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }

    @Test
    void aMakeIsPostedToItsRecipeForTheFilesKitchenUnderTheFilesIdempotencyKey() {
        files.withSample(MAKE_KEY, "makes/apple-pie.more-cinnamon-hotter.json");

        SQSBatchResponse response = send("sqs-make-job.json");

        assertThat(failedIds(response)).isEmpty();
        assertThat(api.calls)
                .containsExactly(new ScriptedRecipeApi.Call(
                        "POST", "/recipes/2/makes", "default", "recipediff-files/" + MAKE_KEY + "/etag-make"));
    }

    @Test
    void aMakeWhoseRecipeHasNotArrivedYetIsDoneOnceTheApiAcceptsItAsPending() {
        files.withSample(MAKE_KEY, "makes/apple-pie.more-cinnamon-hotter.json");
        api.answering(call -> status(202));

        assertThat(failedIds(send("sqs-make-job.json"))).isEmpty();
        assertThat(reports.byFileKey).isEmpty();
    }

    @Test
    void aNewRecipeIsPosted() {
        files.withSample(RECIPE_KEY, "recipes/apple-pie.json");

        assertThat(failedIds(send("sqs-recipe-job.json"))).isEmpty();
        assertThat(api.calls).extracting(ScriptedRecipeApi.Call::method).containsExactly("POST");
    }

    @Test
    void aRecipeThatExistsIsUpdatedWithPutUnderADerivedIdempotencyKey() {
        files.withSample(RECIPE_KEY, "recipes/apple-pie.json");
        api.answering(call -> call.method().equals("POST") ? status(409, """
                {"error":"recipe_exists","message":"recipe 2 already exists","details":[],"requestId":"r"}""") : status(200));

        SQSBatchResponse response = send("sqs-recipe-job.json");

        assertThat(failedIds(response)).isEmpty();
        assertThat(api.calls)
                .containsExactly(
                        new ScriptedRecipeApi.Call(
                                "POST", "/recipes", "default", "recipediff-files/" + RECIPE_KEY + "/etag-recipe"),
                        new ScriptedRecipeApi.Call(
                                "PUT",
                                "/recipes",
                                "default",
                                "recipediff-files/" + RECIPE_KEY + "/etag-recipe#update"));
    }

    @Test
    void aRecipeBeingAppliedByAConcurrentDeliveryIsRetriedLaterNotUpdated() {
        files.withSample(RECIPE_KEY, "recipes/apple-pie.json");
        api.answering(call -> status(409, """
                {"error":"request_in_progress","message":"retry later","details":[],"requestId":"r"}"""));

        SQSBatchResponse response = send("sqs-recipe-job.json");

        assertThat(failedIds(response)).hasSize(1);
        assertThat(api.calls).extracting(ScriptedRecipeApi.Call::method).containsExactly("POST");
        assertThat(reports.byFileKey).isEmpty();
    }

    @Test
    void aMakeBeingAppliedByAConcurrentDeliveryIsRetriedLaterNotRejected() {
        files.withSample(MAKE_KEY, "makes/apple-pie.more-cinnamon-hotter.json");
        api.answering(call -> status(409, """
                {"error":"request_in_progress","message":"retry later","details":[],"requestId":"r"}"""));

        assertThat(failedIds(send("sqs-make-job.json"))).hasSize(1);
        assertThat(reports.byFileKey).isEmpty();
    }

    @Test
    void anInvalidFileGetsARejectionReportWithEveryProblemAndIsNotRetried() {
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
    void aFileThatIsNotJsonIsRejectedAsInvalidJson() {
        files.withSample(MAKE_KEY, "invalid/truncated.json");

        send("sqs-make-job.json");

        assertThat(reports.byFileKey.get(MAKE_KEY).reason()).isEqualTo("invalid_json");
    }

    @Test
    void aMakeWithoutARecipeIdIsRejectedWithAPointerToIt() {
        files.with(MAKE_KEY, """
                {"recipeName": "Apple Pie", "ingredients": [], "steps": []}""".getBytes(StandardCharsets.UTF_8));

        send("sqs-make-job.json");

        assertThat(api.calls).isEmpty();
        assertThat(reports.byFileKey.get(MAKE_KEY)).satisfies(report -> {
            assertThat(report.reason()).isEqualTo("invalid_document");
            assertThat(report.details())
                    .extracting(RejectionReport.Detail::pointer)
                    .contains("/recipeId");
        });
    }

    @Test
    void aClientErrorFromTheApiBecomesARejectionReportCarryingTheApisExplanation() {
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
    void theSameKeyUsedForADifferentRequestIsRejectedNotRetried() {
        files.withSample(MAKE_KEY, "makes/apple-pie.more-cinnamon-hotter.json");
        api.answering(call -> status(422, "not json at all"));

        assertThat(failedIds(send("sqs-make-job.json"))).isEmpty();
        assertThat(reports.byFileKey.get(MAKE_KEY).reason()).isEqualTo("rejected_by_api");
    }

    @Test
    void serverErrorsThrottlingAndRequestTimeoutsAreRetriedLater() {
        files.withSample(MAKE_KEY, "makes/apple-pie.more-cinnamon-hotter.json");
        for (int transientStatus : new int[] {500, 502, 503, 504, 408, 429}) {
            api.answering(call -> status(transientStatus));

            assertThat(failedIds(send("sqs-make-job.json")))
                    .as("HTTP %d", transientStatus)
                    .hasSize(1);
        }
        assertThat(reports.byFileKey).isEmpty();
    }

    @Test
    void anUnreachableApiMeansRetryLater() {
        files.withSample(MAKE_KEY, "makes/apple-pie.more-cinnamon-hotter.json");
        api.answering(call -> {
            throw new RecipeApi.UnreachableException("connection refused", null);
        });

        assertThat(failedIds(send("sqs-make-job.json"))).containsExactly("059f36b4-87a3-44ab-83d2-660000000000");
    }

    @Test
    void aFileOverwrittenOrDeletedSinceItsNotificationIsDoneWithoutAReport() {
        SQSBatchResponse response = send("sqs-make-job.json");

        assertThat(failedIds(response)).isEmpty();
        assertThat(api.calls).isEmpty();
        assertThat(reports.byFileKey).isEmpty();
    }

    @Test
    void acceptingACorrectedFileRemovesTheEarlierRejectionReport() {
        reports.write(new RejectionReport(MAKE_KEY, "invalid_json", "old", List.of(), NOW, null, "older-etag"));
        files.withSample(MAKE_KEY, "makes/apple-pie.more-cinnamon-hotter.json");

        send("sqs-make-job.json");

        assertThat(reports.byFileKey).isEmpty();
    }

    @Test
    void inABatchOfTenExactlyTheThreeMessagesThatAreNotJobsAreReportedFailed() {
        for (int i = 0; i < 10; i++) {
            files.withSample("default/makes/make-" + i + ".json", "makes/apple-pie.exact.json");
        }

        SQSBatchResponse response = send("sqs-ten-messages-three-bad.json");

        assertThat(failedIds(response))
                .containsExactly(
                        "059f36b4-87a3-44ab-83d2-660000000002",
                        "059f36b4-87a3-44ab-83d2-660000000005",
                        "059f36b4-87a3-44ab-83d2-660000000009");
        assertThat(api.calls).hasSize(7);
    }

    @Test
    void theJobsOfABatchAreSubmittedConcurrently() {
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
    void aJobThatFailsUnexpectedlyIsDeliveredAgainWithoutFailingTheRestOfItsBatch() {
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
        assertThat(failedIds(response))
                .containsExactlyInAnyOrder(
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
