package dev.recipediff.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recipediff.emulators.dynamodb.DynaliteExtension;
import dev.recipediff.emulators.dynamodb.DynaliteProcess;
import dev.recipediff.emulators.s3.S3ProxyExtension;
import dev.recipediff.functions.config.FunctionsConfig;
import dev.recipediff.functions.lambda.ApiHandler;
import dev.recipediff.functions.testing.ApiClient;
import dev.recipediff.functions.testing.ApiClient.Reply;
import dev.recipediff.functions.testing.EmulatedTable;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;

/** {@code GET /rejections}: the pipeline's rejection reports in S3 (S3Proxy), per kitchen, paginated. */
@ExtendWith(DynaliteExtension.class)
class RejectionsApiIT {

    @RegisterExtension
    static final S3ProxyExtension S3 = new S3ProxyExtension("rejections-files");

    private static ApiHandler handler;

    @BeforeAll
    static void handler(DynaliteProcess dynalite) {
        FunctionsConfig table = EmulatedTable.create(dynalite, "rejections").config();
        handler = new ApiHandler(FunctionsConfig.fromEnvironment(Map.of(
                "TABLE_NAME", table.requireTableName(),
                "BUCKET_NAME", S3.bucket(),
                "AWS_REGION", table.region(),
                "AWS_ENDPOINT_URL_DYNAMODB",
                        table.dynamoDbEndpoint().orElseThrow().toString(),
                "AWS_ENDPOINT_URL_S3", S3.server().endpoint().toString())));
        report("scullery", "makes/a.json");
        report("scullery", "makes/b.json");
        report("scullery", "recipes/c.json");
        report("larder", "makes/secret.json");
    }

    private static void report(String kitchen, String rest) {
        String json =
                "{\"key\":\"" + kitchen + "/" + rest + "\",\"reason\":\"invalid_document\",\"message\":\"not a make\","
                        + "\"details\":[{\"pointer\":\"/recipeId\",\"problem\":\"is required\"}],\"rejectedAt\":\"2026-11-29T18:00:00Z\"}";
        S3.client()
                .putObject(
                        put -> put.bucket(S3.bucket()).key(kitchen + "/rejected/" + rest + ".error.json"),
                        RequestBody.fromString(json));
    }

    @Test
    void listsTheKitchensRejectionReportsWithTheirReasons() {
        Reply reply = ApiClient.readWrite(handler, "scullery").get("/rejections");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("items").findValuesAsText("key"))
                .containsExactlyInAnyOrder("scullery/makes/a.json", "scullery/makes/b.json", "scullery/recipes/c.json");
        assertThat(reply.json()
                        .get("items")
                        .get(0)
                        .get("details")
                        .get(0)
                        .get("pointer")
                        .asText())
                .isEqualTo("/recipeId");
        assertThat(reply.json().get("next").isNull()).isTrue();
    }

    @Test
    void pagesWithAnOpaqueCursor() {
        ApiClient kitchen = ApiClient.readWrite(handler, "scullery");

        Reply first = kitchen.get("/rejections?limit=2");
        Reply second = kitchen.get(
                "/rejections?limit=2&next=" + first.json().get("next").asText());

        assertThat(first.json().get("items")).hasSize(2);
        assertThat(second.json().get("items")).hasSize(1);
        assertThat(second.json().get("next").isNull()).isTrue();
    }

    @Test
    void anotherKitchensReportsAreNeverListed() {
        Reply reply = ApiClient.readWrite(handler, "pantry").get("/rejections");

        assertThat(reply.json().get("items")).isEmpty();
    }
}
