package dev.recipediff.functions.api;

import dev.recipediff.functions.auth.Scope;
import dev.recipediff.functions.http.Routes;

/**
 * THE routing table of the HTTP API: every route, its scope and the resource method serving it. Keep
 * {@code openapi.json} in step (a test compares them).
 */
public final class ApiRoutes {

    private ApiRoutes() {
    }

    public static Routes of(RecipeResource recipes, MakeResource makes, TokenResource tokens,
                            RejectionResource rejections, OpenApiResource openApi) {
        return new Routes()
                .getPublic("/openapi.json", openApi::document)
                .post("/recipes", Scope.WRITE, recipes::create)
                .put("/recipes", Scope.WRITE, recipes::update)
                .get("/recipes", Scope.READ, recipes::list)
                .get("/recipes/{recipeId}", Scope.READ, recipes::current)
                .get("/recipes/{recipeId}/versions", Scope.READ, recipes::versions)
                .get("/recipes/{recipeId}/versions/{version}", Scope.READ, recipes::version)
                .post("/recipes/{recipeId}/makes", Scope.WRITE, makes::record)
                .get("/recipes/{recipeId}/makes", Scope.READ, makes::list)
                .get("/recipes/{recipeId}/makes/{makeId}", Scope.READ, makes::get)
                .get("/recipes/{recipeId}/makes/{makeId}/differences", Scope.READ, makes::differences)
                .post("/tokens", Scope.ADMIN, tokens::mint)
                .delete("/tokens/{tokenId}", Scope.ADMIN, tokens::revoke)
                .get("/rejections", Scope.READ, rejections::list);
    }
}
