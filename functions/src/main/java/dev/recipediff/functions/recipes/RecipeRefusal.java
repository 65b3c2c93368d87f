package dev.recipediff.functions.recipes;

import dev.recipediff.core.format.Problem;
import java.util.List;

/**
 * A recipe or make the book will not take, in the domain's words: why ({@link Reason}), a stable code and the
 * problems found (JSON pointers into the document). The HTTP edge ({@code HttpEdge}) turns the reason into a
 * status code; services never speak HTTP. No stack trace is captured: this is an expected outcome.
 */
public final class RecipeRefusal extends RuntimeException {

    /** Why a request was refused. */
    public enum Reason {
        /** The document or request contradicts itself or lacks what the operation needs. */
        INVALID,
        /** The recipe does not exist. */
        NOT_FOUND,
        /** A recipe with that id exists already. */
        ALREADY_EXISTS,
        /** Another writer changed the recipe at the same time; a retry may succeed. */
        CONCURRENT_UPDATE,
        /** The normalised document is larger than an item may hold. */
        TOO_LARGE
    }

    private final Reason reason;
    private final String code;
    private final List<Problem> problems;

    private RecipeRefusal(Reason reason, String code, String message, List<Problem> problems) {
        super(message, null, false, false);
        this.reason = reason;
        this.code = code;
        this.problems = List.copyOf(problems);
    }

    static RecipeRefusal invalid(String code, String message, Problem problem) {
        return new RecipeRefusal(Reason.INVALID, code, message, List.of(problem));
    }

    static RecipeRefusal notFound(String message) {
        return new RecipeRefusal(Reason.NOT_FOUND, "not_found", message, List.of());
    }

    static RecipeRefusal alreadyExists(String code, String message, Problem problem) {
        return new RecipeRefusal(Reason.ALREADY_EXISTS, code, message, List.of(problem));
    }

    static RecipeRefusal concurrentUpdate(String code, String message) {
        return new RecipeRefusal(Reason.CONCURRENT_UPDATE, code, message, List.of());
    }

    static RecipeRefusal tooLarge(String message, Problem problem) {
        return new RecipeRefusal(Reason.TOO_LARGE, "too_large", message, List.of(problem));
    }

    public Reason reason() {
        return reason;
    }

    public String code() {
        return code;
    }

    public List<Problem> problems() {
        return problems;
    }
}
