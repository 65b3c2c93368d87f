package dev.recipediff.functions.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recipediff.core.compare.MakeComparator;
import dev.recipediff.core.format.RecipeJson;
import dev.recipediff.core.format.RecipeReader;
import dev.recipediff.core.format.RecipeWriter;
import dev.recipediff.functions.adapters.s3.S3RejectionReports;
import dev.recipediff.functions.adapters.sqs.SqsQueueDepths;
import dev.recipediff.functions.analytics.InsightsRefresher;
import dev.recipediff.functions.analytics.InsightsTable;
import dev.recipediff.functions.analytics.RecipeStatsTable;
import dev.recipediff.functions.analytics.StatsRefresher;
import dev.recipediff.functions.api.ApiRoutes;
import dev.recipediff.functions.api.AuditResource;
import dev.recipediff.functions.api.CompareResource;
import dev.recipediff.functions.api.DashboardFiles;
import dev.recipediff.functions.api.InsightsResource;
import dev.recipediff.functions.api.MakeResource;
import dev.recipediff.functions.api.OpenApiResource;
import dev.recipediff.functions.api.PipelineStatusResource;
import dev.recipediff.functions.api.PromoteResource;
import dev.recipediff.functions.api.RecipeResource;
import dev.recipediff.functions.api.RejectionResource;
import dev.recipediff.functions.api.StatsResource;
import dev.recipediff.functions.api.TokenResource;
import dev.recipediff.functions.auth.TokenService;
import dev.recipediff.functions.config.AwsClients;
import dev.recipediff.functions.config.FunctionsConfig;
import dev.recipediff.functions.config.OnFirstUse;
import dev.recipediff.functions.dashboard.QueueDepths;
import dev.recipediff.functions.dashboard.StaticAssets;
import dev.recipediff.functions.http.ErrorBodies;
import dev.recipediff.functions.http.HttpEdge;
import dev.recipediff.functions.http.HttpEvents;
import dev.recipediff.functions.http.JsonBodies;
import dev.recipediff.functions.http.RawRequest;
import dev.recipediff.functions.lambda.priming.ApiPriming;
import dev.recipediff.functions.observability.LogContext;
import dev.recipediff.functions.observability.Metrics;
import dev.recipediff.functions.recipes.MakeRecorder;
import dev.recipediff.functions.recipes.RecipeBook;
import dev.recipediff.functions.store.AuditTrail;
import dev.recipediff.functions.store.IdempotencyRecords;
import dev.recipediff.functions.store.MakeRecords;
import dev.recipediff.functions.store.RecipeTable;
import dev.recipediff.functions.store.RecipeVersions;
import dev.recipediff.functions.store.TokenRecords;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The HTTP API's Lambda handler (API Gateway HTTP API, payload 2.0). Builds everything once; per request it
 * translates the event, runs the {@link HttpEdge} over {@link ApiRoutes} and translates the answer.
 * Identity comes only from the authorizer's context ({@code requestContext.authorizer.lambda}).
 */
public final class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** This function's name in log lines and metrics. */
    public static final String FUNCTION = "api";

    /** How long an idempotency claim is held before a retry may take it over. */
    public static final Duration IDEMPOTENCY_LEASE = Duration.ofSeconds(60);

    private final HttpEdge pipeline;

    /**
     * What Lambda calls: configuration from the environment (read once), and SnapStart priming registered on
     * this handler's own clients.
     */
    public ApiHandler() {
        this(FunctionsConfig.fromEnvironment(System.getenv()), Clock.systemUTC(), true);
    }

    public ApiHandler(FunctionsConfig config) {
        this(config, Clock.systemUTC());
    }

    public ApiHandler(FunctionsConfig config, Clock clock) {
        this(config, clock, false);
    }

    /**
     * The DynamoDB client is built now (nearly every route reads the table); the S3 client only when
     * {@code GET /rejections} is first served, so that a cold start does not load and build it.
     */
    private ApiHandler(FunctionsConfig config, Clock clock, boolean registerPriming) {
        Metrics.useNamespace(config.metricsNamespace().orElse(null));
        AwsClients clients = new AwsClients(config);
        String tableName = config.requireTableName();
        String bucket = config.requireBucketName();
        DynamoDbClient dynamoDb = clients.dynamoDb();
        OnFirstUse<S3Client> s3 = new OnFirstUse<>(clients::s3);
        RecipeTable table = new RecipeTable(dynamoDb, tableName);
        ObjectMapper mapper = RecipeJson.mapper();
        JsonBodies json = new JsonBodies(mapper);
        RecipeReader reader = new RecipeReader();
        RecipeWriter writer = new RecipeWriter();
        RecipeVersions versions = new RecipeVersions(table);
        MakeRecords makeRecords = new MakeRecords(table);
        RecipeStatsTable statsTable = new RecipeStatsTable(table);
        StatsRefresher refresher = new StatsRefresher(statsTable, makeRecords, versions, reader, mapper);
        InsightsTable insightsTable = new InsightsTable(table);
        InsightsRefresher insights = new InsightsRefresher(insightsTable, makeRecords, refresher);
        MakeComparator comparator = new MakeComparator();
        MakeRecorder recorder = new MakeRecorder(
                versions, makeRecords, reader, writer, comparator, mapper, clock, (kitchen, make, name, compared) -> {
                    refresher.refresh(kitchen, make, name);
                    insights.refresh(kitchen, make, compared);
                });
        RecipeBook book = new RecipeBook(versions, recorder, reader, writer, clock);
        AuditTrail audit = new AuditTrail(table, clock);
        Optional<QueueDepths> pipelineStatus = config.jobsQueueUrl().map(url -> new SqsQueueDepths(clients.sqs(), url));
        this.pipeline = new HttpEdge(
                ApiRoutes.of(
                        new RecipeResource(book, versions, json),
                        new MakeResource(recorder, makeRecords, versions, json),
                        new TokenResource(new TokenService(new TokenRecords(table), clock), json),
                        new RejectionResource(new OnFirstUse<>(() -> new S3RejectionReports(s3, bucket)), json),
                        new OpenApiResource(),
                        new ApiRoutes.Dashboard(
                                new DashboardFiles(new StaticAssets()),
                                new StatsResource(statsTable, versions, json, mapper),
                                new PromoteResource(book, makeRecords, reader, json),
                                new PipelineStatusResource(pipelineStatus, json, mapper)),
                        new ApiRoutes.Analysis(
                                new InsightsResource(insightsTable, versions, book, reader, json, mapper),
                                new CompareResource(makeRecords, versions, reader, comparator, json, mapper)),
                        new AuditResource(audit, json)),
                new IdempotencyRecords(table, clock, IDEMPOTENCY_LEASE),
                new ErrorBodies(mapper),
                Optional.of(audit));
        if (registerPriming) {
            ApiPriming.register(dynamoDb, tableName, s3, bucket);
        }
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        RawRequest request = HttpEvents.request(event);
        try (LogContext ignored = LogContext.invocation(FUNCTION, request.requestId())) {
            return HttpEvents.response(pipeline.handle(request));
        }
    }
}
