package dev.recipediff.infra;

import dev.recipediff.functions.api.PublicRoutes;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpLambdaAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpLambdaAuthorizerProps;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpLambdaResponseType;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpNoneAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.HttpRoute;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The HTTP API: every route goes to the api function; all routes except the public ones
 * ({@link #PUBLIC_ROUTES}: the OpenAPI document, the dashboard page, the API docs page and the dashboard's
 * static files) pass the Lambda authorizer first. The dashboard is served by the API itself at {@code /}
 * (same origin), so there is no CORS configuration.
 *
 * <p>The authorizer returns simple responses and its verdict depends on the {@code Authorization} header alone
 * (a service token's {@code X-Recipediff-Kitchen} is applied by the api function), so API Gateway caches it per
 * token for {@link #AUTHORIZER_CACHE_TTL}: a revoked token keeps working for at most that long. A request
 * without an {@code Authorization} header is answered 401 by API Gateway itself, without invoking the authorizer.
 */
public final class HttpFrontDoor extends Construct {

    public record PublicRoute(HttpMethod method, String path) {}

    /** {@link PublicRoutes}, the API's own list: the routes API Gateway serves without the authorizer. */
    public static final List<PublicRoute> PUBLIC_ROUTES = PublicRoutes.PATHS.stream()
            .map(path -> new PublicRoute(HttpMethod.valueOf(PublicRoutes.METHOD), path))
            .toList();

    public static final Duration AUTHORIZER_CACHE_TTL = Duration.seconds(30);
    public static final List<String> AUTHORIZER_IDENTITY_SOURCES = List.of("$request.header.Authorization");
    public static final int THROTTLE_RATE_PER_SECOND = 50;
    public static final int THROTTLE_BURST = 100;
    /** Access log line: no path, query string, header or body — only what identifies and measures a call. */
    public static final String ACCESS_LOG_FORMAT = "{\"requestId\":\"$context.requestId\","
            + "\"requestTime\":\"$context.requestTime\",\"routeKey\":\"$context.routeKey\","
            + "\"status\":\"$context.status\",\"protocol\":\"$context.protocol\","
            + "\"responseLength\":\"$context.responseLength\",\"responseLatency\":\"$context.responseLatency\","
            + "\"integrationLatency\":\"$context.integrationLatency\","
            + "\"integrationError\":\"$context.integrationErrorMessage\","
            + "\"authorizerError\":\"$context.authorizer.error\",\"sourceIp\":\"$context.identity.sourceIp\"}";

    private final HttpApi api;
    private final HttpStage stage;
    private final List<HttpRoute> publicRoutes;
    private final LogGroup accessLogs;

    public HttpFrontDoor(Construct scope, String id, IFunction apiFunction, IFunction authorizerFunction, IKey opsKey) {
        super(scope, id);
        HttpLambdaAuthorizer authorizer = new HttpLambdaAuthorizer(
                "TokenAuthorizer",
                authorizerFunction,
                HttpLambdaAuthorizerProps.builder()
                        .responseTypes(List.of(HttpLambdaResponseType.SIMPLE))
                        .resultsCacheTtl(AUTHORIZER_CACHE_TTL)
                        .identitySource(AUTHORIZER_IDENTITY_SOURCES)
                        .build());
        HttpLambdaIntegration integration = new HttpLambdaIntegration("Api", apiFunction);
        api = HttpApi.Builder.create(this, "HttpApi")
                .apiName(Stack.of(this).getStackName())
                .description("recipediff HTTP API and dashboard")
                .createDefaultStage(false)
                .defaultIntegration(integration)
                .defaultAuthorizer(authorizer)
                .build();
        publicRoutes = PUBLIC_ROUTES.stream()
                .flatMap(route -> api
                        .addRoutes(AddRoutesOptions.builder()
                                .path(route.path())
                                .methods(List.of(route.method()))
                                .integration(integration)
                                .authorizer(new HttpNoneAuthorizer())
                                .build())
                        .stream())
                .toList();
        accessLogs = LogGroup.Builder.create(this, "AccessLogs")
                .retention(LambdaFunction.LOG_RETENTION)
                .encryptionKey(opsKey)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        stage = HttpStage.Builder.create(this, "DefaultStage")
                .httpApi(api)
                .stageName("$default")
                .autoDeploy(true)
                .throttle(ThrottleSettings.builder()
                        .rateLimit(THROTTLE_RATE_PER_SECOND)
                        .burstLimit(THROTTLE_BURST)
                        .build())
                .accessLogSettings(new IAccessLogSettings() {
                    @Override
                    public IAccessLogDestination getDestination() {
                        return new LogGroupLogDestination(accessLogs);
                    }

                    @Override
                    public AccessLogFormat getFormat() {
                        return AccessLogFormat.custom(ACCESS_LOG_FORMAT);
                    }
                })
                .build();
    }

    public HttpApi api() {
        return api;
    }

    public HttpStage stage() {
        return stage;
    }

    /** Base URL of the API, ending in "/". */
    public String url() {
        return stage.getUrl();
    }

    public List<HttpRoute> publicRoutes() {
        return publicRoutes;
    }

    public LogGroup accessLogs() {
        return accessLogs;
    }
}
