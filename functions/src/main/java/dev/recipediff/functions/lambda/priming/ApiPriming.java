package dev.recipediff.functions.lambda.priming;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * SnapStart priming of the api function: the document path and comparison engine, the DynamoDB client
 * (DescribeTable of the table) and the S3 client (a one-key listing of rejection reports, what
 * {@code GET /rejections} does). Registered by {@code ApiHandler()} with the handler's own clients; the S3 client,
 * which the handler builds only when {@code GET /rejections} is first served, is built by priming so that the
 * snapshot holds it.
 */
public final class ApiPriming {

    private ApiPriming() {}

    public static SnapStartPriming register(
            DynamoDbClient dynamoDb, String table, Supplier<S3Client> s3, String bucket) {
        return SnapStartPriming.register(create(dynamoDb, table, s3, bucket, new EngineWarmUp()));
    }

    static SnapStartPriming create(
            DynamoDbClient dynamoDb, String table, Supplier<S3Client> s3, String bucket, EngineWarmUp engine) {
        List<PrimingStep> steps = new ArrayList<>(engine.all());
        steps.add(new PrimingStep("dynamodb DescribeTable", () -> dynamoDb.describeTable(b -> b.tableName(table))));
        steps.add(PrimingStep.answeredByAws(
                "s3 ListObjectsV2 of rejection reports", () -> s3.get().listObjectsV2(b -> b.bucket(bucket)
                        .prefix(PrimingKeys.KITCHEN + "/rejected/")
                        .maxKeys(1))));
        return new SnapStartPriming("api", steps);
    }
}
