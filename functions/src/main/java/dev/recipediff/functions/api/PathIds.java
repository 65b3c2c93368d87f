package dev.recipediff.functions.api;

import dev.recipediff.functions.http.ApiException;
import dev.recipediff.functions.http.ApiRequest;

/** Numeric path variables ({@code recipeId}, {@code makeId}, {@code version}): positive integers or a 400. */
final class PathIds {

    private PathIds() {
    }

    static long positive(ApiRequest request, String name) {
        String text = request.pathVariable(name);
        try {
            long value = Long.parseLong(text);
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw ApiException.invalidParameter("/path/" + name, "must be a positive integer");
    }
}
