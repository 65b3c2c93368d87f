package dev.recipediff.functions.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recipediff.core.testing.SampleFiles;
import dev.recipediff.emulators.dynamodb.DynaliteExtension;
import dev.recipediff.emulators.dynamodb.DynaliteProcess;
import dev.recipediff.emulators.glue.ApiGatewayFrontDoor;
import dev.recipediff.emulators.glue.ApiGatewayFrontDoorSettings;
import dev.recipediff.emulators.s3.S3ProxyExtension;
import dev.recipediff.emulators.s3.S3ProxyServer;
import dev.recipediff.emulators.sqs.ElasticMqExtension;
import dev.recipediff.emulators.sqs.ElasticMqServer;
import dev.recipediff.functions.api.PublicRoutes;
import dev.recipediff.functions.auth.MintedToken;
import dev.recipediff.functions.auth.Scope;
import dev.recipediff.functions.auth.TokenService;
import dev.recipediff.functions.config.AwsClients;
import dev.recipediff.functions.config.FunctionsConfig;
import dev.recipediff.functions.config.FunctionsEnvironment;
import dev.recipediff.functions.lambda.ApiHandler;
import dev.recipediff.functions.lambda.AuthorizerHandler;
import dev.recipediff.functions.store.RecipeTable;
import dev.recipediff.functions.store.TokenRecords;
import dev.recipediff.functions.testing.CapturedLog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Issue 9 §3: walks EVERY operation of the OpenAPI document the API serves, over HTTP through the local API
 * Gateway front door (real {@link AuthorizerHandler} + {@link ApiHandler} against dynalite and S3Proxy), as
 * every kind of caller: no token, malformed Authorization headers, an unknown token, a revoked token, a token
 * of each scope, another kitchen's token, and another kitchen's non-service token naming this kitchen.
 * Every answer must be the specified one (and a status the document declares for the operation), no body
 * given to another kitchen may contain this kitchen's data, and the handlers' log lines must carry the request
 * id and kitchen, never a token and never recipe content.
 *
 * <p>The walk runs once (in {@link #walk}) and the tests assert on what it recorded: one behaviour each.
 */
@ExtendWith({DynaliteExtension.class, S3ProxyExtension.class, ElasticMqExtension.class})
class AuthorizationWalkIT {

    private static final String TABLE = "authorization-walk";
    private static final String KITCHEN = "walk-a";
    private static final String OTHER_KITCHEN = "walk-b";
    /** Appears in every piece of kitchen A's content (recipe, ingredient, make notes, rejection report). */
    private static final String MARKER = "zq1secret";

    private static final long RECIPE_ID = 9101;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ApiGatewayFrontDoor frontDoor;
    private static TokenService tokens;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final AtomicLong NEXT_RECIPE_ID = new AtomicLong(20_000);
    private static final List<String> TOKENS_SEEN = new ArrayList<>();
    private static final List<Exchange> EXCHANGES = new ArrayList<>();
    private static List<Operation> operations;
    private static List<String> logLines;
    private static long makeId;

    /** One documented operation: method, path template, declared statuses, whether it needs a token. */
    record Operation(String method, String template, Set<String> declared, boolean secured) {
        String name() {
            return method + " " + template;
        }
    }

    /** Who calls. */
    enum Caller {
        NO_TOKEN,
        MALFORMED_BASIC,
        MALFORMED_BEARER_ONLY,
        MALFORMED_SHAPE,
        UNKNOWN_TOKEN,
        REVOKED_TOKEN,
        READ,
        WRITE,
        ADMIN,
        SERVICE,
        OTHER_KITCHEN,
        OTHER_KITCHEN_NAMING_THIS_ONE
    }

    record Exchange(Caller caller, Operation operation, String path, int status, String body) {
        @Override
        public String toString() {
            return caller + " " + operation.method() + " " + path + " → " + status;
        }
    }

    private static final java.util.EnumMap<Caller, String> AUTHORIZATION = new java.util.EnumMap<>(Caller.class);
    private static final java.util.EnumMap<Caller, String> KITCHEN_HEADER = new java.util.EnumMap<>(Caller.class);

    @BeforeAll
    static void walk(DynaliteProcess dynalite, S3ProxyServer s3, ElasticMqServer sqs) throws Exception {
        s3.createBucketIfMissing(S3ProxyExtension.DEFAULT_BUCKET);
        FunctionsConfig config = FunctionsEnvironment.builder()
                .tableName(TABLE)
                .bucketName(S3ProxyExtension.DEFAULT_BUCKET)
                .jobsQueueUrl(sqs.queueUrl())
                .region("us-east-1")
                .s3Endpoint(s3.endpoint())
                .sqsEndpoint(sqs.endpoint())
                .dynamoDbEndpoint(dynalite.endpoint())
                .toConfig();
        RecipeTable table = new RecipeTable(new AwsClients(config).dynamoDb(), TABLE);
        table.createIfMissing();
        tokens = new TokenService(new TokenRecords(table), Clock.systemUTC());
        frontDoor = ApiGatewayFrontDoor.start(
                ApiGatewayFrontDoorSettings.of(
                        0, Set.copyOf(PublicRoutes.PATHS), List.of("authorization"), Duration.ZERO),
                new AuthorizerHandler(config),
                new ApiHandler(config));

        callers();
        seedThisKitchen(s3);
        seedOtherKitchen();
        operations = operations();
        try (CapturedLog log = CapturedLog.start()) {
            for (Operation operation : operations) {
                for (Caller caller : Caller.values()) {
                    EXCHANGES.add(call(caller, operation));
                }
            }
            logLines = log.lines();
        }
    }

    @AfterAll
    static void stop() {
        if (frontDoor != null) {
            frontDoor.close();
        }
    }

    // --- the callers and the data ---

    private static void callers() {
        MintedToken revoked = mint(KITCHEN, EnumSet.of(Scope.READ, Scope.WRITE, Scope.ADMIN));
        tokens.revoke(KITCHEN, revoked.tokenId());
        MintedToken read = mint(KITCHEN, EnumSet.of(Scope.READ));
        AUTHORIZATION.put(Caller.MALFORMED_BASIC, "Basic d2Fsay1hOnBhc3N3b3Jk");
        AUTHORIZATION.put(Caller.MALFORMED_BEARER_ONLY, "Bearer");
        AUTHORIZATION.put(
                Caller.MALFORMED_SHAPE,
                "Bearer " + read.token().substring(0, read.token().length() - 3));
        String unknown = "rdt.0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        TOKENS_SEEN.add(unknown);
        AUTHORIZATION.put(Caller.UNKNOWN_TOKEN, "Bearer " + unknown);
        AUTHORIZATION.put(Caller.REVOKED_TOKEN, "Bearer " + revoked.token());
        AUTHORIZATION.put(Caller.READ, "Bearer " + read.token());
        AUTHORIZATION.put(
                Caller.WRITE, "Bearer " + mint(KITCHEN, EnumSet.of(Scope.WRITE)).token());
        AUTHORIZATION.put(
                Caller.ADMIN, "Bearer " + mint(KITCHEN, EnumSet.of(Scope.ADMIN)).token());
        AUTHORIZATION.put(
                Caller.SERVICE,
                "Bearer " + mint(KITCHEN, EnumSet.of(Scope.SERVICE)).token());
        KITCHEN_HEADER.put(Caller.SERVICE, KITCHEN);
        String other = "Bearer "
                + mint(OTHER_KITCHEN, EnumSet.of(Scope.READ, Scope.WRITE, Scope.ADMIN))
                        .token();
        AUTHORIZATION.put(Caller.OTHER_KITCHEN, other);
        AUTHORIZATION.put(Caller.OTHER_KITCHEN_NAMING_THIS_ONE, other);
        KITCHEN_HEADER.put(Caller.OTHER_KITCHEN_NAMING_THIS_ONE, KITCHEN);
    }

    private static MintedToken mint(String kitchen, Set<Scope> scopes) {
        MintedToken token = tokens.mint(kitchen, scopes, "walk");
        TOKENS_SEEN.add(token.token());
        return token;
    }

    private static void seedThisKitchen(S3ProxyServer s3) throws Exception {
        String writer =
                "Bearer " + mint(KITCHEN, EnumSet.of(Scope.READ, Scope.WRITE)).token();
        HttpResponse<String> recipe = send("POST", "/recipes", writer, null, recipe(RECIPE_ID, 4.0, "Stew " + MARKER));
        assertThat(recipe.statusCode()).as(recipe.body()).isEqualTo(201);
        HttpResponse<String> make =
                send("POST", "/recipes/" + RECIPE_ID + "/makes", writer, null, make("Stew " + MARKER));
        assertThat(make.statusCode()).as(make.body()).isEqualTo(201);
        makeId = JSON.readTree(make.body()).get("makeId").asLong();
        String report = """
                {"key":"walk-a/makes/%1$s.json","reason":"invalid_document","message":"%1$s rejected",
                 "details":[{"pointer":"/ingredients/0/quantity","problem":"%1$s must be positive"}],
                 "rejectedAt":"2026-11-29T10:00:00Z"}""".formatted(MARKER);
        try (var client = s3.newClient()) {
            client.putObject(
                    b -> b.bucket(S3ProxyExtension.DEFAULT_BUCKET)
                            .key(KITCHEN + "/rejected/makes/" + MARKER + ".json.error.json")
                            .contentType("application/json"),
                    RequestBody.fromString(report));
        }
    }

    private static void seedOtherKitchen() throws Exception {
        String other = AUTHORIZATION.get(Caller.OTHER_KITCHEN);
        String recipe = SampleFiles.text("recipes/pancakes.json");
        assertThat(send("POST", "/recipes", other, null, recipe).statusCode()).isEqualTo(201);
    }

    /** Kitchen A's recipe, every text carrying the marker. */
    private static String recipe(long recipeId, double rating, String name) throws Exception {
        ObjectNode recipe = (ObjectNode) JSON.readTree(SampleFiles.text("recipes/pancakes.json"));
        recipe.put("recipeId", recipeId);
        recipe.put("rating", rating);
        recipe.put("recipeName", name);
        ((ObjectNode) recipe.get("ingredients").get(0)).put("ingredientName", name + " saffron");
        return JSON.writeValueAsString(recipe);
    }

    private static String make(String name) throws Exception {
        ObjectNode make = (ObjectNode) JSON.readTree(recipe(RECIPE_ID, 4.0, name));
        make.put("notes", "notes of " + name);
        make.put("servings", 8);
        return JSON.writeValueAsString(make);
    }

    /** Every operation of the document the API serves (public, so asked without a token). */
    private static List<Operation> operations() throws Exception {
        HttpResponse<String> document = send("GET", "/openapi.json", null, null, null);
        assertThat(document.statusCode()).isEqualTo(200);
        JsonNode root = JSON.readTree(document.body());
        boolean securedByDefault = root.path("security").size() > 0;
        List<Operation> found = new ArrayList<>();
        root.get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(op -> {
                    if (!Set.of("get", "put", "post", "delete", "patch", "head", "options")
                            .contains(op.getKey())) {
                        return;
                    }
                    JsonNode security = op.getValue().get("security");
                    boolean secured = security == null ? securedByDefault : security.size() > 0;
                    Set<String> declared = new java.util.TreeSet<>();
                    op.getValue().get("responses").fieldNames().forEachRemaining(declared::add);
                    found.add(new Operation(
                            op.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(), declared, secured));
                }));
        return found;
    }

    // --- one request ---

    private static Exchange call(Caller caller, Operation operation) throws Exception {
        String path = concrete(operation.template());
        String name = caller == Caller.OTHER_KITCHEN || caller == Caller.OTHER_KITCHEN_NAMING_THIS_ONE
                ? "Soup of the other kitchen"
                : "Stew " + MARKER;
        String body =
                switch (operation.name()) {
                    case "POST /recipes" -> recipe(NEXT_RECIPE_ID.incrementAndGet(), 3.0, name);
                    case "PUT /recipes" -> recipe(RECIPE_ID, 1.0 + (NEXT_RECIPE_ID.incrementAndGet() % 4), name);
                    case "POST /recipes/{recipeId}/makes" -> make(name);
                    case "POST /tokens" -> "{\"scopes\":[\"admin\"],\"label\":\"walk\"}";
                    default -> null;
                };
        HttpResponse<String> response = send(
                operation.method(),
                path,
                caller == Caller.NO_TOKEN ? null : AUTHORIZATION.get(caller),
                KITCHEN_HEADER.get(caller),
                body);
        return new Exchange(caller, operation, path, response.statusCode(), response.body());
    }

    private static String concrete(String template) {
        Matcher variable = Pattern.compile("\\{(\\w+)}").matcher(template);
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            String value =
                    switch (variable.group(1)) {
                        case "recipeId" -> String.valueOf(RECIPE_ID);
                        case "version" -> "1";
                        case "makeId", "otherMakeId" ->
                            String.valueOf(makeId); // compare/{otherMakeId}: the make with itself
                        case "tokenId" -> mint(KITCHEN, EnumSet.of(Scope.READ)).tokenId();
                        case "path" -> "app.js"; // a dashboard asset (public)
                        default ->
                            throw new AssertionError(
                                    "the walk has no value for path variable " + variable.group(1) + " in " + template);
                    };
            variable.appendReplacement(path, value);
        }
        variable.appendTail(path);
        return path.toString();
    }

    private static HttpResponse<String> send(
            String method, String path, String authorization, String kitchen, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(frontDoor.endpoint() + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (kitchen != null) {
            request.header("X-Recipediff-Kitchen", kitchen);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    // --- what is specified ---

    /** The scope each operation needs, as the API's contract states it (issue 3). */
    private static Scope requiredScope(Operation operation) {
        if (operation.template().startsWith("/tokens") || operation.template().equals("/audit")) {
            return Scope.ADMIN;
        }
        return operation.method().equals("GET") ? Scope.READ : Scope.WRITE;
    }

    private static boolean grants(Caller caller, Scope needed) {
        return switch (caller) {
            case READ -> needed == Scope.READ;
            case WRITE -> needed == Scope.WRITE;
            case ADMIN -> needed == Scope.ADMIN;
            case SERVICE -> needed == Scope.READ || needed == Scope.WRITE;
            default -> false;
        };
    }

    private static List<Exchange> exchanges(Set<Caller> callers) {
        return EXCHANGES.stream()
                .filter(e -> callers.contains(e.caller()) && e.operation().secured())
                .toList();
    }

    // --- the behaviours ---

    @Test
    void theWalkCoversEveryDocumentedOperationWithEveryCaller() {
        assertThat(operations).hasSizeGreaterThanOrEqualTo(14);
        assertThat(operations).anyMatch(op -> !op.secured());
        assertThat(EXCHANGES).hasSize(operations.size() * Caller.values().length);
    }

    @Test
    void everyAnswerIsAStatusTheDocumentDeclaresForTheOperation() {
        assertThat(EXCHANGES)
                .allSatisfy(e ->
                        assertThat(e.operation().declared()).as(e.toString()).contains(String.valueOf(e.status())));
    }

    @Test
    void publicOperationsAnswerEveryone() {
        assertThat(EXCHANGES.stream().filter(e -> !e.operation().secured()))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.status()).as(e.toString()).isEqualTo(200));
    }

    @Test
    void withoutATokenEverySecuredOperationIs401() {
        assertThat(exchanges(Set.of(Caller.NO_TOKEN)))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.status()).as(e.toString()).isEqualTo(401));
    }

    @Test
    void aMalformedHeaderAnUnknownTokenAndARevokedTokenAre401WithAJsonError() {
        assertThat(exchanges(Set.of(
                        Caller.MALFORMED_BASIC,
                        Caller.MALFORMED_BEARER_ONLY,
                        Caller.MALFORMED_SHAPE,
                        Caller.UNKNOWN_TOKEN,
                        Caller.REVOKED_TOKEN)))
                .hasSize(
                        5 * (int) operations.stream().filter(Operation::secured).count())
                .allSatisfy(e -> {
                    assertThat(e.status()).as(e.toString()).isEqualTo(401);
                    assertThat(JSON.readTree(e.body()).path("error").asText())
                            .as(e.toString())
                            .isEqualTo("unauthorized");
                });
    }

    @Test
    void aTokenWithTheNeededScopeIsServedAndOneWithoutItIs403() {
        assertThat(exchanges(Set.of(Caller.READ, Caller.WRITE, Caller.ADMIN, Caller.SERVICE)))
                .allSatisfy(e -> {
                    if (grants(e.caller(), requiredScope(e.operation()))
                            && e.operation().name().equals("POST /recipes/{recipeId}/suggestion/promote")) {
                        // let through, and refused for what it is: the walk's makes agree on no change (409
                        // no_suggestion)
                        assertThat(e.status()).as(e + " " + e.body()).isEqualTo(409);
                        assertThat(e.body()).contains("no_suggestion");
                    } else if (grants(e.caller(), requiredScope(e.operation()))) {
                        assertThat(e.status()).as(e + " " + e.body()).isBetween(200, 299);
                    } else {
                        assertThat(e.status()).as(e + " " + e.body()).isEqualTo(403);
                    }
                });
    }

    @Test
    void anotherKitchensTokenNeverReachesThisKitchensResources() {
        assertThat(exchanges(Set.of(Caller.OTHER_KITCHEN))).allSatisfy(e -> {
            boolean namesThisKitchensResource = e.operation().template().contains("{")
                    || e.operation().name().equals("PUT /recipes");
            if (e.operation().name().equals("POST /recipes/{recipeId}/makes")) {
                // the other kitchen has no recipe 9101: its make waits in ITS kitchen, pending
                assertThat(e.status()).as(e + " " + e.body()).isEqualTo(202);
            } else if (namesThisKitchensResource) {
                assertThat(e.status()).as(e + " " + e.body()).isEqualTo(404);
            } else {
                assertThat(e.status()).as(e + " " + e.body()).isBetween(200, 299);
            }
        });
    }

    @Test
    void anotherKitchensTokenNamingThisKitchenIs403() {
        assertThat(exchanges(Set.of(Caller.OTHER_KITCHEN_NAMING_THIS_ONE)))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.status()).as(e.toString()).isEqualTo(403));
    }

    @Test
    void noBodyGivenToAnyoneButThisKitchenContainsItsData() {
        assertThat(EXCHANGES.stream().filter(e -> e.caller() == Caller.READ && e.status() == 200))
                .as("the marker is visible to the kitchen itself (so its absence elsewhere means something)")
                .anyMatch(e -> e.body().contains(MARKER));
        assertThat(EXCHANGES.stream().filter(e -> !Set.of(Caller.READ, Caller.WRITE, Caller.ADMIN, Caller.SERVICE)
                        .contains(e.caller())))
                .allSatisfy(e -> assertThat(e.body()).as(e.toString()).doesNotContain(MARKER));
    }

    @Test
    void noTokenEverAppearsInTheLogs() {
        assertThat(logLines).as("the walk was logged").hasSizeGreaterThan(EXCHANGES.size() / 2);
        for (String token : TOKENS_SEEN) {
            String secret = token.substring(token.lastIndexOf('.') + 1);
            assertThat(logLines).noneMatch(line -> line.contains(secret));
        }
        assertThat(logLines)
                .noneMatch(line ->
                        line.contains(AUTHORIZATION.get(Caller.MALFORMED_BASIC).substring(6)));
    }

    @Test
    void noRecipeContentIsLogged() {
        assertThat(logLines).noneMatch(line -> line.contains(MARKER));
    }

    @Test
    void everyRequestLogLineCarriesTheRequestIdAndTheKitchen() {
        List<JsonNode> lines = logLines.stream()
                .filter(line -> line.startsWith("{"))
                .map(line -> {
                    try {
                        return JSON.readTree(line);
                    } catch (Exception notJson) {
                        throw new AssertionError("a log line that is not JSON: " + line, notJson);
                    }
                })
                .toList();
        List<JsonNode> requests = lines.stream()
                .filter(line -> line.path("logger").asText().endsWith(".HttpEdge")
                        && line.path("event").asText().equals("request served"))
                .toList();
        List<JsonNode> verdicts = lines.stream()
                .filter(line -> line.path("logger").asText().endsWith(".AuthorizerHandler"))
                .toList();
        assertThat(requests).hasSizeGreaterThanOrEqualTo(EXCHANGES.size() - operations.size());
        assertThat(requests).allSatisfy(line -> {
            assertThat(line.path("function").asText()).as(line.toString()).isEqualTo("api");
            assertThat(line.path("requestId").asText()).as(line.toString()).isNotEmpty();
            assertThat(line.path("kitchen").asText("-")).as(line.toString()).isIn("-", KITCHEN, OTHER_KITCHEN);
        });
        assertThat(verdicts).isNotEmpty().allSatisfy(line -> {
            assertThat(line.path("function").asText()).as(line.toString()).isEqualTo("authorizer");
            assertThat(line.path("requestId").asText()).as(line.toString()).isNotEmpty();
            if (line.path("outcome").asText().equals("authenticated")) {
                assertThat(line.path("kitchen").asText()).as(line.toString()).isIn(KITCHEN, OTHER_KITCHEN);
            }
        });
        assertThat(requests)
                .anyMatch(line -> line.path("kitchen").asText().equals(KITCHEN))
                .anyMatch(line -> line.path("kitchen").asText().equals(OTHER_KITCHEN));
    }

    @Test
    void theOtherKitchenChangedNothingHere() throws Exception {
        String read = AUTHORIZATION.get(Caller.READ);
        HttpResponse<String> makes = send("GET", "/recipes/" + RECIPE_ID + "/makes", read, null, null);
        JsonNode listed = JSON.readTree(makes.body());
        Iterator<JsonNode> items = listed.path("items").elements();
        List<String> notes = new ArrayList<>();
        items.forEachRemaining(item -> notes.add(item.toString()));
        long fromWalk = EXCHANGES.stream()
                .filter(e -> e.operation().name().equals("POST /recipes/{recipeId}/makes") && e.status() == 201)
                .count();
        assertThat(makes.statusCode()).isEqualTo(200);
        assertThat(notes)
                .as("the seeded make plus those this kitchen's own writers recorded")
                .hasSize((int) fromWalk + 1);
    }
}
