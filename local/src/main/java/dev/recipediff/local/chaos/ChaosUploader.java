package dev.recipediff.local.chaos;

import dev.recipediff.emulators.s3.S3ProxyServer;
import dev.recipediff.local.chaos.ChaosFaults.Fault;
import dev.recipediff.local.chaos.ChaosPlan.Kind;
import dev.recipediff.local.chaos.ChaosPlan.Upload;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Puts a chaos plan's files into serve's bucket and remembers every object it wrote: through the front door
 * (S3 notifies the pipeline) or, to drop a notification, through a side door — a second S3 endpoint over the same
 * storage directory, which notifies no one, exactly what a lost notification leaves behind.
 */
final class ChaosUploader {

    private final ChaosServe serve;
    private final S3ProxyServer sideDoor;
    private final ChaosFaults faults;
    private final Map<String, Upload> uploads = new LinkedHashMap<>();
    private final Set<String> withoutNotification = new HashSet<>();

    ChaosUploader(ChaosServe serve, S3ProxyServer sideDoor, ChaosFaults faults) {
        this.serve = serve;
        this.sideDoor = sideDoor;
        this.faults = faults;
    }

    void upload(Upload upload, boolean dropNotification) {
        uploads.put(upload.key(), upload);
        if (dropNotification) {
            try (S3Client s3 = sideDoor.newClient()) {
                put(s3, upload);
            }
            withoutNotification.add(upload.key());
            faults.happened(Fault.NOTIFICATION_DROPPED);
        } else {
            put(serve.frontDoorS3(), upload);
        }
    }

    /** The same object again, under its key, through the front door. */
    void uploadAgain(Upload upload) {
        put(serve.frontDoorS3(), upload);
    }

    /** The valid files whose notification was delivered (a dropped one must stay for reconcile to find). */
    List<Upload> validWithNotification() {
        return uploads.values().stream()
                .filter(u -> u.kind() != Kind.INVALID && !withoutNotification.contains(u.key()))
                .toList();
    }

    /** Every object written, once per key. */
    Collection<Upload> uploaded() {
        return uploads.values();
    }

    private void put(S3Client s3, Upload upload) {
        s3.putObject(
                b -> b.bucket(serve.endpoints().bucket()).key(upload.key()).contentType("application/json"),
                RequestBody.fromBytes(upload.body()));
    }
}
