package dev.recipediff.functions.http;

/**
 * One thing wrong with a request.
 *
 * @param pointer where: a JSON pointer into the body ({@code ""} = the whole body); for a header or query
 *                parameter, {@code /headers/<name>} or {@code /query/<name>}
 * @param problem why, in plain words
 */
public record ErrorDetail(String pointer, String problem) {}
