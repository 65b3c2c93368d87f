package dev.recipediff.functions.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Payload 2.0 events (real fixtures) in, API Gateway responses out. */
class HttpEventsTest {

    @Test
    void aGetEventBecomesARequestWithQueryHeadersAndTheAuthorizerContext() {
        RawRequest request = HttpEvents.request(EventLoader.loadApiGatewayHttpEvent("events/api-get-makes.json"));

        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/recipes/2/makes");
        assertThat(request.query()).containsEntry("limit", "1");
        assertThat(request.headers()).containsKey("authorization");
        assertThat(request.requestId()).isEqualTo("Qm3xYhZ1DoEEJcB=");
        assertThat(request.authorizerContext())
                .containsEntry("kitchen", "fixture-kitchen")
                .containsEntry("scopes", "read,write");
    }

    @Test
    void aBase64BodyStaysMarkedForThePipelineToDecode() {
        RawRequest request =
                HttpEvents.request(EventLoader.loadApiGatewayHttpEvent("events/api-post-make-base64.json"));

        assertThat(request.base64Encoded()).isTrue();
        assertThat(new String(Base64.getDecoder().decode(request.body()), StandardCharsets.UTF_8))
                .contains("\"recipeId\"");
    }

    @Test
    void aRequestWithoutAuthorizerHasNoContext() {
        RawRequest request =
                HttpEvents.request(EventLoader.loadApiGatewayHttpEvent("events/api-get-openapi-no-authorizer.json"));

        assertThat(request.authorizerContext()).isNull();
    }

    @Test
    void aJsonResponseIsSentAsText() {
        APIGatewayV2HTTPResponse response =
                HttpEvents.response(ApiResponse.json(201, "{\"makeId\":1}".getBytes(StandardCharsets.UTF_8)));

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getIsBase64Encoded()).isFalse();
        assertThat(response.getBody()).isEqualTo("{\"makeId\":1}");
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
    }

    @Test
    void aBinaryResponseIsSentAsBase64() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};

        APIGatewayV2HTTPResponse response =
                HttpEvents.response(new ApiResponse(200, Map.of("Content-Type", "image/png"), png));

        assertThat(response.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(response.getBody())).isEqualTo(png);
    }
}
