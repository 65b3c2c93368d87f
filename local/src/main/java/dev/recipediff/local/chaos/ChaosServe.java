package dev.recipediff.local.chaos;

import dev.recipediff.functions.config.AwsClients;
import dev.recipediff.functions.config.FunctionsConfig;
import dev.recipediff.local.serve.Endpoints;
import dev.recipediff.local.serve.ServeOptions;
import dev.recipediff.local.serve.ServeRuntime;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The {@code serve} a chaos run drives, in this process: started, stopped and restarted as the faults ask, its
 * API always behind the run's {@link ApiOutageProxy}, and the S3 client of its front door (the endpoint whose
 * writes notify the pipeline).
 */
final class ChaosServe {

    private final ServeOptions options;
    private final ApiOutageProxy proxy;
    private ServeRuntime runtime;
    private S3Client frontDoorS3;

    ChaosServe(ServeOptions options, ApiOutageProxy proxy) {
        this.options = options;
        this.proxy = proxy;
    }

    void start() {
        runtime = ServeRuntime.start(options);
        proxy.forwardTo(runtime.endpoints().api());
        frontDoorS3 = new AwsClients(config()).s3();
    }

    /** What SIGTERM runs ({@link ServeRuntime#close()}). */
    void stop() {
        frontDoorS3.close();
        runtime.close();
    }

    void restart() {
        stop();
        start();
    }

    /** The proxy between serve's sender and its API (the 503 window's seam). */
    ApiOutageProxy apiProxy() {
        return proxy;
    }

    ServeOptions options() {
        return options;
    }

    ServeRuntime runtime() {
        return runtime;
    }

    Endpoints endpoints() {
        return runtime.endpoints();
    }

    FunctionsConfig config() {
        return endpoints().functionsConfig(Optional.empty());
    }

    S3Client frontDoorS3() {
        return frontDoorS3;
    }
}
