package dev.recipediff.infra;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.kms.IKey;
import software.constructs.Construct;

/**
 * The one DynamoDB table (recipes, makes, comparisons, tokens, idempotency records): on-demand,
 * point-in-time recovery, deletion protection, encrypted with the data key, kept on stack deletion.
 */
public final class DataTable extends Construct {

    private final Table table;
    private final TableSchema schema;

    public DataTable(Construct scope, String id, IKey dataKey, TableSchema schema) {
        super(scope, id);
        this.schema = schema;
        table = Table.Builder.create(this, "Table")
                .partitionKey(stringAttribute(schema.partitionKey()))
                .sortKey(stringAttribute(schema.sortKey()))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true)
                        .build())
                .deletionProtection(true)
                .encryption(TableEncryption.CUSTOMER_MANAGED)
                .encryptionKey(dataKey)
                .timeToLiveAttribute(schema.timeToLiveAttribute())
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        for (TableSchema.Index index : schema.indexes()) {
            table.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                    .indexName(index.name())
                    .partitionKey(stringAttribute(index.partitionKey()))
                    .sortKey(stringAttribute(index.sortKey()))
                    .projectionType(ProjectionType.ALL)
                    .build());
        }
    }

    private static Attribute stringAttribute(String name) {
        return Attribute.builder().name(name).type(AttributeType.STRING).build();
    }

    public Table table() {
        return table;
    }

    /** The table ARN and the ARN of each index, named one by one (no wildcard). */
    public List<String> tableAndIndexArns() {
        List<String> arns = new ArrayList<>();
        arns.add(table.getTableArn());
        for (TableSchema.Index index : schema.indexes()) {
            arns.add(table.getTableArn() + "/index/" + index.name());
        }
        return arns;
    }
}
