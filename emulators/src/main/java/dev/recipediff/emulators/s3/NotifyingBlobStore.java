package dev.recipediff.emulators.s3;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * A BlobStore that does what the wrapped store does and then, like S3 event notifications, reports every
 * object created by a put, a completed multipart upload or a copy. S3Proxy itself emits no events.
 *
 * <p>Events raised before a listener is attached are held and handed over when one is.
 */
public final class NotifyingBlobStore extends ForwardingBlobStore {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyingBlobStore.class);

    private final S3EventFactory events;
    private final List<ObjectCreated> held = new ArrayList<>();
    private S3EventListener listener;

    public NotifyingBlobStore(BlobStore delegate, S3EventFactory events) {
        super(delegate);
        this.events = events;
    }

    /** Attaches the one listener; events created while none was attached are delivered to it now. */
    public void listener(S3EventListener newListener) {
        List<ObjectCreated> pending;
        synchronized (this) {
            listener = newListener;
            pending = List.copyOf(held);
            held.clear();
        }
        pending.forEach(created -> newListener.onEvent(events.eventFor(created)));
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream content) {
        PutObjectResponse response = super.putBlob(request, content);
        notifyCreated(ObjectCreated.PUT, request.bucket(), request.key());
        return response;
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(
            MultipartUpload upload, CompleteMultipartUploadRequest request) {
        CompleteMultipartUploadResponse response = super.completeMultipartUpload(upload, request);
        notifyCreated(ObjectCreated.COMPLETE_MULTIPART_UPLOAD, upload.containerName(), upload.blobName());
        return response;
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        CopyObjectResponse response = super.copyBlob(request);
        notifyCreated(ObjectCreated.COPY, request.destinationBucket(), request.destinationKey());
        return response;
    }

    private void notifyCreated(String eventName, String bucket, String key) {
        var head = delegate()
                .blobMetadata(
                        HeadObjectRequest.builder().bucket(bucket).key(key).build());
        var created =
                new ObjectCreated(eventName, bucket, key, head.contentLength(), unquote(head.eTag()), head.versionId());
        S3EventListener current;
        synchronized (this) {
            current = listener;
            if (current == null) {
                held.add(created);
                return;
            }
        }
        try {
            current.onEvent(events.eventFor(created));
        } catch (RuntimeException e) {
            // the object is stored either way; like a lost S3 notification, reconcile picks it up
            LOG.warn("S3 notification for an object in bucket {} could not be handed over: {}", bucket, e.toString());
        }
    }

    private static String unquote(String eTag) {
        if (eTag == null) {
            return null;
        }
        return eTag.startsWith("\"") && eTag.endsWith("\"") && eTag.length() >= 2
                ? eTag.substring(1, eTag.length() - 1)
                : eTag;
    }
}
