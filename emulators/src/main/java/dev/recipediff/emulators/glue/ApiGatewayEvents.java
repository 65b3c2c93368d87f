package dev.recipediff.emulators.glue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Builds the payload 2.0 events API Gateway HTTP APIs send, from an {@link IncomingRequest}. */
final class ApiGatewayEvents {

    static final String API_ID = "local";
    static final String ACCOUNT_ID = "000000000000";
    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern(
                    "dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final int port;

    ApiGatewayEvents(int port) {
        this.port = port;
    }

    /** What the front door read off the wire: raw (still percent-encoded) path and query, headers by name. */
    record IncomingRequest(
            String method,
            String rawPath,
            String rawQuery,
            Map<String, List<String>> headers,
            String protocol,
            String sourceIp) {}

    APIGatewayV2HTTPEvent httpEvent(IncomingRequest exchange, byte[] body) {
        String rawQuery = exchange.rawQuery() == null ? "" : exchange.rawQuery();
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        exchange.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                values.forEach(v -> Arrays.stream(v.split(";"))
                        .map(String::trim)
                        .filter(c -> !c.isEmpty())
                        .forEach(cookies::add));
            } else {
                headers.merge(lower, String.join(",", values), (a, b) -> a + "," + b);
            }
        });
        Instant now = Instant.now();
        var http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(exchange.method().toUpperCase(Locale.ROOT));
        http.setPath(exchange.rawPath());
        http.setProtocol(exchange.protocol());
        http.setSourceIp(exchange.sourceIp());
        http.setUserAgent(headers.get("user-agent"));
        var context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setAccountId(ACCOUNT_ID);
        context.setApiId(API_ID);
        context.setDomainName("127.0.0.1:" + port);
        context.setDomainPrefix("127");
        context.setHttp(http);
        context.setRequestId(UUID.randomUUID().toString());
        context.setRouteKey("$default");
        context.setStage("$default");
        context.setTime(REQUEST_TIME.format(now));
        context.setTimeEpoch(now.toEpochMilli());

        var event = new APIGatewayV2HTTPEvent();
        event.setVersion("2.0");
        event.setRouteKey("$default");
        event.setRawPath(exchange.rawPath());
        event.setRawQueryString(rawQuery);
        event.setCookies(cookies.isEmpty() ? null : cookies);
        event.setHeaders(headers);
        event.setQueryStringParameters(queryParameters(rawQuery));
        event.setRequestContext(context);
        if (body.length > 0) {
            // bytes that are not UTF-8 cannot travel as a JSON string: base64, so the handler sees the real bytes
            boolean text = isText(headers.get("content-type")) && isUtf8(body);
            event.setIsBase64Encoded(!text);
            event.setBody(
                    text
                            ? new String(body, StandardCharsets.UTF_8)
                            : Base64.getEncoder().encodeToString(body));
        }
        return event;
    }

    APIGatewayV2CustomAuthorizerEvent authorizerEvent(APIGatewayV2HTTPEvent request) {
        var source = request.getRequestContext();
        var http = new APIGatewayV2CustomAuthorizerEvent.Http();
        http.setMethod(source.getHttp().getMethod());
        http.setPath(source.getHttp().getPath());
        http.setProtocol(source.getHttp().getProtocol());
        http.setSourceIp(source.getHttp().getSourceIp());
        http.setUserAgent(source.getHttp().getUserAgent());
        var context = new APIGatewayV2CustomAuthorizerEvent.RequestContext();
        context.setAccountId(source.getAccountId());
        context.setApiId(source.getApiId());
        context.setDomainName(source.getDomainName());
        context.setDomainPrefix(source.getDomainPrefix());
        context.setHttp(http);
        context.setRequestId(source.getRequestId());
        context.setRouteKey(source.getRouteKey());
        context.setStage(source.getStage());
        context.setTime(source.getTime());
        context.setTimeEpoch(source.getTimeEpoch());
        var event = new APIGatewayV2CustomAuthorizerEvent();
        event.setVersion("2.0");
        event.setType("REQUEST");
        event.setRouteArn("arn:aws:execute-api:us-east-1:" + ACCOUNT_ID + ":" + API_ID + "/$default/" + http.getMethod()
                + request.getRawPath());
        event.setRouteKey(request.getRouteKey());
        event.setRawPath(request.getRawPath());
        event.setRawQueryString(request.getRawQueryString());
        event.setCookies(request.getCookies());
        event.setHeaders(request.getHeaders());
        event.setQueryStringParameters(request.getQueryStringParameters());
        event.setRequestContext(context);
        return event;
    }

    void attachAuthorizerContext(APIGatewayV2HTTPEvent event, Map<String, Object> lambdaContext) {
        var authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
        authorizer.setLambda(lambdaContext);
        event.getRequestContext().setAuthorizer(authorizer);
    }

    /** Decoded, repeated names joined with a comma (as payload 2.0 does); null when there is no query. */
    static Map<String, String> queryParameters(String rawQuery) {
        if (rawQuery.isEmpty()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(body));
            return true;
        } catch (java.nio.charset.CharacterCodingException malformed) {
            return false;
        }
    }

    private static boolean isText(String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/")
                || type.contains("json")
                || type.contains("xml")
                || type.contains("javascript")
                || type.startsWith("application/x-www-form-urlencoded");
    }
}
