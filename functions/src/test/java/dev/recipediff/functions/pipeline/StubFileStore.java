package dev.recipediff.functions.pipeline;

import dev.recipediff.core.testing.SampleFiles;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Test double of the bucket for the sender: file bodies by key; keys not given are gone. */
public final class StubFileStore implements FileStore {

    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
    public final java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();

    public StubFileStore with(String key, byte[] body) {
        bodies.put(key, body);
        return this;
    }

    /** The body of a sample file from the test resources ({@code samples/makes/apple-pie.exact.json}). */
    public StubFileStore withSample(String key, String sample) {
        return with(key, SampleFiles.bytes(sample));
    }

    @Override
    public byte[] read(Job job) {
        reads.incrementAndGet();
        byte[] body = bodies.get(job.key());
        if (body == null) {
            throw new FileGoneException("gone: " + job.key(), null);
        }
        return body;
    }

    @Override
    public void forEachObject(String prefix, Consumer<StoredObject> action) {
        throw new UnsupportedOperationException("the sender never lists");
    }

    @Override
    public StoredObject describe(String key) {
        throw new UnsupportedOperationException("the sender never describes");
    }
}
