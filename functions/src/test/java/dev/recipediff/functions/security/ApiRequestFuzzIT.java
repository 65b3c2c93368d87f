package dev.recipediff.functions.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recipediff.core.testing.SampleFiles;
import dev.recipediff.emulators.dynamodb.DynaliteProcess;
import dev.recipediff.functions.auth.Scope;
import dev.recipediff.functions.lambda.ApiHandler;
import dev.recipediff.functions.testing.ApiEvents;
import dev.recipediff.functions.testing.EmulatedTable;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Issue 17: property-based fuzzing of the whole request pipeline (the real API handler on dynalite): random
 * methods, paths, query parameters (limits, cursors), headers (media types, Idempotency-Keys, kitchens), bodies
 * (bytes, mutated documents) and identities. Never a 5xx; every refusal is an error document whose details carry
 * JSON pointers. CI runs {@code jqwik.tries.default} (300, junit-platform.properties); longer:
 * {@code ./recipediff mvn -pl functions verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ApiRequestFuzzIT -Djqwik.tries.default=20000}.
 */
class ApiRequestFuzzIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static DynaliteProcess dynalite;
    private static ApiHandler handler;

    @BeforeContainer
    static void start() {
        dynalite = DynaliteProcess.start();
        handler = new ApiHandler(EmulatedTable.create(dynalite, "fuzz").config());
        handler.handleRequest(
                ApiEvents.request("POST", "/recipes")
                        .header("content-type", "application/json")
                        .body(SampleFiles.text("recipes/apple-pie.json"))
                        .as("fuzz", EnumSet.of(Scope.READ, Scope.WRITE))
                        .build(),
                null);
    }

    @AfterContainer
    static void stop() {
        if (dynalite != null) {
            dynalite.close();
        }
    }

    record Request(
            String method,
            String path,
            String query,
            String contentType,
            String idempotencyKey,
            String kitchenHeader,
            byte[] body,
            Set<Scope> scopes) {
        @Override
        public String toString() {
            return method + " " + path + "?" + query + " ct=" + contentType + " key=" + idempotencyKey + " kitchen="
                    + kitchenHeader + " scopes=" + scopes + " body=" + new String(body, StandardCharsets.ISO_8859_1);
        }
    }

    @Property
    void noRequestIsAServerErrorAndEveryRefusalCarriesPointers(@ForAll("requests") Request request) throws Exception {
        ApiEvents event = ApiEvents.request(
                        request.method(), request.path() + (request.query().isEmpty() ? "" : "?" + request.query()))
                .as("fuzz", request.scopes())
                .header("content-type", request.contentType())
                .header("idempotency-key", request.idempotencyKey())
                .header("x-recipediff-kitchen", request.kitchenHeader())
                .bodyBytes(request.body());

        APIGatewayV2HTTPResponse response = handler.handleRequest(event.build(), null);

        assertThat(response.getStatusCode()).as(request.toString()).isLessThan(500);
        if (response.getStatusCode() >= 400) {
            JsonNode error = JSON.readTree(response.getBody());
            assertThat(error.path("error").asText()).as(request.toString()).isNotBlank();
            assertThat(error.path("details").isArray()).as(request.toString()).isTrue();
            error.path("details")
                    .forEach(detail -> assertThat(detail.path("pointer").asText())
                            .as(request.toString())
                            .matches("(?s)|/.*"));
        }
    }

    @Provide
    Arbitrary<Request> requests() {
        Arbitrary<String> method =
                Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "get", "BREW");
        Arbitrary<String> segment = Arbitraries.oneOf(
                Arbitraries.of(
                        "recipes",
                        "makes",
                        "versions",
                        "differences",
                        "promote",
                        "tokens",
                        "audit",
                        "stats",
                        "rejections",
                        "pipeline",
                        "status",
                        "assets",
                        "2",
                        "1",
                        "0",
                        "-1",
                        "007",
                        "9007199254740992",
                        "99999999999999999999",
                        "0123456789abcdef",
                        "..",
                        ".",
                        "%2e%2e",
                        "%00",
                        "",
                        "a%ZZ",
                        "1e3"),
                Arbitraries.strings().ofMaxLength(30));
        Arbitrary<String> path = segment.list().ofMinSize(0).ofMaxSize(6).map(parts -> "/" + String.join("/", parts));
        Arbitrary<String> cursor = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('!', '~').ofMaxLength(60),
                Arbitraries.strings().ofMaxLength(2_000).map(text -> java.util.Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(("c1:" + text).getBytes(StandardCharsets.UTF_8))),
                Arbitraries.of("RECIPE#", "M#", "V#", "STATS#", "E#").flatMap(prefix -> Arbitraries.strings()
                        .ofMaxLength(40)
                        .map(rest -> java.util.Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(("c1:" + prefix + rest).getBytes(StandardCharsets.UTF_8)))));
        Arbitrary<String> query = Combinators.combine(
                        Arbitraries.of("", "limit=", "limit=0", "limit=101", "limit=5", "limit=abc", "limit=-1"),
                        cursor.map(c -> "next=" + c).injectNull(0.5),
                        Arbitraries.of("", "tokenId=zz", "recipeId=2", "route=/recipes"))
                .as((limit, next, filter) -> String.join(
                        "&",
                        java.util.stream.Stream.of(limit, next, filter)
                                .filter(p -> p != null && !p.isEmpty())
                                .toList()));
        Arbitrary<String> contentType = Arbitraries.of(
                        "application/json",
                        "application/ld+json",
                        "text/plain",
                        "",
                        "application/json; charset=latin1",
                        "application/vnd.x+json")
                .injectNull(0.2);
        Arbitrary<String> key = Arbitraries.strings().ofMaxLength(40).injectNull(0.6);
        Arbitrary<String> kitchen =
                Arbitraries.of("fuzz", "other", "FUZZ", "", "a".repeat(70)).injectNull(0.8);
        Arbitrary<byte[]> body = Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200),
                Arbitraries.of(
                                SampleFiles.text("recipes/apple-pie.json"),
                                "{\"scopes\":[\"read\"]}",
                                "{}",
                                "[]",
                                "null",
                                "{\"recipeId\":9223372036854775807,\"recipeName\":\"x\"}")
                        .flatMap(text -> Arbitraries.integers()
                                .between(0, Math.max(0, text.length() - 1))
                                .flatMap(at -> Arbitraries.chars()
                                        .map(c -> (text.substring(0, at) + c + text.substring(at))
                                                .getBytes(StandardCharsets.UTF_8)))));
        Arbitrary<Set<Scope>> scopes = Arbitraries.of(Scope.READ, Scope.WRITE, Scope.ADMIN, Scope.SERVICE)
                .set()
                .ofMinSize(1);
        return Combinators.combine(method, path, query, contentType, key, kitchen, body, scopes)
                .as(Request::new);
    }
}
