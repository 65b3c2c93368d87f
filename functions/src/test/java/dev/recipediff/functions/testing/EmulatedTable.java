package dev.recipediff.functions.testing;

import dev.recipediff.emulators.dynamodb.DynaliteProcess;
import dev.recipediff.functions.config.AwsClients;
import dev.recipediff.functions.config.FunctionsConfig;
import dev.recipediff.functions.store.RecipeTable;
import java.util.Map;
import java.util.UUID;

/** A fresh table in the shared dynalite, and the configuration that points the handlers at it. */
public record EmulatedTable(FunctionsConfig config, RecipeTable table) {

    public static EmulatedTable create(DynaliteProcess dynalite, String purpose) {
        String name = purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
        FunctionsConfig config = FunctionsConfig.fromEnvironment(Map.of(
                "TABLE_NAME", name,
                "BUCKET_NAME", "recipediff-test-files",
                "AWS_REGION", "eu-west-1",
                "AWS_ENDPOINT_URL_DYNAMODB", dynalite.endpoint().toString(),
                "AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9"));
        RecipeTable table = new RecipeTable(new AwsClients(config).dynamoDb(), name);
        table.createIfMissing();
        return new EmulatedTable(config, table);
    }
}
