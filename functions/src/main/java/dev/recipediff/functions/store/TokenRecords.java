package dev.recipediff.functions.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/** Token items: {@code pk = TOKEN#<tokenId>}, {@code sk = TOKEN}, the kitchen as an attribute. */
public final class TokenRecords {

    private final RecipeTable table;

    public TokenRecords(RecipeTable table) {
        this.table = table;
    }

    /** Stores a new token; token ids are random, so an existing one is a programming error. */
    public void create(TokenRecord token) {
        Map<String, AttributeValue> item =
                new HashMap<>(ItemKey.token(token.tokenId()).toMap());
        item.put("kitchen", AttributeValue.fromS(token.kitchen()));
        item.put(
                "scopes", AttributeValue.fromSs(token.scopes().stream().sorted().toList()));
        item.put("secretHash", AttributeValue.fromB(SdkBytes.fromByteArray(token.secretHash())));
        item.put("label", AttributeValue.fromS(token.label()));
        item.put("createdAt", AttributeValue.fromS(token.createdAt().toString()));
        table.client()
                .putItem(put -> put.tableName(table.name()).item(item).conditionExpression("attribute_not_exists(pk)"));
    }

    public Optional<TokenRecord> find(String tokenId) {
        GetItemResponse response = table.client().getItem(get -> get.tableName(table.name())
                .key(ItemKey.token(tokenId).toMap())
                .consistentRead(true));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        return Optional.of(new TokenRecord(
                tokenId,
                item.get("kitchen").s(),
                new HashSet<>(item.get("scopes").ss()),
                item.get("secretHash").b().asByteArray(),
                item.get("label").s(),
                Instant.parse(item.get("createdAt").s())));
    }

    /** Deletes the token when it belongs to {@code kitchen}; false when there is no such token there. */
    public boolean delete(String kitchen, String tokenId) {
        try {
            table.client().deleteItem(delete -> delete.tableName(table.name())
                    .key(ItemKey.token(tokenId).toMap())
                    .conditionExpression("kitchen = :kitchen")
                    .expressionAttributeValues(Map.of(":kitchen", AttributeValue.fromS(kitchen))));
            return true;
        } catch (ConditionalCheckFailedException absentOrAnotherKitchen) {
            return false;
        }
    }
}
