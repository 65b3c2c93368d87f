package dev.recipediff.functions.lambda.priming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recipediff.emulators.s3.S3ProxyExtension;
import dev.recipediff.emulators.sqs.ElasticMqExtension;
import dev.recipediff.functions.config.OnFirstUse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The watcher's priming against S3Proxy and ElasticMQ: it warms the clients it is given and changes nothing. */
class WatcherPrimingIT {

    private static final String BUCKET = "priming-files";

    @RegisterExtension
    static final S3ProxyExtension S3 = new S3ProxyExtension(BUCKET);

    @RegisterExtension
    static final ElasticMqExtension SQS = new ElasticMqExtension(Duration.ofSeconds(30));

    @Test
    void everyStepWarmsWithoutQueueingAJobOrWritingAReport() {
        SnapStartPriming priming =
                WatcherPriming.create(SQS.client(), SQS.server().queueUrl(), new OnFirstUse<>(S3::client), BUCKET);

        assertThat(priming.prime()).isEmpty();
        assertThat(SQS.client()
                        .getQueueAttributes(b -> b.queueUrl(SQS.server().queueUrl())
                                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                        .attributes())
                .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0");
        assertThat(S3.client().listObjectsV2(b -> b.bucket(BUCKET)).contents()).isEmpty();
    }

    @Test
    void theS3ClientTheHandlerBuildsOnFirstUseIsBuiltByPrimingSoThatTheSnapshotHoldsIt() {
        OnFirstUse<S3Client> s3 = new OnFirstUse<>(S3::client);
        SnapStartPriming priming =
                WatcherPriming.create(SQS.client(), SQS.server().queueUrl(), s3, BUCKET);

        assertThat(s3.isBuilt()).as("registering builds nothing").isFalse();
        priming.prime();

        assertThat(s3.isBuilt()).isTrue();
    }
}
