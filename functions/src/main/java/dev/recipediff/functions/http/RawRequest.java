package dev.recipediff.functions.http;

import java.util.Map;

/**
 * A request as the gateway delivered it, before routing and decoding.
 *
 * @param method            HTTP method
 * @param path              raw path
 * @param query             query parameters (repeated values joined by commas, as API Gateway does)
 * @param headers           headers, names lower-cased
 * @param body              the body as delivered (base64 text when {@code base64Encoded})
 * @param base64Encoded     whether {@code body} is base64
 * @param requestId         the gateway's request id
 * @param authorizerContext the Lambda authorizer's context ({@code requestContext.authorizer.lambda}), or null
 * @param sourceIp          the client's address as the gateway saw it ({@code requestContext.http.sourceIp}), or "-"
 */
public record RawRequest(
        String method,
        String path,
        Map<String, String> query,
        Map<String, String> headers,
        String body,
        boolean base64Encoded,
        String requestId,
        Map<String, Object> authorizerContext,
        String sourceIp) {

    public RawRequest(
            String method,
            String path,
            Map<String, String> query,
            Map<String, String> headers,
            String body,
            boolean base64Encoded,
            String requestId,
            Map<String, Object> authorizerContext) {
        this(method, path, query, headers, body, base64Encoded, requestId, authorizerContext, "-");
    }
}
