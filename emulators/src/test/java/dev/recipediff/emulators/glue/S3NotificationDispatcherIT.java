package dev.recipediff.emulators.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import dev.recipediff.emulators.s3.S3ProxyExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;

class S3NotificationDispatcherIT {

    @RegisterExtension
    static final S3ProxyExtension S3 = new S3ProxyExtension("files");

    @Test
    void anObjectPutThroughTheS3ApiReachesTheHandler() {
        List<S3Event> delivered = new CopyOnWriteArrayList<>();
        try (var dispatcher = new S3NotificationDispatcher(
                "watcher",
                (S3Event event, Context context) -> {
                    delivered.add(event);
                    return null;
                },
                List.of())) {
            S3.server().listener(dispatcher);

            S3.client().putObject(b -> b.bucket("files").key("default/makes/pie 1.json"), RequestBody.fromString("{}"));

            await().atMost(Duration.ofSeconds(5)).until(() -> delivered.size() == 1);
        }
        assertThat(delivered
                        .getFirst()
                        .getRecords()
                        .getFirst()
                        .getS3()
                        .getObject()
                        .getKey())
                .isEqualTo("default/makes/pie+1.json");
    }

    @Test
    void onlyObjectsTheFilterSelectsOnTheirDecodedKeyReachTheHandler() {
        // given a configuration like an S3 suffix filter (case-sensitive)
        List<String> delivered = new CopyOnWriteArrayList<>();
        try (var dispatcher = new S3NotificationDispatcher(
                "watcher",
                (S3Event event, Context context) -> {
                    delivered.add(
                            event.getRecords().getFirst().getS3().getObject().getKey());
                    return null;
                },
                List.of(),
                1,
                (eventName, key) -> eventName.startsWith("ObjectCreated:") && key.endsWith(" x.json"))) {
            S3.server().listener(dispatcher);

            // when a matching key (with a space, URL-encoded in the record) and two others are put
            S3.client().putObject(b -> b.bucket("files").key("default/makes/MAKE.JSON"), RequestBody.fromString("{}"));
            S3.client().putObject(b -> b.bucket("files").key("default/makes/a x.json"), RequestBody.fromString("{}"));
            S3.client().putObject(b -> b.bucket("files").key("default/makes/b.txt"), RequestBody.fromString("{}"));

            // then only the matching one is handled
            await().atMost(Duration.ofSeconds(5)).until(() -> delivered.size() == 1);
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> delivered.size() == 1);
        }
        assertThat(delivered).containsExactly("default/makes/a+x.json");
    }

    @Test
    void notificationsAreHandledConcurrentlyLikeLambdaInvocations() {
        // given a handler that returns only once two notifications are in it at the same time
        var bothInFlight = new CyclicBarrier(2);
        List<String> handled = new CopyOnWriteArrayList<>();
        try (var dispatcher = new S3NotificationDispatcher(
                "watcher",
                (S3Event event, Context context) -> {
                    try {
                        bothInFlight.await(10, TimeUnit.SECONDS);
                        handled.add(event.getRecords()
                                .getFirst()
                                .getS3()
                                .getObject()
                                .getKey());
                    } catch (Exception e) {
                        throw new IllegalStateException("the other notification never arrived", e);
                    }
                    return null;
                },
                List.of(),
                2)) {
            S3.server().listener(dispatcher);

            // when two objects are put
            S3.client().putObject(b -> b.bucket("files").key("default/makes/a.json"), RequestBody.fromString("{}"));
            S3.client().putObject(b -> b.bucket("files").key("default/makes/b.json"), RequestBody.fromString("{}"));

            // then both handlers ran side by side
            await().atMost(Duration.ofSeconds(15)).until(() -> handled.size() == 2);
        }
        assertThat(handled).containsExactlyInAnyOrder("default/makes/a.json", "default/makes/b.json");
    }

    @Test
    void aFailingInvocationIsRetriedLikeAnAsyncLambdaInvoke() {
        var attempts = new AtomicInteger();
        try (var dispatcher = new S3NotificationDispatcher(
                "watcher",
                (S3Event event, Context context) -> {
                    if (attempts.incrementAndGet() < 3) {
                        throw new IllegalStateException("queue unavailable");
                    }
                    return null;
                },
                List.of(Duration.ofMillis(50), Duration.ofMillis(50)))) {
            S3.server().listener(dispatcher);

            S3.client().putObject(b -> b.bucket("files").key("default/recipes/pie.json"), RequestBody.fromString("{}"));

            await().atMost(Duration.ofSeconds(5)).until(() -> attempts.get() == 3);
        }
    }

    @Test
    void afterTheLastRetryTheNotificationIsDropped() throws InterruptedException {
        var attempts = new AtomicInteger();
        var dispatcher = new S3NotificationDispatcher(
                "watcher",
                (S3Event event, Context context) -> {
                    attempts.incrementAndGet();
                    throw new IllegalStateException("always failing");
                },
                List.of(Duration.ofMillis(20), Duration.ofMillis(20)));
        S3.server().listener(dispatcher);

        S3.client().putObject(b -> b.bucket("files").key("default/recipes/x.json"), RequestBody.fromString("{}"));
        await().atMost(Duration.ofSeconds(5)).until(() -> attempts.get() == 3);
        dispatcher.stop(Duration.ofSeconds(2));

        assertThat(attempts).hasValue(3);
    }
}
