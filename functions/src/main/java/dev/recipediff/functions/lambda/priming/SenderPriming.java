package dev.recipediff.functions.lambda.priming;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * SnapStart priming of the sender: the document path (it validates files before submitting them) and the
 * S3 client (a HEAD of a make no kitchen has: 404 or 403, either way the whole request path ran). The
 * service token is deliberately NOT read while priming: a secret in the snapshot would outlive its
 * rotation. Registered by {@code SenderHandler()} with the handler's own S3 client.
 */
public final class SenderPriming {

    private SenderPriming() {}

    public static SnapStartPriming register(S3Client s3, String bucket) {
        return SnapStartPriming.register(create(s3, bucket, new EngineWarmUp()));
    }

    static SnapStartPriming create(S3Client s3, String bucket, EngineWarmUp engine) {
        List<PrimingStep> steps = new ArrayList<>();
        steps.add(engine.documents());
        steps.add(PrimingStep.answeredByAws(
                "s3 HeadObject", () -> s3.headObject(b -> b.bucket(bucket).key(PrimingKeys.ABSENT_MAKE))));
        return new SnapStartPriming("sender", steps);
    }
}
