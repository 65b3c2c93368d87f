package dev.recipediff.functions.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class JobEnqueuerTest {

    private static List<Job> jobs(int count) {
        return IntStream.range(0, count)
                .mapToObj(i ->
                        new Job("files", "default/makes/m" + i + ".json", null, "e" + i, 10, FileKind.MAKE, "default"))
                .toList();
    }

    /** A queue whose SendMessageBatch call fails outright a number of times (a network error, throttling). */
    private static final class FlakyQueue implements JobQueue {
        int failuresLeft;
        final List<Job> queued = new ArrayList<>();

        FlakyQueue(int failures) {
            this.failuresLeft = failures;
        }

        @Override
        public List<Job> sendBatch(List<Job> batch) {
            if (failuresLeft-- > 0) {
                throw new IllegalStateException("connection reset");
            }
            queued.addAll(batch);
            return List.of();
        }
    }

    @Test
    void aBatchCallThatFailsOutrightIsSentAgain() {
        FlakyQueue queue = new FlakyQueue(2);

        new JobEnqueuer(queue, 3, Duration.ZERO).enqueue(jobs(4));

        assertThat(queue.queued).isEqualTo(jobs(4));
    }

    @Test
    void givingUpNamesEveryJobThatWasNotQueued() {
        FlakyQueue queue = new FlakyQueue(Integer.MAX_VALUE);

        assertThatThrownBy(() -> new JobEnqueuer(queue, 2, Duration.ZERO).enqueue(jobs(12)))
                .isInstanceOfSatisfying(JobEnqueuer.JobsNotQueuedException.class, e -> assertThat(e.unsent())
                        .isEqualTo(jobs(12)));
    }

    @Test
    void nothingToSendSendsNothing() {
        RecordingJobQueue queue = new RecordingJobQueue();

        new JobEnqueuer(queue).enqueue(List.of());

        assertThat(queue.batchSizes).isEmpty();
    }
}
