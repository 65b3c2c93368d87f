package dev.recipediff.functions.http;

import dev.recipediff.core.format.InvalidDocumentException;
import dev.recipediff.functions.recipes.RecipeRefusal;
import java.util.List;

/** The domain's refusals (core's invalid documents, the services' {@link RecipeRefusal}) as HTTP errors. */
final class DomainErrors {

    private DomainErrors() {}

    /** An invalid document in HTTP words: 400 (413 when too large), with every problem's JSON pointer. */
    static ApiException invalid(InvalidDocumentException invalid) {
        List<ErrorDetail> details = invalid.problems().stream()
                .map(problem -> new ErrorDetail(problem.pointer(), problem.problem()))
                .toList();
        if (InvalidDocumentException.TOO_LARGE.equals(invalid.code())) {
            return new ApiException(413, "too_large", "the document is too large", details);
        }
        String message = InvalidDocumentException.INVALID_JSON.equals(invalid.code())
                ? "the body is not valid JSON"
                : "the document is not a valid recipe or make";
        return ApiException.badRequest(invalid.code(), message, details);
    }
    /** A service's refusal in HTTP words: the status code is decided here, at the edge. */
    static ApiException refused(RecipeRefusal refusal) {
        int status =
                switch (refusal.reason()) {
                    case INVALID -> 400;
                    case NOT_FOUND -> 404;
                    case ALREADY_EXISTS, CONCURRENT_UPDATE -> 409;
                    case TOO_LARGE -> 413;
                };
        return new ApiException(
                status,
                refusal.code(),
                refusal.getMessage(),
                refusal.problems().stream()
                        .map(problem -> new ErrorDetail(problem.pointer(), problem.problem()))
                        .toList());
    }
}
