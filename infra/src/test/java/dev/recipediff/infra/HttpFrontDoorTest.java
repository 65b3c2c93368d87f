package dev.recipediff.infra;

import static dev.recipediff.infra.TemplateQueries.logicalId;
import static dev.recipediff.infra.TemplateQueries.properties;
import static dev.recipediff.infra.TemplateQueries.ref;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recipediff.functions.api.PublicRoutes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class HttpFrontDoorTest {

    private final SynthesizedRecipediff synthesized = SynthesizedRecipediff.get();
    private final RecipediffStack stack = synthesized.stack;
    private final Template template = synthesized.template;

    @Test
    void theApiIsAnHttpApiWithoutCors() {
        template.resourceCountIs("AWS::ApiGatewayV2::Api", 1);
        assertThat(properties(template, logicalId(stack, stack.frontDoor().api())))
                .containsEntry("ProtocolType", "HTTP")
                .doesNotContainKey("CorsConfiguration");
    }

    @Test
    void theAuthorizerIsTheAuthorizerAliasWithSimpleResponsesCachedPerToken() {
        template.hasResourceProperties(
                "AWS::ApiGatewayV2::Authorizer",
                Map.of(
                        "AuthorizerType",
                        "REQUEST",
                        "AuthorizerPayloadFormatVersion",
                        "2.0",
                        "EnableSimpleResponses",
                        true,
                        "AuthorizerResultTtlInSeconds",
                        30,
                        "IdentitySource",
                        List.of("$request.header.Authorization"),
                        "AuthorizerUri",
                        Map.of(
                                "Fn::Join",
                                Match.arrayWith(List.of(Match.arrayWith(
                                        List.of(ref(stack, stack.authorizer().alias()))))))));
        template.hasResourceProperties(
                "AWS::Lambda::Permission",
                Map.of(
                        "FunctionName",
                        ref(stack, stack.authorizer().alias()),
                        "Principal",
                        "apigateway.amazonaws.com"));
    }

    @Test
    void exactlyTheApisPublicRoutesArePublic() {
        assertThat(PublicRoutes.PATHS).containsExactlyInAnyOrder("/openapi.json", "/", "/docs", "/assets/{path+}");
        template.resourcePropertiesCountIs(
                "AWS::ApiGatewayV2::Route", Map.of("AuthorizationType", "NONE"), PublicRoutes.PATHS.size());
        for (String routeKey : PublicRoutes.PATHS.stream()
                .map(path -> PublicRoutes.METHOD + " " + path)
                .toList()) {
            template.hasResourceProperties(
                    "AWS::ApiGatewayV2::Route", Map.of("RouteKey", routeKey, "AuthorizationType", "NONE"));
        }
    }

    @Test
    void everyOtherRoutePassesTheAuthorizer() {
        template.hasResourceProperties(
                "AWS::ApiGatewayV2::Route",
                Map.of(
                        "RouteKey", "$default",
                        "AuthorizationType", "CUSTOM",
                        "AuthorizerId", Map.of("Ref", Match.stringLikeRegexp("HttpHttpApiTokenAuthorizer.*"))));
        template.resourceCountIs("AWS::ApiGatewayV2::Route", 5);
    }

    @Test
    void everyRouteReachesTheApiAlias() {
        template.resourceCountIs("AWS::ApiGatewayV2::Integration", 1);
        template.hasResourceProperties(
                "AWS::ApiGatewayV2::Integration",
                Map.of(
                        "IntegrationType", "AWS_PROXY",
                        "PayloadFormatVersion", "2.0",
                        "IntegrationUri", ref(stack, stack.api().alias())));
    }

    @Test
    void theStageThrottlesAndWritesAccessLogsWithoutContent() {
        template.hasResourceProperties(
                "AWS::ApiGatewayV2::Stage",
                Map.of(
                        "StageName",
                        "$default",
                        "AutoDeploy",
                        true,
                        "DefaultRouteSettings",
                        Map.of(
                                "ThrottlingRateLimit", HttpFrontDoor.THROTTLE_RATE_PER_SECOND,
                                "ThrottlingBurstLimit", HttpFrontDoor.THROTTLE_BURST),
                        "AccessLogSettings",
                        Map.of(
                                "DestinationArn",
                                Map.of(
                                        "Fn::GetAtt",
                                        List.of(
                                                logicalId(
                                                        stack, stack.frontDoor().accessLogs()),
                                                "Arn")),
                                "Format",
                                HttpFrontDoor.ACCESS_LOG_FORMAT)));
        assertThat(HttpFrontDoor.ACCESS_LOG_FORMAT).doesNotContain("$context.path", "querystring", "header");
    }
}
