package dev.recipediff.local.bench;

import dev.recipediff.functions.store.ItemKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Finds out when each uploaded make is done — recorded with its differences (readable through the API), or
 * rejected with a report — by polling cheaply: one BatchGetItem of the recipes' make-id counters, then a
 * BatchGetItem of only the make items whose ids were handed out since, and one listing of the rejection
 * reports (every {@value #REPORT_LISTING_EVERY}th poll only). A recorded make counts as done at the first poll
 * that sees it, so its latency includes up to one poll interval plus one poll's duration of detection delay; a
 * rejected one up to ten intervals. The makes must have consecutive sequences (a warm-up's start far above
 * the measured ones', so that neither is mistaken for the other).
 */
public final class CompletionTracker {

    private static final int BATCH_GET_LIMIT = 100;
    /** Rejection reports are listed every this many polls (and on the last ones): listing costs S3Proxy a directory walk. */
    static final int REPORT_LISTING_EVERY = 10;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final S3Client s3;
    private final String bucket;
    private final String kitchen;
    private final List<GeneratedMake> makes;
    private final int firstSequence;
    private final AtomicLongArray doneAt;
    private final boolean[] recorded;
    private final AtomicInteger done = new AtomicInteger();
    private final Map<Long, RecipeProgress> recipes = new LinkedHashMap<>();
    private int unexpected;
    private int polls;

    private static final class RecipeProgress {
        int outstanding;
        long highestProbed;
        final TreeSet<Long> missing = new TreeSet<>();
    }

    public CompletionTracker(
            DynamoDbClient dynamoDb,
            String table,
            S3Client s3,
            String bucket,
            String kitchen,
            List<GeneratedMake> makes) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.s3 = s3;
        this.bucket = bucket;
        this.kitchen = kitchen;
        this.makes = makes;
        this.firstSequence = makes.isEmpty() ? 0 : makes.getFirst().sequence();
        this.doneAt = new AtomicLongArray(makes.size());
        this.recorded = new boolean[makes.size()];
        for (GeneratedMake make : makes) {
            if (make.valid()) {
                recipes.computeIfAbsent(make.recipeId(), id -> new RecipeProgress()).outstanding++;
            }
        }
    }

    public int done() {
        return done.get();
    }

    /** {@link System#nanoTime()} when make {@code sequence} was first seen done; 0 while it is not. */
    public long doneAt(int sequence) {
        return doneAt.get(sequence - firstSequence);
    }

    /** Makes recorded before this tracker's makes were uploaded (a warm-up's) are not looked at again. */
    public synchronized void skipMakesRecordedSoFar() {
        List<Long> all = new ArrayList<>(recipes.keySet());
        lastMakeIds(all).forEach((recipeId, lastId) -> recipes.get(recipeId).highestProbed = lastId);
    }

    /** Polls until every make is done or {@code timeout} passed; returns whether all are done. */
    public boolean awaitAll(Duration timeout, Duration interval, Runnable onEachPoll) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (done.get() < makes.size() && System.nanoTime() < deadline) {
            pollOnce();
            onEachPoll.run();
            if (done.get() < makes.size()) {
                Thread.sleep(interval);
            }
        }
        return done.get() == makes.size();
    }

    /** One poll: recorded makes from DynamoDB, rejected ones from the bucket. */
    public synchronized void pollOnce() {
        List<Long> active = recipes.entrySet().stream()
                .filter(e -> e.getValue().outstanding > 0)
                .map(Map.Entry::getKey)
                .toList();
        Map<Long, Long> lastIds = lastMakeIds(active);
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (Long recipeId : active) {
            RecipeProgress progress = recipes.get(recipeId);
            long lastId = lastIds.getOrDefault(recipeId, 0L);
            for (long id = progress.highestProbed + 1; id <= lastId; id++) {
                progress.missing.add(id);
            }
            progress.highestProbed = Math.max(progress.highestProbed, lastId);
            for (Long makeId : progress.missing) {
                keys.add(ItemKey.make(kitchen, recipeId, makeId).toMap());
            }
        }
        long now = System.nanoTime();
        for (Map<String, AttributeValue> item : batchGet(keys, "pk, sk, #document", Map.of("#document", "document"))) {
            String pk = item.get(ItemKey.PK).s();
            long recipeId = Long.parseLong(pk.substring(pk.lastIndexOf('#') + 1));
            long makeId = Long.parseLong(item.get(ItemKey.SK).s().substring(ItemKey.MAKE_PREFIX.length()));
            RecipeProgress progress = recipes.get(recipeId);
            if (progress != null
                    && progress.missing.remove(makeId)
                    && markDone(MakeGenerator.sequenceOf(item.get("document").s()), true, now)) {
                progress.outstanding--;
            }
        }
        boolean onlyRejectionsLeft = recipes.values().stream().allMatch(progress -> progress.outstanding == 0);
        if (polls++ % REPORT_LISTING_EVERY == 0 || onlyRejectionsLeft) {
            for (S3Object report : s3.listObjectsV2Paginator(
                            b -> b.bucket(bucket).prefix(kitchen + "/rejected/makes/"))
                    .contents()) {
                markDone(sequenceOfReport(report.key()), false, System.nanoTime());
            }
        }
    }

    /** How many makes were recorded, rejected, and came out differently than generated (a valid one rejected…). */
    public synchronized Accounting accounting() {
        int recordedCount = 0;
        int rejectedCount = 0;
        for (int i = 0; i < makes.size(); i++) {
            if (doneAt.get(i) != 0) {
                if (recorded[i]) {
                    recordedCount++;
                } else {
                    rejectedCount++;
                }
            }
        }
        return new Accounting(
                makes.size(), recordedCount, rejectedCount, makes.size() - recordedCount - rejectedCount, unexpected);
    }

    /**
     * @param uploaded   makes uploaded
     * @param recorded   recorded with differences
     * @param rejected   given a rejection report
     * @param missing    neither (yet)
     * @param unexpected done the other way than generated (a valid make rejected or an invalid one recorded)
     */
    public record Accounting(int uploaded, int recorded, int rejected, int missing, int unexpected) {
        public boolean complete() {
            return missing == 0 && unexpected == 0;
        }
    }

    /** Marks one of this tracker's makes done; false for other makes (a warm-up's, another run's). */
    private boolean markDone(int sequence, boolean wasRecorded, long now) {
        int index = sequence - firstSequence;
        if (index < 0 || index >= makes.size() || doneAt.get(index) != 0) {
            return false;
        }
        recorded[index] = wasRecorded;
        if (makes.get(index).valid() != wasRecorded) {
            unexpected++;
        }
        doneAt.set(index, now);
        done.incrementAndGet();
        return true;
    }

    static int sequenceOfReport(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        if (!name.startsWith(GeneratedMake.MADE_BY_PREFIX)) {
            return -1;
        }
        int end = name.indexOf('.');
        try {
            return Integer.parseInt(name.substring(GeneratedMake.MADE_BY_PREFIX.length(), end));
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            return -1;
        }
    }

    private Map<Long, Long> lastMakeIds(List<Long> recipeIds) {
        List<Map<String, AttributeValue>> keys = recipeIds.stream()
                .map(id -> ItemKey.makeIdCounter(kitchen, id).toMap())
                .toList();
        Map<Long, Long> lastIds = new HashMap<>();
        for (Map<String, AttributeValue> item : batchGet(keys, "pk, lastId", Map.of())) {
            String pk = item.get(ItemKey.PK).s();
            lastIds.put(
                    Long.parseLong(pk.substring(pk.lastIndexOf('#') + 1)),
                    Long.parseLong(item.get("lastId").n()));
        }
        return lastIds;
    }

    /** BatchGetItem in chunks of 100; keys DynamoDB did not process are simply asked for at the next poll. */
    private List<Map<String, AttributeValue>> batchGet(
            List<Map<String, AttributeValue>> keys, String projection, Map<String, String> names) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += BATCH_GET_LIMIT) {
            KeysAndAttributes.Builder request = KeysAndAttributes.builder()
                    .keys(keys.subList(from, Math.min(keys.size(), from + BATCH_GET_LIMIT)))
                    .projectionExpression(projection)
                    .consistentRead(true);
            if (!names.isEmpty()) {
                request.expressionAttributeNames(names);
            }
            BatchGetItemResponse response = dynamoDb.batchGetItem(b -> b.requestItems(Map.of(table, request.build())));
            items.addAll(response.responses().getOrDefault(table, List.of()));
        }
        return items;
    }
}
