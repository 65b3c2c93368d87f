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

    private static final int MAX_ATTEMPTS = 20;

    private final RecipeTable table;
    private final Clock clock;
    private final java.util.concurrent.ConcurrentMap<String, AuditEntry> heads =
            new java.util.concurrent.ConcurrentHashMap<>();

    public AuditTrail(RecipeTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    /** Appends one entry to the kitchen's chain and returns it. */
    public AuditEntry append(String kitchen, AuditEntry.Facts facts) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            // the head this instance wrote last is usually still the head: one put, no read; if another writer
            // appended meanwhile the conditional put fails and the head is read from the table
            AuditEntry known = attempt == 0 ? heads.get(kitchen) : null;
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
                // chain after the winner
            }
        }
        throw new IllegalStateException(
                "the audit trail of a kitchen stayed contended for " + MAX_ATTEMPTS + " attempts");
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
