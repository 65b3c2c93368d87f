package dev.recipediff.infra;

import java.util.List;

/**
 * The DynamoDB key schema the functions expect — the one place to adjust when the storage design
 * (docs/architecture.md, "Storage") changes. All key attributes are strings.
 */
public record TableSchema(String partitionKey, String sortKey, List<Index> indexes, String timeToLiveAttribute) {

    /** A global secondary index projecting all attributes. */
    public record Index(String name, String partitionKey, String sortKey) {
    }

    public static final TableSchema RECIPEDIFF = new TableSchema(
            "pk", "sk", List.of(new Index("gsi1", "gsi1pk", "gsi1sk")), "expiresAt");

    public TableSchema {
        indexes = List.copyOf(indexes);
    }
}
