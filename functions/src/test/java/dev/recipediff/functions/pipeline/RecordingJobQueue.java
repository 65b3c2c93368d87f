package dev.recipediff.functions.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Test double of the jobs queue: keeps what was sent; can refuse chosen entries a number of times. */
public final class RecordingJobQueue implements JobQueue {

    public final List<Job> queued = new ArrayList<>();
    public final List<Integer> batchSizes = new ArrayList<>();
    private final Map<Predicate<Job>, Integer> refusals = new HashMap<>();

    /** The queue refuses entries matching {@code which} the next {@code times} times it sees them. */
    public RecordingJobQueue refusing(Predicate<Job> which, int times) {
        refusals.put(which, times);
        return this;
    }

    @Override
    public List<Job> sendBatch(List<Job> jobs) {
        if (jobs.size() > MAX_BATCH) {
            throw new IllegalArgumentException("too many entries: " + jobs.size());
        }
        batchSizes.add(jobs.size());
        List<Job> refused = new ArrayList<>();
        for (Job job : jobs) {
            if (refuses(job)) {
                refused.add(job);
            } else {
                queued.add(job);
            }
        }
        return refused;
    }

    private boolean refuses(Job job) {
        for (Map.Entry<Predicate<Job>, Integer> refusal : refusals.entrySet()) {
            if (refusal.getKey().test(job) && refusal.getValue() > 0) {
                refusal.setValue(refusal.getValue() - 1);
                return true;
            }
        }
        return false;
    }
}
