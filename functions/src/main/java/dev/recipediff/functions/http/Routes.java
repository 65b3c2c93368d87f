package dev.recipediff.functions.http;

import dev.recipediff.functions.auth.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The routing table: method + path template → action. Adding a route is one line in the composition root.
 */
public final class Routes {

    private final List<Route> routes = new ArrayList<>();

    /** A route that needs {@code scope} and takes no body. */
    public Routes get(String path, Scope scope, Route.RouteAction action) {
        return add(new Route("GET", PathTemplate.of(path), Optional.of(scope), false, action));
    }

    /** A route anyone may call (no token). */
    public Routes getPublic(String path, Route.RouteAction action) {
        return add(new Route("GET", PathTemplate.of(path), Optional.empty(), false, action));
    }

    public Routes post(String path, Scope scope, Route.RouteAction action) {
        return add(new Route("POST", PathTemplate.of(path), Optional.of(scope), true, action));
    }

    public Routes put(String path, Scope scope, Route.RouteAction action) {
        return add(new Route("PUT", PathTemplate.of(path), Optional.of(scope), true, action));
    }

    public Routes delete(String path, Scope scope, Route.RouteAction action) {
        return add(new Route("DELETE", PathTemplate.of(path), Optional.of(scope), false, action));
    }

    public Routes add(Route route) {
        boolean duplicate = routes.stream()
                .anyMatch(existing -> existing.method().equals(route.method())
                        && existing.path().template().equals(route.path().template()));
        if (duplicate) {
            throw new IllegalArgumentException("route defined twice: " + route.method() + " "
                    + route.path().template());
        }
        routes.add(route);
        return this;
    }

    public List<Route> all() {
        return List.copyOf(routes);
    }

    /** What a request resolves to. */
    public sealed interface Resolution {
        record Found(Route route, Map<String, String> variables) implements Resolution {}

        record MethodNotAllowed(List<String> allowed) implements Resolution {}

        record NotFound() implements Resolution {}
    }

    public Resolution resolve(String method, String path) {
        TreeSet<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Optional<Map<String, String>> variables = route.path().match(path);
            if (variables.isEmpty()) {
                continue;
            }
            if (route.method().equals(method)) {
                return new Resolution.Found(route, variables.get());
            }
            allowed.add(route.method());
        }
        return allowed.isEmpty() ? new Resolution.NotFound() : new Resolution.MethodNotAllowed(List.copyOf(allowed));
    }
}
