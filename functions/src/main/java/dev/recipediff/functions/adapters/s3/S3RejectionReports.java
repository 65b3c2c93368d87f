package dev.recipediff.functions.adapters.s3;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.recipediff.core.format.RecipeJson;
import dev.recipediff.functions.pipeline.BucketLayout;
import dev.recipediff.functions.pipeline.RejectionReport;
import dev.recipediff.functions.pipeline.RejectionReports;
import dev.recipediff.functions.store.Page;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Rejection reports as JSON objects in the files bucket, next to the kitchen's files. */
public final class S3RejectionReports implements RejectionReports {

    /** The tag the bucket's lifecycle rule expires rejection reports by (S3 lifecycle filters cannot match a
     *  {@code rejected/} folder under every kitchen by prefix). Must equal infra's {@code FilesBucket} tag. */
    static final String LIFECYCLE_TAG = "recipediff-object=rejection-report";

    private static final int NOT_IMPLEMENTED = 501;

    private final AtomicBoolean tagging = new AtomicBoolean(true);

    private final Supplier<S3Client> s3;
    private final String bucket;

    public S3RejectionReports(S3Client s3, String bucket) {
        this(() -> s3, bucket);
    }

    /** With a client built when first needed (the watcher writes reports rarely; see {@code OnFirstUse}). */
    public S3RejectionReports(Supplier<S3Client> s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void write(RejectionReport report) {
        byte[] json;
        try {
            json = RecipeJson.mapper().writeValueAsBytes(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a rejection report is always serializable", e);
        }
        String key = BucketLayout.rejectionReportKey(report.key());
        if (tagging.get()) {
            try {
                s3.get()
                        .putObject(
                                b -> b.bucket(bucket)
                                        .key(key)
                                        .contentType("application/json")
                                        .tagging(LIFECYCLE_TAG),
                                RequestBody.fromBytes(json));
                return;
            } catch (S3Exception e) {
                if (e.statusCode() != NOT_IMPLEMENTED) {
                    throw e;
                }
                // an S3 emulator without object tagging (S3Proxy): keep reports untagged from now on
                tagging.set(false);
            }
        }
        s3.get().putObject(b -> b.bucket(bucket).key(key).contentType("application/json"), RequestBody.fromBytes(json));
    }

    @Override
    public Optional<RejectionReport> find(String fileKey) {
        try {
            byte[] json = s3.get()
                    .getObjectAsBytes(b -> b.bucket(bucket).key(BucketLayout.rejectionReportKey(fileKey)))
                    .asByteArray();
            return Optional.of(RecipeJson.mapper().readValue(json, RejectionReport.class));
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
        s3.get().deleteObject(b -> b.bucket(bucket).key(BucketLayout.rejectionReportKey(fileKey)));
    }

    /**
     * ListObjectsV2 under the kitchen's {@code rejected/} prefix; the position is the last key listed (StartAfter),
     * not S3's continuation token: any key under the prefix is a valid place to start, a forged token is not.
     */
    @Override
    public Page<Listed> list(String kitchen, int limit, Optional<String> after) {
        ListObjectsV2Request.Builder request = ListObjectsV2Request.builder()
                .bucket(bucket)
                .prefix(BucketLayout.rejectedPrefix(kitchen))
                .maxKeys(limit);
        after.ifPresent(request::startAfter);
        ListObjectsV2Response response = s3.get().listObjectsV2(request.build());
        List<Listed> reports = new ArrayList<>();
        for (S3Object object : response.contents()) {
            if (!object.key().endsWith(BucketLayout.REPORT_SUFFIX)) {
                continue;
            }
            try {
                byte[] content = s3.get()
                        .getObjectAsBytes(get -> get.bucket(bucket).key(object.key()))
                        .asByteArray();
                reports.add(new Listed(object.key(), content));
            } catch (NoSuchKeyException deletedMeanwhile) {
                // listed, then removed (the file was re-submitted): nothing to show
            }
        }
        Optional<String> next = Boolean.TRUE.equals(response.isTruncated())
                        && !response.contents().isEmpty()
                ? Optional.of(response.contents().getLast().key())
                : Optional.empty();
        return new Page<>(reports, next);
    }
}
