package dev.recipediff.infra;

import static dev.recipediff.infra.TemplateQueries.arnOf;
import static dev.recipediff.infra.TemplateQueries.asList;
import static dev.recipediff.infra.TemplateQueries.logicalId;
import static dev.recipediff.infra.TemplateQueries.properties;
import static dev.recipediff.infra.TemplateQueries.ref;
import static dev.recipediff.infra.TemplateQueries.statements;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.assertions.Template;

/**
 * What each of the api's routes needs on AWS — the environment variables its handler reads and the IAM actions
 * its SDK calls make — is in the template. (The SDK clients in the api's jar: {@link LambdaJarsTest}.) A route
 * that works in {@code serve} but not on AWS (as {@code /pipeline/status} once did: no {@code JOBS_QUEUE_URL}, no
 * permission) fails here.
 */
class RouteNeedsTest {

    private static final SynthesizedRecipediff SYNTHESIZED = SynthesizedRecipediff.get();

    /** One IAM action on one resource (as the template writes it). */
    record Permission(String action, Object resource) {}

    /**
     * @param routes      the routes (ApiRoutes) that share these needs
     * @param environment variable → the template value it must have
     */
    record Needs(String routes, Map<String, Object> environment, List<Permission> permissions) {
        @Override
        public String toString() {
            return routes;
        }
    }

    static Stream<Needs> routes() {
        RecipediffStack stack = SYNTHESIZED.stack;
        Object table = arnOf(stack, stack.table().table());
        Object bucket = arnOf(stack, stack.files().files());
        Object jobs = arnOf(stack, stack.queues().jobs());
        Object deadLetters = arnOf(stack, stack.queues().jobsDeadLetters());
        Map<String, Object> tableName =
                Map.of("TABLE_NAME", ref(stack, stack.table().table()));
        return Stream.of(
                new Needs(
                        "recipes, makes, differences, stats, promote, tokens (the table)",
                        tableName,
                        List.of(
                                new Permission("dynamodb:GetItem", table),
                                new Permission("dynamodb:Query", table),
                                new Permission("dynamodb:PutItem", table),
                                new Permission("dynamodb:UpdateItem", table),
                                new Permission("dynamodb:DeleteItem", table))),
                new Needs(
                        "GET /rejections",
                        Map.of("BUCKET_NAME", ref(stack, stack.files().files())),
                        List.of(
                                new Permission("s3:ListBucket", bucket),
                                new Permission(
                                        "s3:GetObject",
                                        stack.resolve(stack.files().objectsInEveryKitchen("rejected"))))),
                new Needs(
                        "GET /pipeline/status",
                        Map.of("JOBS_QUEUE_URL", ref(stack, stack.queues().jobs())),
                        List.of(
                                new Permission("sqs:GetQueueAttributes", jobs),
                                new Permission("sqs:GetQueueAttributes", deadLetters),
                                new Permission("sqs:GetQueueUrl", deadLetters))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void theApiFunctionHasTheEnvironmentTheRouteReads(Needs needs) {
        assertThat(environment()).containsAllEntriesOf(needs.environment());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void theApiFunctionMayMakeTheCallsTheRouteMakes(Needs needs) {
        List<Map<String, Object>> statements = statements(template(), SYNTHESIZED.stack, SYNTHESIZED.stack.api());
        for (Permission permission : needs.permissions()) {
            assertThat(statements).as(permission.toString()).anySatisfy(statement -> {
                assertThat(statement.get("Effect")).isEqualTo("Allow");
                assertThat(asList(statement.get("Action"))).contains(permission.action());
                assertThat(resources(statement)).contains(permission.resource());
            });
        }
    }

    private static Template template() {
        return SYNTHESIZED.template;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> resources(Map<String, Object> statement) {
        return statement.get("Resource") instanceof List<?> list
                ? (List<Object>) list
                : List.of(statement.get("Resource"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment() {
        RecipediffStack stack = SYNTHESIZED.stack;
        Map<String, Object> environment = (Map<String, Object>)
                properties(template(), logicalId(stack, stack.api().function())).get("Environment");
        return (Map<String, Object>) environment.get("Variables");
    }
}
