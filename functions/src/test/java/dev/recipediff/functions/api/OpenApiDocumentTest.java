package dev.recipediff.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recipediff.functions.dashboard.StaticAssets;
import dev.recipediff.functions.http.Route;
import dev.recipediff.functions.http.Routes;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Keeps openapi.json honest: every routed operation is documented and every documented one is routed. */
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private static JsonNode document() throws IOException {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream(OpenApiResource.RESOURCE)) {
            return new ObjectMapper().readTree(in);
        }
    }

    static Routes routes() {
        return ApiRoutes.of(
                new RecipeResource(null, null, null),
                new MakeResource(null, null, null, null),
                new TokenResource(null, null),
                new RejectionResource(null, null),
                new OpenApiResource(),
                new ApiRoutes.Dashboard(
                        new DashboardFiles(new StaticAssets()),
                        new StatsResource(null, null, null, null),
                        new PromoteResource(null, null, null, null),
                        new PipelineStatusResource(Optional.empty(), null, null)),
                new ApiRoutes.Analysis(
                        new InsightsResource(null, null, null, null, null, null),
                        new CompareResource(null, null, null, null, null, null)),
                new AuditResource(null, null));
    }

    /** The OpenAPI path of a route: API Gateway's greedy {@code {name+}} is written {@code {name}} there. */
    private static String documentedPath(Route route) {
        return route.path().template().replace("+}", "}");
    }

    private static Set<String> routed() {
        return routes().all().stream()
                .map(route -> route.method() + " " + documentedPath(route))
                .collect(Collectors.toSet());
    }

    @Test
    void everyRoutedOperationIsDocumentedAndViceVersa() throws IOException {
        Set<String> documented = new HashSet<>();
        document().get("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(operation -> METHODS.contains(operation.getKey()))
                .forEach(operation ->
                        documented.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));

        assertThat(documented).containsExactlyInAnyOrderElementsOf(routed());
    }

    @Test
    void itIsOpenApi31AndPublicRoutesOptOutOfSecurity() throws IOException {
        JsonNode document = document();

        assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(document.at("/paths/~1openapi.json/get/security")).isEmpty();
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asText())
                .isEqualTo("bearer");
    }

    @Test
    void everyDocumentedOperationDocumentsItsErrorsWithTheErrorShape() throws IOException {
        JsonNode document = document();
        assertThat(document.at("/components/schemas/Error/required"))
                .extracting(JsonNode::asText)
                .containsExactly("type", "title", "status", "detail", "error", "message", "details", "requestId");
        routes().all().stream().filter(route -> route.scope().isPresent()).forEach(route -> assertThat(
                        operation(document, route).get("responses").has("401"))
                .as(route.method() + " " + route.path().template())
                .isTrue());
    }

    private static JsonNode operation(JsonNode document, Route route) {
        return document.get("paths")
                .get(documentedPath(route))
                .get(route.method().toLowerCase(Locale.ROOT));
    }
}
