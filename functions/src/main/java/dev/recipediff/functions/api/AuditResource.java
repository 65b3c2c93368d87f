package dev.recipediff.functions.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recipediff.functions.http.ApiException;
import dev.recipediff.functions.http.ApiRequest;
import dev.recipediff.functions.http.ApiResponse;
import dev.recipediff.functions.http.JsonBodies;
import dev.recipediff.functions.http.PageQuery;
import dev.recipediff.functions.store.AuditEntry;
import dev.recipediff.functions.store.AuditTrail;
import dev.recipediff.functions.store.ItemKey;
import dev.recipediff.functions.store.Page;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code GET /audit} (admin scope of the kitchen): the kitchen's audit trail, oldest first, one page at a time;
 * {@code tokenId}, {@code recipeId} and {@code route} filter the entries of each page.
 */
public final class AuditResource {

    private static final Pattern TOKEN_ID = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,19}");

    private final AuditTrail trail;
    private final JsonBodies json;

    public AuditResource(AuditTrail trail, JsonBodies json) {
        this.trail = trail;
        this.json = json;
    }

    public ApiResponse list(ApiRequest request) {
        PageQuery query = PageQuery.from(request, ItemKey.AUDIT_PREFIX);
        Optional<String> tokenId = filter(request, "tokenId", TOKEN_ID, "a token id (16 hex digits)");
        Optional<String> recipeId = filter(request, "recipeId", NUMBER, "a recipe id");
        Optional<String> route = request.queryParameter("route");
        Page<AuditEntry> page = trail.page(request.kitchen(), query.limit(), query.after());
        ObjectNode body = json.object();
        ArrayNode items = body.putArray("items");
        for (AuditEntry entry : page.items()) {
            if (tokenId.isPresent() && !tokenId.get().equals(entry.tokenId())
                    || recipeId.isPresent() && !recipeId.get().equals(entry.recipeId())
                    || route.isPresent() && !route.get().equals(entry.route())) {
                continue;
            }
            items.addObject()
                    .put("sequence", entry.sequence())
                    .put("at", entry.at().toString())
                    .put("tokenId", entry.tokenId())
                    .put("method", entry.method())
                    .put("route", entry.route())
                    .put("recipeId", entry.recipeId())
                    .put("makeId", entry.makeId())
                    .put("status", entry.status())
                    .put("sourceIp", entry.sourceIp())
                    .put("requestId", entry.requestId())
                    .put("previousHash", entry.previousHash())
                    .put("hash", entry.hash());
        }
        page.next()
                .ifPresentOrElse(position -> body.put("next", PageQuery.cursor(position)), () -> body.putNull("next"));
        return json.respond(200, body);
    }

    private static Optional<String> filter(ApiRequest request, String name, Pattern shape, String what) {
        Optional<String> value = request.queryParameter(name);
        if (value.isPresent() && !shape.matcher(value.get()).matches()) {
            throw ApiException.invalidParameter("/query/" + name, "must be " + what);
        }
        return value;
    }
}
