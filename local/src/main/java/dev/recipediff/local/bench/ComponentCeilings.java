package dev.recipediff.local.bench;

import dev.recipediff.core.compare.MakeComparator;
import dev.recipediff.core.format.RecipeReader;
import dev.recipediff.core.format.RecipeWriter;
import dev.recipediff.core.model.Make;
import dev.recipediff.core.model.Recipe;
import dev.recipediff.functions.store.RecipeTable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Measures what each component of the pipeline allows alone, against the same emulators serve runs — in
 * places of their own (a bucket, a queue, a table and recipes the pipeline does not use), so the probes
 * neither feed nor disturb the pipeline's data:
 * <ul>
 *   <li>S3: put + get of a make-sized object;</li>
 *   <li>SQS: send + receive + delete of a job-sized message, in batches of ten (as the pipeline may);</li>
 *   <li>DynamoDB: put of a make-sized item;</li>
 *   <li>API: {@code POST /recipes/{id}/makes} over HTTP with an Idempotency-Key (authorizer + API + DynamoDB);</li>
 *   <li>compare: {@link MakeComparator#compare} in process, one thread per core.</li>
 * </ul>
 */
public final class ComponentCeilings {

    static final String CEILING_BUCKET = "bench-ceiling";
    static final String CEILING_QUEUE = "bench-ceiling";
    static final String CEILING_TABLE = "bench-ceiling";
    static final long FIRST_CEILING_RECIPE_ID = 900_001;
    static final int CEILING_RECIPES = 10;
    private static final int SQS_BATCH = 10;

    private final BenchServe serve;
    private final int threads;
    private final Duration warmUp;
    private final Duration measured;

    public ComponentCeilings(BenchServe serve, int threads, Duration warmUp, Duration measured) {
        this.serve = serve;
        this.threads = threads;
        this.warmUp = warmUp;
        this.measured = measured;
    }

    public List<Ceiling> measureAll() throws InterruptedException {
        List<Recipe> recipes = ceilingRecipes();
        List<GeneratedMake> makes = new MakeGenerator(recipes, 7)
                .generate(2_000).stream().filter(GeneratedMake::valid).toList();
        byte[] sample = makes.getFirst().body();
        List<Ceiling> ceilings = new ArrayList<>();
        ceilings.add(s3(sample));
        ceilings.add(sqs());
        ceilings.add(dynamoDb(new String(sample, StandardCharsets.UTF_8)));
        ceilings.add(api(recipes, makes));
        ceilings.add(compare(recipes, makes));
        return ceilings;
    }

    Ceiling s3(byte[] body) throws InterruptedException {
        var s3 = serve.s3();
        s3.createBucket(b -> b.bucket(CEILING_BUCKET));
        return FixedDurationLoad.measure("s3", "put + get", threads, warmUp, measured, (thread, i) -> {
            // no slash in the key: the watcher ignores it (not under a kitchen), as it does any foreign object
            String key = "ceiling-" + thread + "-" + i + ".json";
            s3.putObject(b -> b.bucket(CEILING_BUCKET).key(key), RequestBody.fromBytes(body));
            s3.getObjectAsBytes(b -> b.bucket(CEILING_BUCKET).key(key));
            return 1;
        });
    }

    Ceiling sqs() throws InterruptedException {
        var sqs = serve.sqs();
        String queueUrl = sqs.createQueue(b -> b.queueName(CEILING_QUEUE)).queueUrl();
        String body = "{\"bucket\":\"recipediff-files\",\"key\":\"default/makes/bench-0000001.json\","
                + "\"eTag\":\"0123456789abcdef0123456789abcdef\",\"size\":1234,\"kind\":\"make\",\"kitchen\":\"default\"}";
        return FixedDurationLoad.measure(
                "sqs", "send + receive + delete, batches of " + SQS_BATCH, threads, warmUp, measured, (thread, i) -> {
                    List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
                    for (int e = 0; e < SQS_BATCH; e++) {
                        entries.add(SendMessageBatchRequestEntry.builder()
                                .id("m" + e)
                                .messageBody(body)
                                .build());
                    }
                    sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
                    List<Message> received = sqs.receiveMessage(b -> b.queueUrl(queueUrl)
                                    .maxNumberOfMessages(SQS_BATCH)
                                    .waitTimeSeconds(0))
                            .messages();
                    if (received.isEmpty()) {
                        return 0;
                    }
                    List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
                    for (int e = 0; e < received.size(); e++) {
                        deletes.add(DeleteMessageBatchRequestEntry.builder()
                                .id("d" + e)
                                .receiptHandle(received.get(e).receiptHandle())
                                .build());
                    }
                    sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(deletes));
                    return received.size();
                });
    }

    Ceiling dynamoDb(String document) throws InterruptedException {
        var dynamoDb = serve.dynamoDb();
        new RecipeTable(dynamoDb, CEILING_TABLE).createIfMissing();
        return FixedDurationLoad.measure(
                "dynamodb", "put of a make-sized item", threads, warmUp, measured, (thread, i) -> {
                    dynamoDb.putItem(b -> b.tableName(CEILING_TABLE)
                            .item(Map.of(
                                    "pk", AttributeValue.fromS("CEILING#" + thread),
                                    "sk", AttributeValue.fromS(Long.toString(i)),
                                    "document", AttributeValue.fromS(document))));
                    return 1;
                });
    }

    Ceiling api(List<Recipe> recipes, List<GeneratedMake> makes) throws InterruptedException {
        BenchApi api = serve.api();
        RecipeWriter writer = new RecipeWriter();
        for (Recipe recipe : recipes) {
            BenchApi.Answer answer = api.createRecipe(writer.write(recipe));
            if (answer.status() != 201 && answer.status() != 409) {
                throw new IllegalStateException(
                        "creating ceiling recipe " + recipe.recipeId() + ": HTTP " + answer.status());
            }
        }
        String run = UUID.randomUUID().toString();
        return FixedDurationLoad.measure(
                "api", "POST /recipes/{id}/makes over HTTP", threads, warmUp, measured, (thread, i) -> {
                    GeneratedMake make = makes.get((int) ((thread * 7919L + i) % makes.size()));
                    BenchApi.Answer answer =
                            api.postMake(make.recipeId(), make.body(), "ceiling/" + run + "/" + thread + "/" + i);
                    if (answer.status() != 201) {
                        throw new IllegalStateException("POST make answered " + answer.status() + ": " + answer.body());
                    }
                    return 1;
                });
    }

    Ceiling compare(List<Recipe> recipes, List<GeneratedMake> makes) throws InterruptedException {
        RecipeReader reader = new RecipeReader();
        MakeComparator comparator = new MakeComparator();
        List<Make> parsed =
                makes.stream().map(make -> reader.readMake(make.body())).toList();
        Map<Long, Recipe> byId = new java.util.HashMap<>();
        recipes.forEach(recipe -> byId.put(recipe.recipeId(), recipe));
        int cores = Runtime.getRuntime().availableProcessors();
        return FixedDurationLoad.measure(
                "compare", "MakeComparator.compare in process", cores, warmUp, measured, (thread, i) -> {
                    Make make = parsed.get((int) ((thread * 7919L + i) % parsed.size()));
                    if (comparator.compare(byId.get(make.recipeId()), make) == null) {
                        throw new IllegalStateException("no comparison");
                    }
                    return 1;
                });
    }

    static List<Recipe> ceilingRecipes() {
        return RecipeCatalog.generate(CEILING_RECIPES, 99).stream()
                .map(recipe -> recipe.withRecipeId(
                        recipe.recipeId() - RecipeCatalog.FIRST_RECIPE_ID + FIRST_CEILING_RECIPE_ID))
                .toList();
    }
}
