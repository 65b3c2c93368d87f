package dev.recipediff.functions.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a route answers: status, headers and a body (UTF-8 JSON for every API route).
 *
 * @param replay what an Idempotency-Key replay of this answer says instead of it; {@code null} = the answer itself.
 *               An answer that carries a secret (a minted token) sets one without the secret: a replay record is
 *               stored in the table, and only the SHA-256 of a token may ever be stored.
 */
public record ApiResponse(int status, Map<String, String> headers, byte[] body, Replay replay) {

    public static final String JSON = "application/json";

    public ApiResponse {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    public ApiResponse(int status, Map<String, String> headers, byte[] body) {
        this(status, headers, body, null);
    }

    public static ApiResponse json(int status, byte[] body) {
        return new ApiResponse(status, Map.of("Content-Type", JSON), body);
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, Map.of(), new byte[0]);
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiResponse(status, copy, body, replay);
    }

    /** This answer, replayed (same Idempotency-Key, same request) as {@code status} + {@code body} instead. */
    public ApiResponse withReplay(int replayStatus, byte[] replayBody) {
        return new ApiResponse(status, headers, body, new Replay(replayStatus, replayBody));
    }

    /** What a replay record stores: the replay when one is set, else this answer. */
    public Replay replayed() {
        return replay != null ? replay : new Replay(status, body);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The answer an Idempotency-Key replay gives. */
    public record Replay(int status, byte[] body) {}
}
