package dev.recipediff.functions.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recipediff.functions.auth.Scope;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutesTest {

    private static final Route.RouteAction NOTHING = request -> ApiResponse.noContent();

    private final Routes routes = new Routes()
            .get("/recipes", Scope.READ, NOTHING)
            .post("/recipes", Scope.WRITE, NOTHING)
            .get("/recipes/{recipeId}", Scope.READ, NOTHING)
            .get("/recipes/{recipeId}/makes/{makeId}", Scope.READ, NOTHING);

    @Test
    void aMatchingRouteYieldsItsPathVariables() {
        Routes.Resolution resolution = routes.resolve("GET", "/recipes/2/makes/7");

        assertThat(resolution)
                .isInstanceOfSatisfying(Routes.Resolution.Found.class, found -> assertThat(found.variables())
                        .isEqualTo(Map.of("recipeId", "2", "makeId", "7")));
    }

    @Test
    void aTrailingSlashIsTheSamePath() {
        assertThat(routes.resolve("GET", "/recipes/2/")).isInstanceOf(Routes.Resolution.Found.class);
    }

    @Test
    void aKnownPathWithAnotherMethodListsTheAllowedMethods() {
        Routes.Resolution resolution = routes.resolve("DELETE", "/recipes");

        assertThat(resolution).isEqualTo(new Routes.Resolution.MethodNotAllowed(java.util.List.of("GET", "POST")));
    }

    @Test
    void anUnknownPathIsNotFound() {
        assertThat(routes.resolve("GET", "/recipes/2/comments")).isInstanceOf(Routes.Resolution.NotFound.class);
        assertThat(routes.resolve("GET", "/recipes//makes/1")).isInstanceOf(Routes.Resolution.NotFound.class);
    }

    @Test
    void aRouteCannotBeDefinedTwice() {
        assertThatThrownBy(() -> routes.get("/recipes", Scope.READ, NOTHING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GET /recipes");
    }
}
