package dev.recipediff.emulators.s3;

/**
 * One object the emulated S3 created: what {@link S3EventFactory} turns into an AWS-shaped record.
 *
 * @param eventName {@code ObjectCreated:Put}, {@code ObjectCreated:CompleteMultipartUpload} or {@code ObjectCreated:Copy}
 * @param eTag      without the surrounding quotes, as S3 notifications carry it
 * @param versionId null when the bucket is not versioned
 */
public record ObjectCreated(String eventName, String bucket, String key, long size, String eTag, String versionId) {

    public static final String PUT = "ObjectCreated:Put";
    public static final String COMPLETE_MULTIPART_UPLOAD = "ObjectCreated:CompleteMultipartUpload";
    public static final String COPY = "ObjectCreated:Copy";
}
