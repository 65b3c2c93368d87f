package dev.recipediff.infra;

import static dev.recipediff.infra.TemplateQueries.arnOf;
import static dev.recipediff.infra.TemplateQueries.logicalId;
import static dev.recipediff.infra.TemplateQueries.resource;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class DataTableTest {

    private final SynthesizedRecipediff synthesized = SynthesizedRecipediff.get();
    private final RecipediffStack stack = synthesized.stack;
    private final Template template = synthesized.template;

    @Test
    void theTableIsOnDemandWithPointInTimeRecoveryAndDeletionProtection() {
        template.hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                "BillingMode", "PAY_PER_REQUEST",
                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                "DeletionProtectionEnabled", true));
        assertThat(resource(template, logicalId(stack, stack.table().table())).get("DeletionPolicy")).isEqualTo("Retain");
    }

    @Test
    void theTableIsEncryptedWithTheCustomerManagedDataKey() {
        template.hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                "SSESpecification", Map.of("SSEEnabled", true, "SSEType", "KMS",
                        "KMSMasterKeyId", arnOf(stack, stack.keys().data()))));
    }

    @Test
    void theKeySchemaIsTheDeclaredOne() {
        TableSchema schema = TableSchema.RECIPEDIFF;
        TableSchema.Index index = schema.indexes().getFirst();
        template.hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                "KeySchema", List.of(
                        Map.of("AttributeName", schema.partitionKey(), "KeyType", "HASH"),
                        Map.of("AttributeName", schema.sortKey(), "KeyType", "RANGE")),
                "GlobalSecondaryIndexes", List.of(Match.objectLike(Map.of(
                        "IndexName", index.name(),
                        "KeySchema", List.of(
                                Map.of("AttributeName", index.partitionKey(), "KeyType", "HASH"),
                                Map.of("AttributeName", index.sortKey(), "KeyType", "RANGE")),
                        "Projection", Map.of("ProjectionType", "ALL"))))));
    }
}
