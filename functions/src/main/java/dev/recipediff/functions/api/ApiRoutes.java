package dev.recipediff.functions.api;

import dev.recipediff.functions.auth.Scope;
import dev.recipediff.functions.http.PathTemplate;
import dev.recipediff.functions.http.Route;
import dev.recipediff.functions.http.Routes;
import java.util.Optional;

/**
 * THE routing table of the HTTP API: every route, its scope and the resource method serving it. Keep
 * {@code openapi.json} in step (a test compares them); the routes without a scope are exactly
 * {@link PublicRoutes#PATHS} (a test compares them too).
 */
public final class ApiRoutes {

    private ApiRoutes() {}

    public static Routes of(
            RecipeResource recipes,
            MakeResource makes,
            TokenResource tokens,
            RejectionResource rejections,
            OpenApiResource openApi,
            Dashboard dashboard,
            Analysis analysis,
            AuditResource audit) {
        return new Routes()
                .get("/audit", Scope.ADMIN, audit::list)
                .getPublic("/", dashboard.files()::serve)
                .getPublic("/docs", dashboard.files()::serve)
                .getPublic("/assets/{path+}", dashboard.files()::serve)
                .get("/stats", Scope.READ, dashboard.stats()::kitchen)
                .get("/recipes/{recipeId}/stats", Scope.READ, dashboard.stats()::recipe)
                .add(new Route(
                        "POST",
                        PathTemplate.of("/recipes/{recipeId}/makes/{makeId}/promote"),
                        Optional.of(Scope.WRITE),
                        false,
                        dashboard.promote()::promote))
                .get("/pipeline/status", Scope.READ, dashboard.pipeline()::status)
                .get("/recipes/{recipeId}/insights", Scope.READ, analysis.insights()::insights)
                .add(new Route(
                        "POST",
                        PathTemplate.of("/recipes/{recipeId}/suggestion/promote"),
                        Optional.of(Scope.WRITE),
                        false,
                        analysis.insights()::promote))
                .get(
                        "/recipes/{recipeId}/makes/{makeId}/compare/{otherMakeId}",
                        Scope.READ,
                        analysis.compare()::compare)
                .get("/recipes/{recipeId}/differences.csv", Scope.READ, analysis.compare()::csv)
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

    /** The dashboard's routes: its static files, the stats, promote and the pipeline status. */
    public record Dashboard(
            DashboardFiles files, StatsResource stats, PromoteResource promote, PipelineStatusResource pipeline) {}

    /** "Does it matter?": insights and the suggestion, two makes compared, the differences as CSV. */
    public record Analysis(InsightsResource insights, CompareResource compare) {}
}
