package dev.recipediff.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recipediff.core.testing.SampleFiles;
import dev.recipediff.emulators.dynamodb.DynaliteExtension;
import dev.recipediff.emulators.dynamodb.DynaliteProcess;
import dev.recipediff.functions.auth.AuthorizerContext;
import dev.recipediff.functions.auth.Scope;
import dev.recipediff.functions.config.FunctionsConfig;
import dev.recipediff.functions.lambda.ApiHandler;
import dev.recipediff.functions.testing.ApiClient;
import dev.recipediff.functions.testing.ApiClient.Reply;
import dev.recipediff.functions.testing.ApiEvents;
import dev.recipediff.functions.testing.EmulatedTable;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every error the API answers, each in the uniform JSON shape with the request id. */
@ExtendWith(DynaliteExtension.class)
class ApiErrorsIT {

    private static ApiHandler handler;
    private static ApiClient kitchen;
    private static FunctionsConfig config;

    @BeforeAll
    static void handler(DynaliteProcess dynalite) {
        config = EmulatedTable.create(dynalite, "errors").config();
        handler = new ApiHandler(config);
        kitchen = ApiClient.readWrite(handler, "errors");
    }

    private static void assertError(Reply reply, int status, String code) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.json().get("error").asText()).isEqualTo(code);
        assertThat(reply.json().get("message").asText()).isNotBlank();
        assertThat(reply.json().get("details").isArray()).isTrue();
        assertThat(reply.json().get("requestId").asText()).isEqualTo("Qm3xYhZ0DoEEJbA=");
    }

    @Test
    void invalidJsonIsABadRequestWithAPointer() {
        Reply reply = kitchen.post("/recipes", SampleFiles.text("invalid/truncated.json"));

        assertError(reply, 400, "invalid_json");
        assertThat(reply.json().get("details")).isNotEmpty();
    }

    @Test
    void anInvalidDocumentListsEveryProblem() {
        Reply reply = kitchen.post("/recipes", SampleFiles.text("invalid/wrong-types.json"));

        assertError(reply, 400, "invalid_document");
        assertThat(reply.json().get("details").size()).isGreaterThanOrEqualTo(4);
        assertThat(reply.json().get("details").findValuesAsText("pointer")).contains("/recipeName", "/recipeId");
    }

    @Test
    void aRequestWithoutAuthorizerContextIsUnauthorized() {
        Reply reply = kitchen.send(ApiEvents.request("GET", "/recipes").authorizer(null));

        assertError(reply, 401, "unauthorized");
    }

    @Test
    void anUnauthenticatedVerdictIsUnauthorizedWithTheAuthorizersReason() {
        Reply reply = kitchen.send(ApiEvents.request("GET", "/recipes")
                .authorizer(AuthorizerContext.unauthenticated("the bearer token is unknown or revoked")));

        assertError(reply, 401, "unauthorized");
        assertThat(reply.json().get("message").asText()).isEqualTo("the bearer token is unknown or revoked");
    }

    @Test
    void aForbiddenVerdictIsForbidden() {
        Reply reply = kitchen.send(ApiEvents.request("GET", "/recipes")
                .authorizer(AuthorizerContext.forbidden("only a service token may name a kitchen")));

        assertError(reply, 403, "forbidden");
    }

    @Test
    void aMissingScopeIsForbidden() {
        ApiClient reader = new ApiClient(handler, "errors", EnumSet.of(Scope.READ));

        assertError(reader.post("/recipes", SampleFiles.text("recipes/apple-pie.json")), 403, "forbidden");
        assertError(reader.post("/tokens", "{\"scopes\":[\"read\"]}"), 403, "forbidden");
    }

    @Test
    void anUnknownRouteIsNotFound() {
        assertError(kitchen.get("/recipes/2/comments"), 404, "not_found");
    }

    @Test
    void aWrongMethodIsNotAllowedAndNamesTheAllowedOnes() {
        Reply reply = kitchen.send(kitchen.request("DELETE", "/recipes"));

        assertError(reply, 405, "method_not_allowed");
        assertThat(reply.headers()).containsEntry("Allow", "GET, POST, PUT");
    }

    @Test
    void aBodyOverOneMebibyteIsTooLarge() {
        String huge = "{\"recipeName\":\"" + "a".repeat(1024 * 1024) + "\"}";

        assertError(kitchen.post("/recipes", huge), 413, "too_large");
    }

    @Test
    void aBase64BodyOverOneMebibyteIsTooLarge() {
        String huge = Base64.getEncoder().encodeToString(new byte[1024 * 1024 + 1]);
        ApiEvents request = kitchen.request("POST", "/recipes")
                .header("content-type", "application/json")
                .body(huge);
        request.build().setIsBase64Encoded(true);

        assertError(kitchen.send(request), 413, "too_large");
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaType() {
        Reply reply = kitchen.send(kitchen.request("POST", "/recipes")
                .body("recipeName=pie")
                .header("content-type", "application/x-www-form-urlencoded"));

        assertError(reply, 415, "unsupported_media_type");
        assertThat(reply.json().get("details").get(0).get("pointer").asText()).isEqualTo("/headers/content-type");
    }

    @Test
    void aMissingContentTypeIsAnUnsupportedMediaType() {
        assertError(
                kitchen.send(kitchen.request("POST", "/recipes")
                        .body(SampleFiles.text("recipes/apple-pie.json"))
                        .header("content-type", null)),
                415,
                "unsupported_media_type");
    }

    @Test
    void jsonMediaTypesWithParametersAndSuffixesAreAccepted() {
        Reply reply = kitchen.send(kitchen.request("POST", "/recipes")
                .body(SampleFiles.text("recipes/pancakes.json"))
                .header("content-type", "application/vnd.recipe+json; charset=UTF-8"));

        assertThat(reply.status()).isEqualTo(201);
    }

    @Test
    void anUnexpectedFailureIsA500WithTheRequestIdAndNoInternals() {
        FunctionsConfig missingTable = FunctionsConfig.fromEnvironment(Map.of(
                "TABLE_NAME",
                "no-such-table",
                "BUCKET_NAME",
                "b",
                "AWS_REGION",
                "eu-west-1",
                "AWS_ENDPOINT_URL_DYNAMODB",
                config.dynamoDbEndpoint().orElseThrow().toString()));
        ApiClient broken = ApiClient.readWrite(new ApiHandler(missingTable), "errors");

        Reply reply = broken.get("/recipes/2");

        assertError(reply, 500, "internal_error");
        assertThat(reply.text()).doesNotContain("Exception").doesNotContain("no-such-table");
    }

    @Test
    void theOpenApiDocumentIsPublic() {
        Reply reply = kitchen.send(ApiEvents.fixture("api-get-openapi-no-authorizer.json"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("openapi").asText()).isEqualTo("3.1.0");
    }
}
