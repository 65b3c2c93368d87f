package dev.recipediff.functions.api;

import java.util.List;

/**
 * THE list of routes anyone may call without a token (all {@code GET}): the API document, the dashboard page,
 * the API docs page and the dashboard's static files. Written as API Gateway route paths ({@code {name+}} is a
 * greedy variable). The API serves them ({@link ApiRoutes}), {@code recipediff serve}'s front door and the CDK
 * stack pass them without the authorizer; tests check all three against this list. Pure Java, so that infra can
 * read it without the functions' dependencies.
 */
public final class PublicRoutes {

    /** The method of every public route. */
    public static final String METHOD = "GET";

    public static final List<String> PATHS = List.of("/openapi.json", "/", "/docs", "/assets/{path+}");

    private PublicRoutes() {}
}
