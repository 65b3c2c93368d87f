package dev.recipediff.functions.http;

import java.util.List;

/**
 * A request that cannot be served, with the HTTP status, a stable error code and every problem found.
 * Rendered as {@code {"error", "message", "details", "requestId"}}. Stack traces are not captured: this is
 * an expected outcome, not a failure.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final List<ErrorDetail> details;

    public ApiException(int status, String code, String message, List<ErrorDetail> details) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = List.copyOf(details);
    }

    public static ApiException badRequest(String code, String message, List<ErrorDetail> details) {
        return new ApiException(400, code, message, details);
    }

    public static ApiException invalidParameter(String pointer, String problem) {
        return new ApiException(
                400, "invalid_request", "the request is invalid", List.of(new ErrorDetail(pointer, problem)));
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, "unauthorized", message, List.of());
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "forbidden", message, List.of());
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message, List.of());
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(409, code, message, List.of());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<ErrorDetail> details() {
        return details;
    }
}
