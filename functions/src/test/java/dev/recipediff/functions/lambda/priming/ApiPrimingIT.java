package dev.recipediff.functions.lambda.priming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recipediff.emulators.dynamodb.DynaliteExtension;
import dev.recipediff.emulators.dynamodb.DynaliteProcess;
import dev.recipediff.emulators.s3.S3ProxyExtension;
import dev.recipediff.functions.config.OnFirstUse;
import dev.recipediff.functions.testing.EmulatedTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/** The api's priming against dynalite and S3Proxy: it warms the clients it is given and changes nothing. */
@ExtendWith(DynaliteExtension.class)
class ApiPrimingIT {

    private static final String BUCKET = "priming-files";

    @RegisterExtension
    static final S3ProxyExtension S3 = new S3ProxyExtension(BUCKET);

    @Test
    void everyStepWarmsWithoutWritingToTheTableOrTheBucket(DynaliteProcess dynalite) {
        EmulatedTable table = EmulatedTable.create(dynalite, "api-priming");
        OnFirstUse<S3Client> s3 = new OnFirstUse<>(S3::client);
        SnapStartPriming priming =
                ApiPriming.create(table.table().client(), table.table().name(), s3, BUCKET, new EngineWarmUp());

        assertThat(s3.isBuilt()).as("registering builds nothing").isFalse();
        assertThat(priming.prime()).isEmpty();

        assertThat(s3.isBuilt())
                .as("the S3 client the handler builds on first use is in the snapshot")
                .isTrue();
        assertThat(table.table()
                        .client()
                        .scan(b -> b.tableName(table.table().name()))
                        .count())
                .isZero();
        assertThat(S3.client().listObjectsV2(b -> b.bucket(BUCKET)).contents()).isEmpty();
    }
}
