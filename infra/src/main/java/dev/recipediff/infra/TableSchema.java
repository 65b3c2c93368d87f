package dev.recipediff.infra;

import java.util.List;

/**
 * The DynamoDB key schema the functions expect — the one place to adjust when the storage design changes.
 * It mirrors {@code dev.recipediff.functions.store.RecipeTable} (single-table design: string {@code pk} and
 * {@code sk}, no secondary index, no time-to-live attribute). All key attributes are strings.
 *
 * @param timeToLiveAttribute the item expiry attribute, or null for none
 */
public record TableSchema(String partitionKey, String sortKey, List<Index> indexes, String timeToLiveAttribute) {

    /** A global secondary index projecting all attributes. */
    public record Index(String name, String partitionKey, String sortKey) {}

    public static final TableSchema RECIPEDIFF = new TableSchema("pk", "sk", List.of(), null);

    public TableSchema {
        indexes = List.copyOf(indexes);
    }
}
