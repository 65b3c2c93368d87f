package dev.recipediff.functions.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recipediff.core.format.RecipeJson;
import dev.recipediff.functions.pipeline.BucketLayout;
import dev.recipediff.functions.pipeline.RejectionReport;
import dev.recipediff.functions.pipeline.RejectionReports;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.util.Optional;

/** Rejection reports as JSON objects in the files bucket, next to the kitchen's files. */
public final class S3RejectionReports implements RejectionReports {

    private static final ObjectMapper JSON = RecipeJson.mapper();

    private final S3Client s3;
    private final String bucket;

    public S3RejectionReports(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void write(RejectionReport report) {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a rejection report is always serializable", e);
        }
        s3.putObject(b -> b.bucket(bucket).key(BucketLayout.rejectionReportKey(report.key())).contentType("application/json"),
                RequestBody.fromBytes(json));
    }

    @Override
    public Optional<RejectionReport> find(String fileKey) {
        try {
            byte[] json = s3.getObjectAsBytes(b -> b.bucket(bucket).key(BucketLayout.rejectionReportKey(fileKey))).asByteArray();
            return Optional.of(JSON.readValue(json, RejectionReport.class));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("unreadable rejection report for " + fileKey, e);
        }
    }

    @Override
    public void remove(String fileKey) {
        s3.deleteObject(b -> b.bucket(bucket).key(BucketLayout.rejectionReportKey(fileKey)));
    }
}
