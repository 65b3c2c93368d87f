package dev.recipediff.functions.adapters.s3;

import dev.recipediff.functions.pipeline.FileStore;
import dev.recipediff.functions.pipeline.Job;
import java.util.function.Consumer;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The files bucket on S3. */
public final class S3FileStore implements FileStore {

    private final S3Client s3;
    private final String bucket;

    public S3FileStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public byte[] read(Job job) {
        GetObjectRequest.Builder request =
                GetObjectRequest.builder().bucket(bucket).key(job.key());
        if (job.versionId() != null) {
            request.versionId(job.versionId());
        } else {
            request.ifMatch('"' + job.eTag() + '"');
        }
        try {
            ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(request.build());
            return bytes.asByteArray();
        } catch (S3Exception e) {
            if (e.statusCode() == 404 || e.statusCode() == 412) {
                throw new FileGoneException("no longer in the bucket: " + job.key() + " version " + job.version(), e);
            }
            throw e;
        }
    }

    @Override
    public void forEachObject(String prefix, Consumer<StoredObject> action) {
        for (S3Object object :
                s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
            action.accept(new StoredObject(
                    bucket, object.key(), null, unquoted(object.eTag()), object.size(), object.lastModified()));
        }
    }

    @Override
    public StoredObject describe(String key) {
        try {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key));
            return new StoredObject(
                    bucket, key, head.versionId(), unquoted(head.eTag()), head.contentLength(), head.lastModified());
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new FileGoneException("no longer in the bucket: " + key, e);
            }
            throw e;
        }
    }

    private static String unquoted(String eTag) {
        return eTag != null && eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")
                ? eTag.substring(1, eTag.length() - 1)
                : eTag;
    }
}
