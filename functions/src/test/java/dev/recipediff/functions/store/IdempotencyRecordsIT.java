package dev.recipediff.functions.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recipediff.core.compare.MakeComparator;
import dev.recipediff.core.format.RecipeJson;
import dev.recipediff.core.format.RecipeReader;
import dev.recipediff.core.format.RecipeWriter;
import dev.recipediff.core.testing.SampleFiles;
import dev.recipediff.emulators.dynamodb.DynaliteExtension;
import dev.recipediff.emulators.dynamodb.DynaliteProcess;
import dev.recipediff.functions.http.IdempotentRequests;
import dev.recipediff.functions.lambda.ApiHandler;
import dev.recipediff.functions.recipes.MakeRecorder;
import dev.recipediff.functions.testing.ApiClient;
import dev.recipediff.functions.testing.ApiClient.Reply;
import dev.recipediff.functions.testing.EmulatedTable;
import dev.recipediff.functions.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Claim → apply → complete, replay, mismatch, lease retake with pins — against dynalite. */
@ExtendWith(DynaliteExtension.class)
class IdempotencyRecordsIT {

    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-29T12:00:00Z"));
    private static EmulatedTable table;
    private static IdempotencyRecords records;

    @BeforeAll
    static void records(DynaliteProcess dynalite) {
        table = EmulatedTable.create(dynalite, "idempotency");
        records = new IdempotencyRecords(table.table(), CLOCK, LEASE);
    }

    private static String newKey() {
        return "bucket/kitchen/file.json/" + UUID.randomUUID();
    }

    private static IdempotencyRecords.Attempt acquire(String key, String fingerprint) {
        IdempotencyRecords.Claim claim = records.claim("kitchen", key, fingerprint);
        assertThat(claim).isInstanceOf(IdempotencyRecords.Claim.Acquired.class);
        return ((IdempotencyRecords.Claim.Acquired) claim).attempt();
    }

    @Test
    void aCompletedKeyReplaysTheFirstResponseAndCountsAsApplied() {
        String key = newKey();
        acquire(key, "f1").complete(201, "{\"makeId\":1}".getBytes(StandardCharsets.UTF_8));

        IdempotencyRecords.Claim again = records.claim("kitchen", key, "f1");

        assertThat(again).isInstanceOfSatisfying(IdempotencyRecords.Claim.Replay.class, replay -> {
            assertThat(replay.status()).isEqualTo(201);
            assertThat(new String(replay.body(), StandardCharsets.UTF_8)).isEqualTo("{\"makeId\":1}");
        });
        assertThat(records.isApplied("kitchen", key)).isTrue();
    }

    @Test
    void aKeyIsPerKitchen() {
        String key = newKey();
        acquire(key, "f1").complete(201, new byte[0]);

        assertThat(records.isApplied("another-kitchen", key)).isFalse();
        assertThat(records.claim("another-kitchen", key, "f1")).isInstanceOf(IdempotencyRecords.Claim.Acquired.class);
    }

    @Test
    void theSameKeyWithAnotherRequestIsAMismatch() {
        String key = newKey();
        acquire(key, "f1").complete(201, new byte[0]);

        assertThat(records.claim("kitchen", key, "f2")).isInstanceOf(IdempotencyRecords.Claim.Mismatch.class);
    }

    @Test
    void aKeyBeingAppliedIsInProgressUntilItsLeaseEnds() {
        String key = newKey();
        acquire(key, "f1");

        assertThat(records.claim("kitchen", key, "f1")).isInstanceOf(IdempotencyRecords.Claim.InProgress.class);
        assertThat(records.isApplied("kitchen", key)).isFalse();
    }

    @Test
    void aCrashedClaimIsRetakenAfterItsLeaseWithTheNumbersItPinned() {
        String key = newKey();
        acquire(key, "f1").pin("makeId", () -> 7);

        CLOCK.advance(LEASE.plusSeconds(1));
        IdempotencyRecords.Attempt retaken = acquire(key, "f1");

        assertThat(retaken.pin("makeId", () -> 99)).isEqualTo(7);
        assertThat(retaken.writeToken()).isNotBlank();
    }

    @Test
    void aReleasedKeyCanBeUsedAgain() {
        String key = newKey();
        acquire(key, "f1").release();

        assertThat(records.claim("kitchen", key, "f2")).isInstanceOf(IdempotencyRecords.Claim.Acquired.class);
    }

    @Test
    void anAbandonedClaimIsRetakenAtOnce() {
        String key = newKey();
        IdempotencyRecords.Attempt failed = acquire(key, "f1");
        failed.pin("version", () -> 3);
        failed.abandon();

        assertThat(acquire(key, "f1").pin("version", () -> 4)).isEqualTo(3);
    }

    @Test
    void aMakeRequestThatCrashedAfterWritingIsFinishedByItsRetryWithoutADuplicate() {
        ApiHandler handler = new ApiHandler(table.config(), CLOCK);
        ApiClient kitchen = ApiClient.readWrite(handler, "crash-kitchen");
        kitchen.post("/recipes", SampleFiles.text("recipes/apple-pie.json"));
        byte[] body =
                SampleFiles.text("makes/apple-pie.more-cinnamon-hotter.json").getBytes(StandardCharsets.UTF_8);
        String key = newKey();
        IdempotencyRecords.Claim claim =
                records.claim("crash-kitchen", key, IdempotentRequests.fingerprint("POST", "/recipes/2/makes", body));
        IdempotencyRecords.Attempt crashed = ((IdempotencyRecords.Claim.Acquired) claim).attempt();
        RecipeVersions versions = new RecipeVersions(table.table());
        new MakeRecorder(
                        versions,
                        new MakeRecords(table.table()),
                        new RecipeReader(),
                        new RecipeWriter(),
                        new MakeComparator(),
                        RecipeJson.mapper(),
                        CLOCK)
                .record("crash-kitchen", 2, body, crashed); // the make is written, then the Lambda dies

        CLOCK.advance(LEASE.plusSeconds(1));
        Reply retried = kitchen.send(kitchen.request("POST", "/recipes/2/makes")
                .body(new String(body, StandardCharsets.UTF_8))
                .header("content-type", "application/json")
                .idempotencyKey(key));

        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.json().get("makeId").asLong()).isEqualTo(1);
        assertThat(kitchen.get("/recipes/2/makes").json().get("items")).hasSize(1);
        assertThat(records.isApplied("crash-kitchen", key)).isTrue();
    }

    @Test
    void aPendingMakeRequestThatCrashedIsNotRecordedAgainByARetryThatFindsTheRecipe() {
        ApiHandler handler = new ApiHandler(table.config(), CLOCK);
        ApiClient kitchen = ApiClient.readWrite(handler, "crash-pending-kitchen");
        byte[] body =
                SampleFiles.text("makes/apple-pie.more-cinnamon-hotter.json").getBytes(StandardCharsets.UTF_8);
        String key = newKey();
        IdempotencyRecords.Claim claim = records.claim(
                "crash-pending-kitchen", key, IdempotentRequests.fingerprint("POST", "/recipes/2/makes", body));
        IdempotencyRecords.Attempt crashed = ((IdempotencyRecords.Claim.Acquired) claim).attempt();
        new MakeRecorder(
                        new RecipeVersions(table.table()),
                        new MakeRecords(table.table()),
                        new RecipeReader(),
                        new RecipeWriter(),
                        new MakeComparator(),
                        RecipeJson.mapper(),
                        CLOCK)
                .record(
                        "crash-pending-kitchen",
                        2,
                        body,
                        crashed); // kept pending (no recipe yet), then the Lambda dies
        kitchen.post(
                "/recipes",
                SampleFiles.text("recipes/apple-pie.json")); // the recipe arrives and records the pending make

        CLOCK.advance(LEASE.plusSeconds(1));
        Reply retried = kitchen.send(kitchen.request("POST", "/recipes/2/makes")
                .body(new String(body, StandardCharsets.UTF_8))
                .header("content-type", "application/json")
                .idempotencyKey(key));

        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.json().get("makeId").asLong()).isEqualTo(1);
        assertThat(kitchen.get("/recipes/2/makes").json().get("items")).hasSize(1);
        assertThat(records.isApplied("crash-pending-kitchen", key)).isTrue();
    }
}
