package dev.recipediff.functions.store;

import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The one DynamoDB table (single-table design): string partition key {@code pk}, string sort key {@code sk},
 * no secondary index, on-demand billing. On AWS the CDK stack creates it; tests and {@code serve} call
 * {@link #createIfMissing()}.
 */
public record RecipeTable(DynamoDbClient client, String name) {

    /** Creates the table when it does not exist and waits (bounded) until it is active. */
    public void createIfMissing() {
        try {
            client.describeTable(request -> request.tableName(name));
            return;
        } catch (ResourceNotFoundException absent) {
            // create it below
        }
        try {
            client.createTable(CreateTableRequest.builder()
                    .tableName(name)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            AttributeDefinition.builder()
                                    .attributeName(ItemKey.PK)
                                    .attributeType(ScalarAttributeType.S)
                                    .build(),
                            AttributeDefinition.builder()
                                    .attributeName(ItemKey.SK)
                                    .attributeType(ScalarAttributeType.S)
                                    .build())
                    .keySchema(
                            KeySchemaElement.builder()
                                    .attributeName(ItemKey.PK)
                                    .keyType(KeyType.HASH)
                                    .build(),
                            KeySchemaElement.builder()
                                    .attributeName(ItemKey.SK)
                                    .keyType(KeyType.RANGE)
                                    .build())
                    .build());
        } catch (ResourceInUseException createdConcurrently) {
            // someone else created it: wait for it like for ours
        }
        client.waiter()
                .waitUntilTableExists(
                        request -> request.tableName(name), waiter -> waiter.waitTimeout(Duration.ofSeconds(60)));
    }
}
