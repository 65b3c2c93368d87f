package dev.recipediff.functions.store;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pipeline's rejection reports in S3: {@code {kitchen}/rejected/...error.json}, listed with
 * ListObjectsV2 under the kitchen's prefix (the S3 continuation token is the page position).
 */
public final class RejectionReports {

    private final S3Client s3;
    private final String bucket;

    public RejectionReports(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** One report: its object key and its bytes. */
    public record Report(String objectKey, byte[] content) {
    }

    public static String prefix(String kitchen) {
        return kitchen + "/rejected/";
    }

    public Page<Report> list(String kitchen, int limit, Optional<String> continuation) {
        ListObjectsV2Request.Builder request = ListObjectsV2Request.builder()
                .bucket(bucket).prefix(prefix(kitchen)).maxKeys(limit);
        continuation.ifPresent(request::continuationToken);
        ListObjectsV2Response response = s3.listObjectsV2(request.build());
        List<Report> reports = new ArrayList<>();
        for (S3Object object : response.contents()) {
            if (!object.key().endsWith(".error.json")) {
                continue;
            }
            try {
                byte[] content = s3.getObjectAsBytes(get -> get.bucket(bucket).key(object.key())).asByteArray();
                reports.add(new Report(object.key(), content));
            } catch (NoSuchKeyException deletedMeanwhile) {
                // listed, then removed (the file was re-submitted): nothing to show
            }
        }
        Optional<String> next = Boolean.TRUE.equals(response.isTruncated())
                ? Optional.ofNullable(response.nextContinuationToken()) : Optional.empty();
        return new Page<>(reports, next);
    }
}
