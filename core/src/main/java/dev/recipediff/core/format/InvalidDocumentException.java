package dev.recipediff.core.format;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A submitted document was rejected. Carries every problem found, each with a JSON pointer and a plain reason.
 *
 * <p>Codes: {@link #TOO_LARGE} (HTTP 413), {@link #INVALID_JSON} and {@link #INVALID_DOCUMENT} (HTTP 400).
 * Problem texts name fields and limits; only {@code invalid_json} problems may quote a few characters of the
 * offending input (the unexpected token), so log them at DEBUG, not INFO.
 */
public final class InvalidDocumentException extends RuntimeException {

    /** The document is larger than {@link DocumentLimits#MAX_DOCUMENT_BYTES}. */
    public static final String TOO_LARGE = "too_large";
    /** The bytes are not a JSON text (syntax error, malformed UTF-8, empty input). */
    public static final String INVALID_JSON = "invalid_json";
    /** Well-formed JSON that is not a valid recipe or make (types, required fields, limits). */
    public static final String INVALID_DOCUMENT = "invalid_document";

    private static final int PROBLEMS_IN_MESSAGE = 5;

    private final String code;
    private final List<Problem> problems;

    public InvalidDocumentException(String code, List<Problem> problems) {
        super(message(code, problems), null, false, false);
        this.code = code;
        this.problems = List.copyOf(problems);
    }

    /** {@code too_large}, {@code invalid_json} or {@code invalid_document}. */
    public String code() {
        return code;
    }

    /** Every problem found, in document order (never empty). */
    public List<Problem> problems() {
        return problems;
    }

    private static String message(String code, List<Problem> problems) {
        String shown = problems.stream()
                .limit(PROBLEMS_IN_MESSAGE)
                .map(Problem::toString)
                .collect(Collectors.joining("; "));
        int more = problems.size() - PROBLEMS_IN_MESSAGE;
        return code + ": " + shown + (more > 0 ? " (and " + more + " more)" : "");
    }
}
