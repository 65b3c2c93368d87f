package dev.recipediff.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recipediff.functions.http.ApiRequest;
import dev.recipediff.functions.http.ApiResponse;
import dev.recipediff.functions.http.JsonBodies;
import dev.recipediff.functions.http.PageQuery;
import dev.recipediff.functions.observability.CorrelationIds;
import dev.recipediff.functions.pipeline.BucketLayout;
import dev.recipediff.functions.pipeline.RejectionReports;
import dev.recipediff.functions.store.Page;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /rejections}: the files the pipeline rejected, with the reasons, for the caller's kitchen. */
public final class RejectionResource {

    private static final Logger log = LoggerFactory.getLogger(RejectionResource.class);

    private final Supplier<RejectionReports> reports;
    private final JsonBodies json;

    /** {@code reports}: asked on each request, so that the S3 client behind it can be built when first needed. */
    public RejectionResource(Supplier<RejectionReports> reports, JsonBodies json) {
        this.reports = reports;
        this.json = json;
    }

    public ApiResponse list(ApiRequest request) {
        PageQuery query = PageQuery.from(request, BucketLayout.rejectedPrefix(request.kitchen()));
        Page<RejectionReports.Listed> page = reports.get().list(request.kitchen(), query.limit(), query.after());
        ObjectNode body = json.object();
        ArrayNode items = body.putArray("items");
        for (RejectionReports.Listed report : page.items()) {
            try {
                JsonNode content = json.requestObject(report.content());
                ((ObjectNode) content).put("reportKey", report.objectKey());
                items.add(content);
            } catch (RuntimeException unreadable) {
                log.atWarn()
                        .addKeyValue("keyHash", CorrelationIds.keyHash(report.objectKey()))
                        .log("unreadable rejection report");
                items.addObject().put("reportKey", report.objectKey()).put("reason", "unreadable_report");
            }
        }
        RecipeResource.next(body, page);
        return json.respond(200, body);
    }
}
