package dev.recipediff.emulators.s3;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.RequestParametersEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.ResponseElementsEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3BucketEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3Entity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.UserIdentityEntity;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds S3 event notifications exactly as AWS delivers them to Lambda: event version 2.1, source
 * {@code aws:s3}, the key URL-encoded the way S3 does it (form encoding, a space becomes {@code +},
 * {@code /} kept), the eTag without quotes and a sequencer that grows with every event.
 */
public final class S3EventFactory {

    static final String CONFIGURATION_ID = "recipediff-local";
    private static final String PRINCIPAL = "AWS:RECIPEDIFFLOCAL";

    private final String region;
    private final Clock clock;
    private final AtomicLong sequence;

    public S3EventFactory(String region, Clock clock) {
        this.region = region;
        this.clock = clock;
        // start from the clock so sequencers keep growing across restarts, as S3's do per key
        this.sequence = new AtomicLong(clock.millis() * 1_000L);
    }

    public S3Event eventFor(ObjectCreated created) {
        var object = new S3ObjectEntity(
                encodeKey(created.key()), created.size(), created.eTag(), created.versionId(), nextSequencer());
        var bucket = new S3BucketEntity(
                created.bucket(), new UserIdentityEntity(PRINCIPAL), "arn:aws:s3:::" + created.bucket());
        var s3 = new S3Entity(CONFIGURATION_ID, bucket, object, "1.0");
        var record = new S3EventNotificationRecord(
                region,
                created.eventName(),
                "aws:s3",
                Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString(),
                "2.1",
                new RequestParametersEntity("127.0.0.1"),
                new ResponseElementsEntity(UUID.randomUUID().toString(), requestId()),
                s3,
                new UserIdentityEntity(PRINCIPAL));
        return new S3Event(List.of(record));
    }

    /** S3 URL-encodes object keys in notifications like an HTML form does, leaving {@code /} alone. */
    public static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    private String nextSequencer() {
        return HexFormat.of().withUpperCase().toHexDigits(sequence.incrementAndGet());
    }

    private static String requestId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(java.util.Locale.ROOT);
    }
}
