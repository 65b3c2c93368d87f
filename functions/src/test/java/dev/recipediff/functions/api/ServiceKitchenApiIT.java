package dev.recipediff.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recipediff.core.testing.SampleFiles;
import dev.recipediff.emulators.dynamodb.DynaliteExtension;
import dev.recipediff.emulators.dynamodb.DynaliteProcess;
import dev.recipediff.functions.auth.Scope;
import dev.recipediff.functions.lambda.ApiHandler;
import dev.recipediff.functions.testing.ApiClient;
import dev.recipediff.functions.testing.ApiClient.Reply;
import dev.recipediff.functions.testing.EmulatedTable;
import java.util.EnumSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The pipeline's service token acts for the kitchen named in {@code X-Recipediff-Kitchen}; no other token may. */
@ExtendWith(DynaliteExtension.class)
class ServiceKitchenApiIT {

    private static ApiHandler handler;

    @BeforeAll
    static void handler(DynaliteProcess dynalite) {
        handler =
                new ApiHandler(EmulatedTable.create(dynalite, "service-kitchen").config());
    }

    private static Reply postRecipeAs(ApiClient caller, String namedKitchen) {
        return caller.send(caller.request("POST", "/recipes")
                .body(SampleFiles.text("recipes/apple-pie.json"))
                .header("content-type", "application/json")
                .header("x-recipediff-kitchen", namedKitchen));
    }

    @Test
    void aServiceTokenWritesIntoTheKitchenItNames() {
        ApiClient service = new ApiClient(handler, "default", EnumSet.of(Scope.SERVICE));

        Reply created = postRecipeAs(service, "bakery");

        assertThat(created.status()).isEqualTo(201);
        assertThat(ApiClient.readWrite(handler, "bakery").get("/recipes/2").status())
                .isEqualTo(200);
        assertThat(ApiClient.readWrite(handler, "default").get("/recipes/2").status())
                .isEqualTo(404);
    }

    @Test
    void anyOtherTokenNamingAKitchenIsForbidden() {
        ApiClient admin = new ApiClient(handler, "pantry", EnumSet.of(Scope.READ, Scope.WRITE, Scope.ADMIN));

        Reply refused = postRecipeAs(admin, "someone-else");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("message").asText()).contains("X-Recipediff-Kitchen");
        assertThat(ApiClient.readWrite(handler, "someone-else")
                        .get("/recipes/2")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aServiceTokenNamingAnInvalidKitchenIsForbidden() {
        ApiClient service = new ApiClient(handler, "default", EnumSet.of(Scope.SERVICE));

        assertThat(postRecipeAs(service, "K#evil").status()).isEqualTo(403);
    }
}
