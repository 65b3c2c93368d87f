package dev.recipediff.emulators.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * dynalite 4.0.0 leaked the LevelDB iterator of every Query (about 19 KiB of resident memory per query, see
 * docs/performance.md); the launcher closes them. A memory assertion, not a timing one: after a warm-up the
 * node process's resident set may grow by LevelDB's bounded caches, not with the number of queries.
 */
class DynaliteQueryMemoryIT {

    private static final int WARM_UP = 1_000;
    private static final int MEASURED = 6_000;
    /** Measured: 12 MiB with the fix (LevelDB's caches filling), 65 MiB with 4.0.0's leak. */
    private static final long ALLOWED_GROWTH_KIB = 32 * 1024;

    private static final String TABLE = "leak-probe";

    @Test
    void queriesDoNotGrowTheNodeProcess(@TempDir Path data) throws Exception {
        try (DynaliteProcess dynalite = DynaliteProcess.start(
                        DynaliteProcess.Options.inMemory().withDataDir(data.resolve("dynamodb")));
                DynamoDbClient client = DynaliteProcessIT.client(dynalite)) {
            givenATable(client);
            putAndQuery(client, 0, WARM_UP);
            long before = residentKiB(dynalite.pid());

            putAndQuery(client, WARM_UP, WARM_UP + MEASURED);

            long growth = residentKiB(dynalite.pid()) - before;
            assertThat(growth)
                    .as("RSS growth of dynalite over %d queries, KiB", MEASURED)
                    .isLessThan(ALLOWED_GROWTH_KIB);
        }
    }

    private static void givenATable(DynamoDbClient client) {
        client.createTable(b -> b.tableName(TABLE)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk")
                        .keyType(KeyType.RANGE)));
    }

    /** Items {@code from..to}, each put then the newest of its partition queried (Limit 1), 8 in flight. */
    private static void putAndQuery(DynamoDbClient client, int from, int to) throws Exception {
        AtomicInteger next = new AtomicInteger(from);
        String padding = "x".repeat(500);
        try (ExecutorService callers = Executors.newFixedThreadPool(8)) {
            var done = IntStream.range(0, 8)
                    .mapToObj(t -> callers.submit(() -> {
                        for (int i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
                            String pk = "recipe-" + (i % 100);
                            String sk = "make-" + i;
                            client.putItem(
                                    b -> b.tableName(TABLE).item(Map.of("pk", s(pk), "sk", s(sk), "doc", s(padding))));
                            client.query(b -> b.tableName(TABLE)
                                    .keyConditionExpression("pk = :pk")
                                    .expressionAttributeValues(Map.of(":pk", s(pk)))
                                    .scanIndexForward(false)
                                    .limit(1));
                        }
                        return null;
                    }))
                    .toList();
            for (Future<?> caller : done) {
                caller.get();
            }
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static long residentKiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(
                        line.substring("VmRSS:".length()).replace("kB", "").strip());
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }
}
