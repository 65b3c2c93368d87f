package dev.recipediff.local.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recipediff.core.format.RecipeJson;
import dev.recipediff.functions.config.FunctionsEnvironment;
import dev.recipediff.local.serve.ServeRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * What each function of {@code recipediff bench coldstart} is given: its event fixture, made to succeed against
 * the bench's serve, and its environment, as the CDK stack sets it, pointed at serve's emulators.
 */
final class ColdStartFixtures {

    static final String MAKE_KEY = "default/makes/apple-pie.more-cinnamon-hotter.json";

    private ColdStartFixtures() {}

    /**
     * The fixtures, made to succeed against this serve: the make they name uploaded (with its real eTag), its
     * recipe created, the API's authorizer context in kitchen {@code default}, the authorizer's token a real one.
     */
    static Map<String, Path> prepare(BenchServe serve, Path workDir) throws IOException {
        BenchApi.Answer created = serve.api().createRecipe(resource("samples/recipes/apple-pie.json"));
        if (created.status() != 201) {
            throw new IllegalStateException("creating the fixture recipe answered " + created.status());
        }
        String eTag = serve.s3()
                .putObject(
                        b -> b.bucket(ServeRuntime.BUCKET).key(MAKE_KEY),
                        RequestBody.fromBytes(resource("samples/makes/apple-pie.more-cinnamon-hotter.json")))
                .eTag()
                .replace("\"", "");
        String adminToken = serve.api().token();
        Map<String, Path> fixtures = new HashMap<>();
        for (ColdStartFunction function : ColdStartFunction.ALL) {
            ObjectNode event =
                    (ObjectNode) RecipeJson.mapper().readTree(resource("bench/events/" + function.fixture()));
            switch (function.name()) {
                case "watcher" ->
                    ((ObjectNode) event.path("Records").get(0).path("s3").path("object")).put("eTag", eTag);
                case "sender" -> {
                    ObjectNode record = (ObjectNode) event.path("Records").get(0);
                    ObjectNode job = (ObjectNode)
                            RecipeJson.mapper().readTree(record.path("body").asText());
                    job.put("eTag", eTag);
                    record.put("body", RecipeJson.mapper().writeValueAsString(job));
                }
                case "api" ->
                    ((ObjectNode) event.path("requestContext")
                                    .path("authorizer")
                                    .path("lambda"))
                            .put("kitchen", BenchServe.KITCHEN);
                case "authorizer" -> {
                    ((ObjectNode) event.path("headers")).put("authorization", "Bearer " + adminToken);
                    event.putArray("identitySource").add("Bearer " + adminToken);
                }
                default -> throw new IllegalStateException(function.name());
            }
            Path file = workDir.resolve(function.fixture());
            Files.writeString(file, RecipeJson.mapper().writeValueAsString(event));
            fixtures.put(function.name(), file);
        }
        return fixtures;
    }

    /**
     * What the CDK stack sets for each function (infra's RecipediffStack), pointed at serve's emulators; the
     * sender gets its token directly as in one-machine mode instead of a Secrets Manager ARN.
     */
    static Map<String, Map<String, String>> environments(BenchServe serve) throws IOException {
        Map<String, String> all = serve.endpoints()
                .environment(
                        Optional.of(serve.serviceToken()), serve.endpoints().api())
                .toMap();
        Map<String, Map<String, String>> environments = new HashMap<>();
        for (ColdStartFunction function : ColdStartFunction.ALL) {
            Map<String, String> environment = new HashMap<>();
            for (String variable : List.of(
                    FunctionsEnvironment.AWS_REGION,
                    FunctionsEnvironment.AWS_ENDPOINT_URL_S3,
                    FunctionsEnvironment.AWS_ENDPOINT_URL_SQS,
                    FunctionsEnvironment.AWS_ENDPOINT_URL_DYNAMODB)) {
                environment.put(variable, all.get(variable));
            }
            for (String variable : function.handlers().variables()) {
                // one-machine mode: the token itself instead of its Secrets Manager secret
                String local = variable.equals(FunctionsEnvironment.SERVICE_TOKEN_SECRET_ARN)
                        ? FunctionsEnvironment.SERVICE_TOKEN
                        : variable;
                environment.put(local, all.get(local));
            }
            environments.put(function.name(), environment);
        }
        return environments;
    }

    static byte[] resource(String name) {
        try (InputStream in = ColdStartFixtures.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
