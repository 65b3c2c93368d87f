package dev.recipediff.functions.lambda.priming;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * SnapStart priming of the authorizer: SHA-256 (token hashes), and the DynamoDB client on the token lookup's
 * own path — a GetItem of a key no token has — plus DescribeTable. Registered by {@code AuthorizerHandler()} with
 * the handler's own client, so that the client the handler uses (its connections, credentials, endpoint) is the
 * one warmed.
 */
public final class AuthorizerPriming {

    private AuthorizerPriming() {}

    public static SnapStartPriming register(DynamoDbClient dynamoDb, String table) {
        return SnapStartPriming.register(create(dynamoDb, table));
    }

    static SnapStartPriming create(DynamoDbClient dynamoDb, String table) {
        return new SnapStartPriming(
                "authorizer",
                List.of(
                        new PrimingStep("sha-256", AuthorizerPriming::hashOnce),
                        new PrimingStep(
                                "dynamodb DescribeTable", () -> dynamoDb.describeTable(b -> b.tableName(table))),
                        new PrimingStep(
                                "dynamodb GetItem of an absent key",
                                () -> dynamoDb.getItem(b -> b.tableName(table)
                                        .key(Map.of(
                                                "pk",
                                                AttributeValue.fromS(PrimingKeys.ABSENT_ITEM),
                                                "sk",
                                                AttributeValue.fromS(PrimingKeys.ABSENT_ITEM)))))));
    }

    private static void hashOnce() {
        try {
            MessageDigest.getInstance("SHA-256").digest("priming".getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
