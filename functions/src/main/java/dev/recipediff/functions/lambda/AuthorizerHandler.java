package dev.recipediff.functions.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.SimpleIAMPolicyResponse;
import dev.recipediff.functions.auth.AuthorizerContext;
import dev.recipediff.functions.auth.BearerAuthentication;
import dev.recipediff.functions.auth.TokenService;
import dev.recipediff.functions.config.AwsClients;
import dev.recipediff.functions.config.FunctionsConfig;
import dev.recipediff.functions.lambda.priming.AuthorizerPriming;
import dev.recipediff.functions.observability.CorrelationIds;
import dev.recipediff.functions.observability.LogContext;
import dev.recipediff.functions.observability.Metrics;
import dev.recipediff.functions.store.RecipeTable;
import dev.recipediff.functions.store.TokenRecords;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * HTTP API Lambda authorizer (payload 2.0, simple response). It authenticates the bearer token and puts the
 * verdict into the context ({@link AuthorizerContext}); the API handler authorizes from that context alone.
 *
 * <p>Every request is passed on ({@code isAuthorized: true}) with its verdict, so that a missing or unknown
 * token gets the API's uniform JSON 401 and a refused kitchen header a JSON 403 — a simple-response
 * authorizer that denies can only produce the gateway's bare 403. The API handler never serves an
 * unauthenticated verdict.
 */
public final class AuthorizerHandler
        implements RequestHandler<APIGatewayV2CustomAuthorizerEvent, SimpleIAMPolicyResponse> {

    /** This function's name in log lines and metrics. */
    public static final String FUNCTION = "authorizer";

    private static final Logger log = LoggerFactory.getLogger(AuthorizerHandler.class);

    private final BearerAuthentication authentication;

    /**
     * What Lambda calls: configuration from the environment (read once), and SnapStart priming registered on
     * this handler's own DynamoDB client.
     */
    public AuthorizerHandler() {
        this(FunctionsConfig.fromEnvironment(System.getenv()), true);
    }

    public AuthorizerHandler(FunctionsConfig config) {
        this(config, false);
    }

    public AuthorizerHandler(TokenService tokens) {
        this.authentication = new BearerAuthentication(tokens);
    }

    private AuthorizerHandler(FunctionsConfig config, boolean registerPriming) {
        Metrics.useNamespace(config.metricsNamespace().orElse(null));
        String table = config.requireTableName();
        DynamoDbClient dynamoDb = new AwsClients(config).dynamoDb();
        this.authentication = new BearerAuthentication(
                new TokenService(new TokenRecords(new RecipeTable(dynamoDb, table)), Clock.systemUTC()));
        if (registerPriming) {
            AuthorizerPriming.register(dynamoDb, table);
        }
    }

    @Override
    public SimpleIAMPolicyResponse handleRequest(APIGatewayV2CustomAuthorizerEvent event, Context context) {
        String requestId = Optional.ofNullable(event.getRequestContext())
                .map(APIGatewayV2CustomAuthorizerEvent.RequestContext::getRequestId)
                .orElse(null);
        Map<String, String> headers = event.getHeaders() == null ? Map.of() : event.getHeaders();
        try (LogContext ignored = LogContext.invocation(FUNCTION, requestId)) {
            Map<String, String> verdict = authentication.verdict(headers);
            LogContext.nested()
                    .correlationId(header(headers, CorrelationIds.HEADER)
                            .map(CorrelationIds::accepted)
                            .orElse(null))
                    .kitchen(verdict.get(AuthorizerContext.KITCHEN));
            log.atInfo()
                    .addKeyValue("outcome", verdict.get(AuthorizerContext.OUTCOME))
                    .addKeyValue("tokenId", verdict.get(AuthorizerContext.TOKEN_ID))
                    .log("token checked");
            return SimpleIAMPolicyResponse.builder()
                    .withIsAuthorized(true)
                    .withContext(verdict)
                    .build();
        }
    }

    private static Optional<String> header(Map<String, String> headers, String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey() != null && entry.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }
}
