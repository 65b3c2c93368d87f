package dev.recipediff.functions.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recipediff.core.testing.SampleFiles;
import dev.recipediff.emulators.dynamodb.DynaliteExtension;
import dev.recipediff.emulators.dynamodb.DynaliteProcess;
import dev.recipediff.functions.auth.Scope;
import dev.recipediff.functions.lambda.ApiHandler;
import dev.recipediff.functions.store.AuditTrail;
import dev.recipediff.functions.store.ItemKey;
import dev.recipediff.functions.testing.ApiClient;
import dev.recipediff.functions.testing.ApiClient.Reply;
import dev.recipediff.functions.testing.EmulatedTable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Issue 17: every read and write of kitchen data is in the kitchen's hash-chained audit trail. */
@ExtendWith(DynaliteExtension.class)
class AuditTrailIT {

    private static final AtomicInteger KITCHENS = new AtomicInteger();
    private static ApiHandler handler;
    private static EmulatedTable table;
    private static AuditTrail trail;

    @BeforeAll
    static void handler(DynaliteProcess dynalite) {
        table = EmulatedTable.create(dynalite, "audit");
        handler = new ApiHandler(table.config());
        trail = new AuditTrail(table.table(), Clock.systemUTC());
    }

    private static String newKitchen() {
        return "audited-" + KITCHENS.incrementAndGet();
    }

    private static ApiClient admin(String kitchen) {
        return new ApiClient(handler, kitchen, EnumSet.of(Scope.READ, Scope.WRITE, Scope.ADMIN));
    }

    /** A walk over the API: add a recipe, read it, record a make, list makes, read its differences, mint a token. */
    private static void walk(ApiClient client) {
        assertThat(client.post("/recipes", SampleFiles.text("recipes/apple-pie.json"))
                        .status())
                .isEqualTo(201);
        assertThat(client.get("/recipes/2").status()).isEqualTo(200);
        assertThat(client.post("/recipes/2/makes", SampleFiles.text("makes/apple-pie.more-cinnamon-hotter.json"))
                        .status())
                .isEqualTo(201);
        assertThat(client.get("/recipes/2/makes").status()).isEqualTo(200);
        assertThat(client.get("/recipes/2/makes/1/differences").status()).isEqualTo(200);
        assertThat(client.get("/recipes/404").status()).isEqualTo(404);
        assertThat(client.post("/tokens", "{\"scopes\":[\"read\"]}").status()).isEqualTo(201);
    }

    private static List<JsonNode> auditOf(ApiClient admin, String query) {
        Reply page = admin.get("/audit" + query);
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        page.json().get("items").forEach(entries::add);
        return entries;
    }

    @Test
    void aFullWalkOfTheApiIsRecordedWithWhoWhatWhenAndWhere() {
        String kitchen = newKitchen();
        ApiClient admin = admin(kitchen);
        walk(admin);

        List<JsonNode> entries = auditOf(admin, "?limit=100");

        assertThat(entries)
                .extracting(e -> e.get("method").asText() + " " + e.get("route").asText() + " "
                        + e.get("recipeId").asText() + "/" + e.get("makeId").asText() + " "
                        + e.get("status").asInt())
                .containsExactly(
                        "POST /recipes 2/ 201",
                        "GET /recipes/{recipeId} 2/ 200",
                        "POST /recipes/{recipeId}/makes 2/1 201",
                        "GET /recipes/{recipeId}/makes 2/ 200",
                        "GET /recipes/{recipeId}/makes/{makeId}/differences 2/1 200",
                        "GET /recipes/{recipeId} 404/ 404",
                        "POST /tokens / 201");
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.get("tokenId").asText()).isEqualTo("0123456789abcdef");
            assertThat(entry.get("sourceIp").asText()).isNotBlank().isNotEqualTo("-");
            assertThat(entry.get("at").asText()).isNotBlank();
            assertThat(entry.get("requestId").asText()).isNotBlank();
        });
        assertThat(entries).extracting(e -> e.get("sequence").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(trail.verify(kitchen, entry -> {}).intact()).isTrue();
    }

    @Test
    void theTrailNeverHoldsATokenSecret() {
        String kitchen = newKitchen();
        Reply minted = admin(kitchen).post("/tokens", "{\"scopes\":[\"read\"]}");
        String secret = minted.json().get("token").asText().substring(22);

        Reply audit = admin(kitchen).get("/audit");

        assertThat(audit.text()).contains("/tokens").doesNotContain(secret);
    }

    @Test
    void verifyFindsAnEditedEntry() {
        String kitchen = newKitchen();
        walk(admin(kitchen));

        table.table().client().updateItem(update -> update.tableName(
                        table.table().name())
                .key(ItemKey.auditEntry(kitchen, 3).toMap())
                .updateExpression("SET #s = :s")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromN("404"))));

        AuditTrail.Verdict verdict = trail.verify(kitchen, entry -> {});
        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.problem())
                .hasValueSatisfying(problem -> assertThat(problem).contains("entry 3"));
    }

    @Test
    void verifyFindsAMissingEntry() {
        String kitchen = newKitchen();
        walk(admin(kitchen));

        table.table().client().deleteItem(delete -> delete.tableName(
                        table.table().name())
                .key(ItemKey.auditEntry(kitchen, 4).toMap()));

        assertThat(trail.verify(kitchen, entry -> {}).problem())
                .hasValueSatisfying(problem -> assertThat(problem).startsWith("gap: entry 4"));
    }

    @Test
    void onlyAnAdminOfTheKitchenReadsItsTrail() {
        String kitchen = newKitchen();
        walk(admin(kitchen));

        Reply reader = new ApiClient(handler, kitchen, EnumSet.of(Scope.READ, Scope.WRITE)).get("/audit");
        ApiClient anotherAdmin = admin(newKitchen());
        auditOf(anotherAdmin, "");
        List<JsonNode> another = auditOf(anotherAdmin, "");

        assertThat(reader.status()).isEqualTo(403);
        assertThat(another)
                .extracting(e -> e.get("route").asText())
                .containsExactly("/audit")
                .doesNotContain("/recipes");
    }

    @Test
    void theTrailPagesAndFilters() {
        String kitchen = newKitchen();
        walk(admin(kitchen));

        Reply first = admin(kitchen).get("/audit?limit=3");
        Reply second = admin(kitchen)
                .get("/audit?limit=3&next=" + first.json().get("next").asText());
        List<JsonNode> makesOnly = auditOf(admin(kitchen), "?limit=100&route=/recipes/{recipeId}/makes");

        assertThat(first.json().get("items")).hasSize(3);
        assertThat(second.json().get("items").get(0).get("sequence").asLong()).isEqualTo(4);
        assertThat(makesOnly)
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.get("route").asText()).isEqualTo("/recipes/{recipeId}/makes"));
        assertThat(admin(kitchen).get("/audit?tokenId=nope").status()).isEqualTo(400);
    }

    @Test
    void concurrentWritersToOneKitchenAllGetThroughInOneUnbrokenChain() throws Exception {
        String kitchen = newKitchen();
        int writers = 8;
        int appendsEach = 25;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        try {
            for (int w = 0; w < writers; w++) {
                // every writer has its own instance, as concurrent Lambda instances do: no shared head cache
                AuditTrail own = new AuditTrail(table.table(), Clock.systemUTC());
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < appendsEach; i++) {
                        own.append(
                                kitchen,
                                new dev.recipediff.functions.store.AuditEntry.Facts(
                                        "0123456789abcdef",
                                        "POST",
                                        "/recipes/{recipeId}/makes",
                                        "2",
                                        Integer.toString(i),
                                        201,
                                        "127.0.0.1",
                                        "w" + writer + "-" + i));
                    }
                    return null;
                }));
            }
            for (var writer : done) {
                writer.get(2, java.util.concurrent.TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        AuditTrail.Verdict verdict = trail.verify(kitchen, entry -> {});
        assertThat(verdict.problem()).isEmpty();
        assertThat(verdict.entries()).isEqualTo((long) writers * appendsEach);
    }

    /**
     * The cost of auditing, printed for docs/security.md: the same GET with and without the edge's audit append,
     * and a bare append (-Drecipediff.audit.requests=N, default 200). Asserts only that the chain stays intact.
     */
    @Test
    void theCostOfAuditingIsPrintedAndTheChainStaysIntact() {
        int requests = Integer.getInteger("recipediff.audit.requests", 200);
        String kitchen = newKitchen();
        ApiClient client = admin(kitchen);
        client.post("/recipes", SampleFiles.text("recipes/apple-pie.json"));
        long appendNanos = 0;
        for (int i = 0; i < requests; i++) {
            long started = System.nanoTime();
            trail.append(
                    kitchen + "-bare",
                    new dev.recipediff.functions.store.AuditEntry.Facts(
                            "0123456789abcdef", "GET", "/recipes/{recipeId}", "2", "", 200, "127.0.0.1", "r-" + i));
            appendNanos += System.nanoTime() - started;
        }
        long requestNanos = 0;
        for (int i = 0; i < requests; i++) {
            long started = System.nanoTime();
            client.get("/recipes/2");
            requestNanos += System.nanoTime() - started;
        }

        System.out.printf(
                "audit cost on dynalite: append %.2f ms/entry (one conditional put; the head is re-read only after another writer); "
                        + "audited GET /recipes/{id} %.2f ms/request (%d requests)%n",
                appendNanos / 1e6 / requests, requestNanos / 1e6 / requests, requests);
        assertThat(trail.verify(kitchen + "-bare", entry -> {}).entries()).isEqualTo(requests);
        assertThat(trail.verify(kitchen, entry -> {}).intact()).isTrue();
    }
}
