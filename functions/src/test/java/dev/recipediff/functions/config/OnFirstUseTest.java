package dev.recipediff.functions.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OnFirstUseTest {

    private final AtomicInteger builds = new AtomicInteger();

    private String build() {
        return "client #" + builds.incrementAndGet();
    }

    @Test
    void nothingIsBuiltUntilItIsFirstAskedFor() {
        OnFirstUse<String> client = new OnFirstUse<>(this::build);

        assertThat(client.isBuilt()).isFalse();
        assertThat(builds).hasValue(0);
    }

    @Test
    void theFirstAnswerIsKeptForEveryLaterAsk() {
        OnFirstUse<String> client = new OnFirstUse<>(this::build);

        String first = client.get();
        String second = client.get();

        assertThat(first).isSameAs(second).isEqualTo("client #1");
        assertThat(client.isBuilt()).isTrue();
    }

    @Test
    void threadsAskingAtOnceShareOneBuild() throws Exception {
        OnFirstUse<String> client = new OnFirstUse<>(this::build);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(threads.submit(() -> {
                    go.await();
                    return client.get();
                }));
            }
            go.countDown();
            for (Future<String> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("client #1");
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(builds).hasValue(1);
    }

    @Test
    void aFailedBuildIsTriedAgainOnTheNextAsk() {
        AtomicInteger attempts = new AtomicInteger();
        OnFirstUse<String> client = new OnFirstUse<>(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("no network yet");
            }
            return "client";
        });

        assertThatThrownBy(client::get).hasMessage("no network yet");
        assertThat(client.get()).isEqualTo("client");
    }
}
