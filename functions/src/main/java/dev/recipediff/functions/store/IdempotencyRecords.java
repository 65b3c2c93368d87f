package dev.recipediff.functions.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Idempotency-Key records: claim → apply → complete. A claim is a conditional put; a completed record
 * replays the first response; a claim whose holder crashed is retaken once its lease expired, keeping the
 * numbers the first holder pinned. Keys are stored as SHA-256 hashes under the kitchen.
 */
public final class IdempotencyRecords {

    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String COMPLETED = "COMPLETED";

    private final RecipeTable table;
    private final Clock clock;
    private final Duration lease;

    public IdempotencyRecords(RecipeTable table, Clock clock, Duration lease) {
        this.table = table;
        this.clock = clock;
        this.lease = lease;
    }

    /** The outcome of claiming a key. */
    public sealed interface Claim {
        /** Ours to apply (first time, or retaken after a crashed holder's lease expired). */
        record Acquired(Attempt attempt) implements Claim {}

        /** Already applied: answer with the first result. */
        record Replay(int status, byte[] body) implements Claim {}

        /** The key was used with a different request. */
        record Mismatch() implements Claim {}

        /** Another request with this key is being applied right now. */
        record InProgress() implements Claim {}
    }

    /** Whether a request with this key completed in this kitchen (the pipeline's reconcile asks). */
    public boolean isApplied(String kitchen, String idempotencyKey) {
        return read(key(kitchen, idempotencyKey))
                .map(item -> COMPLETED.equals(item.get("state").s()))
                .orElse(false);
    }

    public Claim claim(String kitchen, String idempotencyKey, String fingerprint) {
        ItemKey key = key(kitchen, idempotencyKey);
        String owner = UUID.randomUUID().toString();
        long now = clock.millis();
        Map<String, AttributeValue> item = key.toMap();
        item.put("state", AttributeValue.fromS(IN_PROGRESS));
        item.put("fingerprint", AttributeValue.fromS(fingerprint));
        item.put("owner", AttributeValue.fromS(owner));
        item.put("leaseUntil", number(now + lease.toMillis()));
        item.put("pins", AttributeValue.fromM(Map.of()));
        item.put("createdAt", number(now));
        try {
            table.client()
                    .putItem(put ->
                            put.tableName(table.name()).item(item).conditionExpression("attribute_not_exists(pk)"));
            return new Claim.Acquired(new Attempt(key, owner, Map.of()));
        } catch (ConditionalCheckFailedException exists) {
            return existing(key, fingerprint, owner, now);
        }
    }

    private Claim existing(ItemKey key, String fingerprint, String owner, long now) {
        Optional<Map<String, AttributeValue>> found = read(key);
        if (found.isEmpty()) {
            throw new IllegalStateException("idempotency record vanished while claiming; retry the request");
        }
        Map<String, AttributeValue> item = found.get();
        if (!fingerprint.equals(item.get("fingerprint").s())) {
            return new Claim.Mismatch();
        }
        if (COMPLETED.equals(item.get("state").s())) {
            return new Claim.Replay(
                    Integer.parseInt(item.get("status").n()),
                    gunzip(item.get("body").b().asByteArray()));
        }
        long leaseUntil = Long.parseLong(item.get("leaseUntil").n());
        if (leaseUntil > now) {
            return new Claim.InProgress();
        }
        try {
            table.client().updateItem(update -> update.tableName(table.name())
                    .key(key.toMap())
                    .updateExpression("SET #owner = :owner, leaseUntil = :until")
                    .conditionExpression("#state = :inProgress AND leaseUntil = :old")
                    .expressionAttributeNames(Map.of("#owner", "owner", "#state", "state"))
                    .expressionAttributeValues(Map.of(
                            ":owner", AttributeValue.fromS(owner),
                            ":until", number(now + lease.toMillis()),
                            ":inProgress", AttributeValue.fromS(IN_PROGRESS),
                            ":old", item.get("leaseUntil"))));
        } catch (ConditionalCheckFailedException someoneElseRetook) {
            return new Claim.InProgress();
        }
        Map<String, Long> pins = new HashMap<>();
        item.get("pins").m().forEach((name, value) -> pins.put(name, Long.parseLong(value.n())));
        return new Claim.Acquired(new Attempt(key, owner, pins));
    }

    private Optional<Map<String, AttributeValue>> read(ItemKey key) {
        GetItemResponse response = table.client()
                .getItem(get -> get.tableName(table.name()).key(key.toMap()).consistentRead(true));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    private static ItemKey key(String kitchen, String idempotencyKey) {
        return ItemKey.idempotencyRecord(kitchen, Sha256.hex(idempotencyKey));
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    /** A claimed key being applied. */
    public final class Attempt implements WriteAttempt {
        private final ItemKey key;
        private final String owner;
        private final Map<String, Long> pins;

        private Attempt(ItemKey key, String owner, Map<String, Long> pins) {
            this.key = key;
            this.owner = owner;
            this.pins = new HashMap<>(pins);
        }

        @Override
        public String writeToken() {
            return "idem:" + key.pk();
        }

        @Override
        public synchronized long pin(String name, LongSupplier allocate) {
            Long pinned = pins.get(name);
            if (pinned != null) {
                return pinned;
            }
            long candidate = allocate.getAsLong();
            try {
                table.client().updateItem(update -> update.tableName(table.name())
                        .key(key.toMap())
                        .updateExpression("SET pins.#name = :value")
                        .conditionExpression("attribute_not_exists(pins.#name)")
                        .expressionAttributeNames(Map.of("#name", name))
                        .expressionAttributeValues(Map.of(":value", number(candidate))));
                pins.put(name, candidate);
                return candidate;
            } catch (ConditionalCheckFailedException pinnedMeanwhile) {
                long existing = Long.parseLong(
                        read(key).orElseThrow().get("pins").m().get(name).n());
                pins.put(name, existing);
                return existing;
            }
        }

        @Override
        public synchronized long repin(String name, long stale, LongSupplier allocate) {
            long fresh = allocate.getAsLong();
            try {
                table.client().updateItem(update -> update.tableName(table.name())
                        .key(key.toMap())
                        .updateExpression("SET pins.#name = :fresh")
                        .conditionExpression("pins.#name = :stale")
                        .expressionAttributeNames(Map.of("#name", name))
                        .expressionAttributeValues(Map.of(":fresh", number(fresh), ":stale", number(stale))));
                pins.put(name, fresh);
                return fresh;
            } catch (ConditionalCheckFailedException repinnedMeanwhile) {
                long existing = Long.parseLong(
                        read(key).orElseThrow().get("pins").m().get(name).n());
                pins.put(name, existing);
                return existing;
            }
        }

        @Override
        public synchronized boolean hasPin(String name) {
            return pins.containsKey(name);
        }

        /** Stores the response to replay; the key now counts as applied. */
        public void complete(int status, byte[] body) {
            try {
                table.client().updateItem(update -> update.tableName(table.name())
                        .key(key.toMap())
                        .updateExpression(
                                "SET #state = :completed, #status = :status, #body = :body, completedAt = :now")
                        .conditionExpression("#state = :inProgress")
                        .expressionAttributeNames(Map.of("#state", "state", "#status", "status", "#body", "body"))
                        .expressionAttributeValues(Map.of(
                                ":completed", AttributeValue.fromS(COMPLETED),
                                ":status", number(status),
                                ":body", AttributeValue.fromB(SdkBytes.fromByteArray(gzip(body))),
                                ":now", number(clock.millis()),
                                ":inProgress", AttributeValue.fromS(IN_PROGRESS))));
            } catch (ConditionalCheckFailedException completedByAnotherHolder) {
                // a retaken claim finished first with the same pinned numbers: same result
            }
        }

        /** The request was refused before it wrote anything (4xx): forget the key so it can be used again. */
        public void release() {
            try {
                table.client().deleteItem(delete -> delete.tableName(table.name())
                        .key(key.toMap())
                        .conditionExpression("#state = :inProgress AND #owner = :owner")
                        .expressionAttributeNames(Map.of("#state", "state", "#owner", "owner"))
                        .expressionAttributeValues(Map.of(
                                ":inProgress", AttributeValue.fromS(IN_PROGRESS),
                                ":owner", AttributeValue.fromS(owner))));
            } catch (ConditionalCheckFailedException notOursAnymore) {
                // retaken by a retry: it decides
            }
        }

        /**
         * The request failed unexpectedly and may have written part of its items: keep the pins and end the
         * lease now, so that a retry retakes the claim at once and finishes with the same numbers.
         */
        public void abandon() {
            try {
                table.client().updateItem(update -> update.tableName(table.name())
                        .key(key.toMap())
                        .updateExpression("SET leaseUntil = :now")
                        .conditionExpression("#state = :inProgress AND #owner = :owner")
                        .expressionAttributeNames(Map.of("#state", "state", "#owner", "owner"))
                        .expressionAttributeValues(Map.of(
                                ":now", number(0),
                                ":inProgress", AttributeValue.fromS(IN_PROGRESS),
                                ":owner", AttributeValue.fromS(owner))));
            } catch (ConditionalCheckFailedException notOursAnymore) {
                // retaken already
            }
        }
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] data) {
        try (GZIPInputStream zip = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return zip.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
