package dev.recipediff.functions.priming;

import dev.recipediff.functions.config.AwsClients;
import dev.recipediff.functions.config.FunctionsConfig;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * SnapStart priming of the api function: the document path and comparison engine, the DynamoDB client
 * (DescribeTable of the table) and the S3 client (a one-key listing of rejection reports, what
 * {@code GET /rejections} does). Register from {@code ApiHandler()}: {@code ApiPriming.register(config)}.
 */
public final class ApiPriming {

    private ApiPriming() {
    }

    public static SnapStartPriming register(FunctionsConfig config) {
        AwsClients clients = new AwsClients(config);
        return SnapStartPriming.register(create(clients.dynamoDb(), config.requireTableName(),
                clients.s3(), config.requireBucketName(), new EngineWarmUp()));
    }

    static SnapStartPriming create(DynamoDbClient dynamoDb, String table, S3Client s3, String bucket,
                                   EngineWarmUp engine) {
        List<PrimingStep> steps = new ArrayList<>(engine.all());
        steps.add(new PrimingStep("dynamodb DescribeTable", () -> dynamoDb.describeTable(b -> b.tableName(table))));
        steps.add(PrimingStep.answeredByAws("s3 ListObjectsV2 of rejection reports", () -> s3.listObjectsV2(
                b -> b.bucket(bucket).prefix(PrimingKeys.KITCHEN + "/rejected/").maxKeys(1))));
        return new SnapStartPriming("api", steps);
    }
}
