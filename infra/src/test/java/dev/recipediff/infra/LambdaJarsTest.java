package dev.recipediff.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shaded jars the stack deploys (functions/target/lambda, built by the functions module before this one in
 * every full build) are at most 15 MiB and hold the classes their routes and events need: the handler and each
 * SDK client it calls are loaded, verified and initialized from the jar alone — a client shaded out (as SQS once
 * was from the api) or a class the verifier needs left out fails here, not on AWS.
 */
class LambdaJarsTest {

    static final long MAX_JAR_BYTES = 15L * 1024 * 1024;
    static final Path JARS = Path.of("..", "functions", "target", "lambda");

    static Stream<Arguments> jars() {
        String sdk = "software.amazon.awssdk.services.";
        return Stream.of(
                Arguments.of(
                        "recipediff-api.jar",
                        FunctionSpec.API_HANDLER,
                        List.of(
                                sdk + "dynamodb.DefaultDynamoDbClient", // every data route
                                sdk + "s3.DefaultS3Client", // GET /rejections
                                sdk + "s3.model.ListObjectsV2Response",
                                sdk + "s3.model.GetObjectResponse",
                                sdk + "sqs.DefaultSqsClient", // GET /pipeline/status
                                sdk + "sqs.model.GetQueueAttributesResponse",
                                sdk + "sqs.model.GetQueueUrlResponse")),
                Arguments.of(
                        "recipediff-authorizer.jar",
                        FunctionSpec.AUTHORIZER_HANDLER,
                        List.of(sdk + "dynamodb.DefaultDynamoDbClient")),
                Arguments.of(
                        "recipediff-watcher.jar",
                        FunctionSpec.WATCHER_HANDLER,
                        List.of(sdk + "s3.DefaultS3Client", sdk + "sqs.DefaultSqsClient")),
                Arguments.of(
                        "recipediff-sender.jar",
                        FunctionSpec.SENDER_HANDLER,
                        List.of(
                                sdk + "s3.DefaultS3Client",
                                sdk + "sqs.DefaultSqsClient",
                                sdk + "secretsmanager.DefaultSecretsManagerClient")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jars")
    void eachJarIsAtMost15MiB(String jar, String handler, List<String> classes) throws Exception {
        assertThat(Files.size(built(jar))).isLessThanOrEqualTo(MAX_JAR_BYTES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jars")
    void eachJarLinksItsHandlerAndTheClientsItsRoutesCall(String jar, String handler, List<String> classes)
            throws Exception {
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {built(jar).toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            String handlerClass = handler.substring(0, handler.indexOf("::"));
            assertThat(Class.forName(handlerClass, false, loader).getClassLoader())
                    .isSameAs(loader);
            for (String name :
                    Stream.concat(Stream.of(handlerClass), classes.stream()).toList()) {
                // initializing links the class: the verifier loads what its methods need
                Class<?> type = Class.forName(name, true, loader);
                assertThat(type.getClassLoader()).as(name).isSameAs(loader);
            }
        }
    }

    private static Path built(String jar) {
        Path path = JARS.resolve(jar);
        assertThat(path)
                .as("the Lambda jars are built by the functions module (./recipediff build, or any full "
                        + "./recipediff test) before infra's tests run")
                .isRegularFile();
        return path;
    }
}
