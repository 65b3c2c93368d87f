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
        template.hasResourceProperties(
                "AWS::DynamoDB::Table",
                Map.of(
                        "BillingMode",
                        "PAY_PER_REQUEST",
                        "PointInTimeRecoverySpecification",
                        Map.of("PointInTimeRecoveryEnabled", true),
                        "DeletionProtectionEnabled",
                        true));
        assertThat(resource(template, logicalId(stack, stack.table().table())).get("DeletionPolicy"))
                .isEqualTo("Retain");
    }

    @Test
    void theTableIsEncryptedWithTheCustomerManagedDataKey() {
        template.hasResourceProperties(
                "AWS::DynamoDB::Table",
                Map.of(
                        "SSESpecification",
                        Map.of(
                                "SSEEnabled",
                                true,
                                "SSEType",
                                "KMS",
                                "KMSMasterKeyId",
                                arnOf(stack, stack.keys().data()))));
    }

    @Test
    void theKeySchemaIsTheOneTheFunctionsUse() {
        template.hasResourceProperties(
                "AWS::DynamoDB::Table",
                Map.of(
                        "KeySchema",
                                List.of(
                                        Map.of("AttributeName", "pk", "KeyType", "HASH"),
                                        Map.of("AttributeName", "sk", "KeyType", "RANGE")),
                        "AttributeDefinitions",
                                List.of(
                                        Map.of("AttributeName", "pk", "AttributeType", "S"),
                                        Map.of("AttributeName", "sk", "AttributeType", "S")),
                        "GlobalSecondaryIndexes", Match.absent()));
    }

    @Test
    void aDeclaredIndexIsNamedOneByOneInTheGrants() {
        assertThat(stack.table().tableAndIndexArns())
                .hasSize(1 + TableSchema.RECIPEDIFF.indexes().size());
    }
}
