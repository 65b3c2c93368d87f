package dev.recipediff.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cost model's arithmetic: counted calls per make × published unit prices. */
class CostModelTest {

    private static final long MAKES = 100;

    /** What 100 makes counted: one job batch per make, 20 batches received, 7 DynamoDB calls per make. */
    private static SdkCallCounter.Counts hundredMakes() {
        return new SdkCallCounter.Counts(
                Map.of(
                        "S3.PutObject", 100L,
                        "S3.GetObject", 100L,
                        "S3.DeleteObject", 100L,
                        "Sqs.SendMessageBatch", 100L,
                        "Sqs.ReceiveMessage", 20L,
                        "Sqs.ReceiveMessage(empty)", 500L,
                        "Sqs.DeleteMessageBatch", 20L,
                        "DynamoDb.PutItem", 400L,
                        "DynamoDb.UpdateItem", 300L),
                150,
                1_200);
    }

    private static CostModel.Line line(CostModel model, String service, String itemStart) {
        return model.lines().stream()
                .filter(l -> l.service().equals(service) && l.item().startsWith(itemStart))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void dynamoDbCostsTheCountedUnitsPerMakeAtTheOnDemandPrices() {
        CostModel model = CostModel.of(hundredMakes(), MAKES, CostModel.Stack.deployed(), 20, 0);

        assertThat(line(model, "DynamoDB", "write").perMake()).isEqualTo(12.0);
        assertThat(line(model, "DynamoDB", "write").dollarsPerMillion()).isCloseTo(12 * 0.625, within(1e-9));
        assertThat(line(model, "DynamoDB", "read").dollarsPerMillion()).isCloseTo(1.5 * 0.125, within(1e-9));
    }

    @Test
    void sqsCountsEveryRequestButTheEmptyPolls() {
        CostModel model = CostModel.of(hundredMakes(), MAKES, CostModel.Stack.deployed(), 20, 0);

        assertThat(line(model, "SQS", "requests").perMake()).isEqualTo((100 + 20 + 20) / 100.0);
        assertThat(line(model, "SQS", "requests").dollarsPerMillion()).isCloseTo(1.4 * 0.40, within(1e-9));
    }

    @Test
    void lambdaDurationIsInvocationsTimesMemoryTimesBilledTime() {
        CostModel model = CostModel.of(
                hundredMakes(), MAKES, CostModel.Stack.deployed().withDurations(Map.of("sender", 500.0)), 20, 0);

        // 0.2 sender invocations per make (20 batches for 100 makes) × 1 GB × 0.5 s
        assertThat(line(model, "Lambda", "sender duration").perMake()).isCloseTo(0.1, within(1e-12));
        assertThat(line(model, "Lambda", "sender requests").perMake()).isCloseTo(0.2, within(1e-12));
        assertThat(line(model, "Lambda", "api requests").perMake()).isEqualTo(1.0);
        assertThat(line(model, "Lambda", "authorizer requests").perMake()).isCloseTo(1 / 600.0, within(1e-12));
    }

    @Test
    void s3PricesPutsAndGetsApartAndDeletesAreFree() {
        CostModel model = CostModel.of(hundredMakes(), MAKES, CostModel.Stack.deployed(), 20, 0);

        assertThat(line(model, "S3", "PUT").dollarsPerMillion()).isCloseTo(5.0, within(1e-9));
        assertThat(line(model, "S3", "GET").dollarsPerMillion()).isCloseTo(0.4, within(1e-9));
    }

    @Test
    void theTotalIsTheSumOfTheLinesAndTheBiggestComeFirst() {
        CostModel model = CostModel.of(hundredMakes(), MAKES, CostModel.Stack.deployed(), 20, 0);

        double sum = model.lines().stream()
                .mapToDouble(CostModel.Line::dollarsPerMillion)
                .sum();
        assertThat(model.dollarsPerMillion()).isCloseTo(sum, within(1e-9));
        assertThat(model.biggest(3)).hasSize(3);
        assertThat(model.biggest(3).get(0).dollarsPerMillion())
                .isGreaterThanOrEqualTo(model.biggest(3).get(1).dollarsPerMillion());
        assertThat(model.biggest(1).getFirst().item()).isEqualTo("write request units");
    }

    @Test
    void kmsRequestsWithoutBucketKeysWouldCostPerObject() {
        CostModel withLevers = CostModel.of(hundredMakes(), MAKES, CostModel.Stack.deployed(), 20, 0);
        CostModel withoutBucketKeys = CostModel.of(hundredMakes(), MAKES, CostModel.Stack.deployed(), 20, 2);

        assertThat(line(withLevers, "KMS", "requests").dollarsPerMillion()).isZero();
        assertThat(line(withoutBucketKeys, "KMS", "requests").dollarsPerMillion())
                .isCloseTo(6.0, within(1e-9));
    }
}
