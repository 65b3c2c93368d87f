package dev.recipediff.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recipediff.functions.http.Route;
import org.junit.jupiter.api.Test;

class PublicRoutesTest {

    @Test
    void theRoutesWithoutAScopeAreExactlyThePublicRoutes() {
        var unscoped = OpenApiDocumentTest.routes().all().stream()
                .filter(route -> route.scope().isEmpty())
                .map(route -> route.method() + " " + route.path().template())
                .toList();

        assertThat(unscoped)
                .containsExactlyInAnyOrderElementsOf(PublicRoutes.PATHS.stream()
                        .map(path -> PublicRoutes.METHOD + " " + path)
                        .toList());
    }

    @Test
    void everyPublicRouteIsAGet() {
        assertThat(OpenApiDocumentTest.routes().all().stream()
                        .filter(route -> route.scope().isEmpty())
                        .map(Route::method))
                .containsOnly(PublicRoutes.METHOD);
    }
}
