package dev.recipediff.functions.store;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The append-only audit trail of a kitchen, in the table under {@code K#<kitchen>#AUDIT} (sort key
 * {@code E#<sequence>}). Appending reads the head and puts the next entry with {@code attribute_not_exists}: two
 * writers racing for one sequence number cannot both win (dynalite has no transactions; a conditional put on the
 * sequence is enough), the loser re-reads the head and chains after the winner. Entries are never updated or
 * deleted by the code, and on AWS the functions' roles may not (IAM deny on this key space, RecipediffStack);
 * {@link #verify} recomputes the chain and finds a gap, an edit or a reordering.
 */
public final class AuditTrail {

    /**
     * How long one append may keep losing the race for the next sequence number before it gives up (the API then
     * answers 503 audit_unavailable). Far below API Gateway's 29 s limit, far above what a busy kitchen needs.
     */
    static final java.time.Duration CONTENTION_BUDGET = java.time.Duration.ofSeconds(5);

    private static final long FIRST_BACKOFF_NANOS = 1_000_000L;
    private static final long MAX_BACKOFF_NANOS = 64_000_000L;

    private final RecipeTable table;
    private final Clock clock;
    private final java.util.concurrent.ConcurrentMap<String, AuditEntry> heads =
            new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * Appends of one kitchen from this instance take turns (fair locks, striped by kitchen so that their number
     * stays bounded): writers of the same instance no longer race each other for the next sequence number, each
     * chains after the head the previous one wrote (one conditional put, no failed write, no re-read, no pause).
     * Only another instance's append can still make the put fail; the loop below handles that as before.
     */
    private final java.util.concurrent.locks.ReentrantLock[] turns = new java.util.concurrent.locks.ReentrantLock[64];

    public AuditTrail(RecipeTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
        for (int i = 0; i < turns.length; i++) {
            turns[i] = new java.util.concurrent.locks.ReentrantLock(true);
        }
    }

    /**
     * Appends one entry to the kitchen's chain and returns it. A writer that loses the race re-reads the head and
     * tries again after a random pause, between half and all of a delay that doubles with every loss (1 ms up to
     * 64 ms): without the
     * pause, writers that keep arriving can starve one of them (seen with four concurrent clients on a fast
     * machine); with it every writer gets through, in order, within {@link #CONTENTION_BUDGET}. Writers of this
     * instance take turns per kitchen (see {@code turns}), so only other instances' appends make it lose.
     */
    public AuditEntry append(String kitchen, AuditEntry.Facts facts) {
        java.util.concurrent.locks.ReentrantLock turn = turns[Math.floorMod(kitchen.hashCode(), turns.length)];
        try {
            if (!turn.tryLock(CONTENTION_BUDGET.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("the audit trail of kitchen " + kitchen + " had a queue of writers in"
                        + " this instance for " + CONTENTION_BUDGET.toMillis() + " ms");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to append to the audit trail", interrupted);
        }
        try {
            return appendInTurn(kitchen, facts);
        } finally {
            turn.unlock();
        }
    }

    private AuditEntry appendInTurn(String kitchen, AuditEntry.Facts facts) {
        long deadline = System.nanoTime() + CONTENTION_BUDGET.toNanos();
        long backoff = FIRST_BACKOFF_NANOS;
        int attempts = 0;
        while (true) {
            // the head this instance wrote last is usually still the head: one put, no read; if another writer
            // appended meanwhile the conditional put fails and the head is read from the table
            AuditEntry known = attempts == 0 ? heads.get(kitchen) : null;
            attempts++;
            Optional<AuditEntry> head = known != null ? Optional.of(known) : head(kitchen);
            long sequence = head.map(AuditEntry::sequence).orElse(0L) + 1;
            Instant at = clock.instant();
            AuditEntry entry = AuditEntry.seal(
                    kitchen, sequence, at, facts, head.map(AuditEntry::hash).orElse(AuditEntry.GENESIS));
            try {
                table.client().putItem(put -> put.tableName(table.name())
                        .item(toItem(entry))
                        .conditionExpression("attribute_not_exists(pk)"));
                heads.put(kitchen, entry);
                return entry;
            } catch (ConditionalCheckFailedException anotherWriterTookIt) {
                heads.remove(kitchen, known);
                if (System.nanoTime() + backoff > deadline) {
                    throw new IllegalStateException("the audit trail of kitchen " + kitchen
                            + " stayed contended for " + attempts + " attempts in " + CONTENTION_BUDGET.toMillis()
                            + " ms");
                }
                pause(java.util.concurrent.ThreadLocalRandom.current().nextLong(backoff / 2, backoff + 1));
                backoff = Math.min(MAX_BACKOFF_NANOS, backoff * 2);
            }
        }
    }

    private static void pause(long nanos) {
        try {
            java.util.concurrent.TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to append to the audit trail", interrupted);
        }
    }

    /** The newest entry of the kitchen, if any. */
    public Optional<AuditEntry> head(String kitchen) {
        QueryResponse response = table.client().query(query -> query.tableName(table.name())
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(ItemKey.auditPartition(kitchen))))
                .scanIndexForward(false)
                .limit(1)
                .consistentRead(true));
        return response.items().stream().findFirst().map(AuditTrail::fromItem);
    }

    /** One page of entries, oldest first, after the position {@code after} (a sort key). */
    public Page<AuditEntry> page(String kitchen, int limit, Optional<String> after) {
        QueryResponse response = table.client().query(query -> {
            query.tableName(table.name())
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(ItemKey.auditPartition(kitchen))))
                    .limit(limit)
                    .consistentRead(true);
            after.ifPresent(position ->
                    query.exclusiveStartKey(new ItemKey(ItemKey.auditPartition(kitchen), position).toMap()));
        });
        List<AuditEntry> entries =
                response.items().stream().map(AuditTrail::fromItem).toList();
        Optional<String> next = response.hasLastEvaluatedKey()
                        && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(response.lastEvaluatedKey().get(ItemKey.SK).s())
                : Optional.empty();
        return new Page<>(entries, next);
    }

    /** What {@link #verify} found. */
    public record Verdict(String kitchen, long entries, Optional<String> problem) {
        public boolean intact() {
            return problem.isEmpty();
        }
    }

    /**
     * Walks the whole chain of the kitchen: every sequence number from 1 without a gap, every entry's hash
     * recomputed, every entry chained to the one before. {@code progress} sees each entry checked.
     */
    public Verdict verify(String kitchen, Consumer<AuditEntry> progress) {
        String previousHash = AuditEntry.GENESIS;
        long expected = 1;
        Optional<String> after = Optional.empty();
        do {
            Page<AuditEntry> page = page(kitchen, 500, after);
            for (AuditEntry entry : page.items()) {
                progress.accept(entry);
                if (entry.sequence() != expected) {
                    return new Verdict(
                            kitchen,
                            expected - 1,
                            Optional.of("gap: entry " + expected + " is missing (the next one is " + entry.sequence()
                                    + ")"));
                }
                if (!entry.hash().equals(entry.computeHash())) {
                    return new Verdict(
                            kitchen,
                            expected - 1,
                            Optional.of("edit: entry " + entry.sequence() + " does not match its hash"));
                }
                if (!entry.previousHash().equals(previousHash)) {
                    return new Verdict(
                            kitchen,
                            expected - 1,
                            Optional.of("break: entry " + entry.sequence() + " is not chained to entry "
                                    + (entry.sequence() - 1)));
                }
                previousHash = entry.hash();
                expected++;
            }
            after = page.next();
        } while (after.isPresent());
        return new Verdict(kitchen, expected - 1, Optional.empty());
    }

    private static Map<String, AttributeValue> toItem(AuditEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>(
                ItemKey.auditEntry(entry.kitchen(), entry.sequence()).toMap());
        item.put("kitchen", AttributeValue.fromS(entry.kitchen()));
        item.put("seq", AttributeValue.fromN(Long.toString(entry.sequence())));
        item.put("at", AttributeValue.fromN(Long.toString(entry.at().toEpochMilli())));
        item.put("tokenId", AttributeValue.fromS(entry.tokenId()));
        item.put("method", AttributeValue.fromS(entry.method()));
        item.put("route", AttributeValue.fromS(entry.route()));
        item.put("recipeId", AttributeValue.fromS(entry.recipeId()));
        item.put("makeId", AttributeValue.fromS(entry.makeId()));
        item.put("status", AttributeValue.fromN(Integer.toString(entry.status())));
        item.put("sourceIp", AttributeValue.fromS(entry.sourceIp()));
        item.put("requestId", AttributeValue.fromS(entry.requestId()));
        item.put("prevHash", AttributeValue.fromS(entry.previousHash()));
        item.put("hash", AttributeValue.fromS(entry.hash()));
        return item;
    }

    private static AuditEntry fromItem(Map<String, AttributeValue> item) {
        return new AuditEntry(
                text(item, "kitchen"),
                number(item, "seq"),
                Instant.ofEpochMilli(number(item, "at")),
                text(item, "tokenId"),
                text(item, "method"),
                text(item, "route"),
                text(item, "recipeId"),
                text(item, "makeId"),
                (int) number(item, "status"),
                text(item, "sourceIp"),
                text(item, "requestId"),
                text(item, "prevHash"),
                text(item, "hash"));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? "" : value.s();
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? -1 : Long.parseLong(value.n());
    }
}
