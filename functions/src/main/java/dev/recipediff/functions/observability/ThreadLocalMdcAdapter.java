package dev.recipediff.functions.observability;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.spi.MDCAdapter;

/**
 * The MDC: one map per thread and <em>not</em> inherited by threads started while it is set, so that a worker
 * pool's threads never carry an earlier invocation's correlation id (the sender sets the MDC in each job's task).
 */
final class ThreadLocalMdcAdapter implements MDCAdapter {

    private final ThreadLocal<Map<String, String>> values = ThreadLocal.withInitial(LinkedHashMap::new);
    private final ThreadLocal<Map<String, Deque<String>>> stacks = ThreadLocal.withInitial(HashMap::new);

    @Override
    public void put(String key, String val) {
        if (key == null) {
            throw new IllegalArgumentException("key cannot be null");
        }
        values.get().put(key, val);
    }

    @Override
    public String get(String key) {
        return values.get().get(key);
    }

    @Override
    public void remove(String key) {
        values.get().remove(key);
    }

    @Override
    public void clear() {
        values.get().clear();
    }

    @Override
    public Map<String, String> getCopyOfContextMap() {
        return new LinkedHashMap<>(values.get());
    }

    @Override
    public void setContextMap(Map<String, String> contextMap) {
        Map<String, String> map = values.get();
        map.clear();
        if (contextMap != null) {
            map.putAll(contextMap);
        }
    }

    @Override
    public void pushByKey(String key, String value) {
        stacks.get().computeIfAbsent(key, k -> new ArrayDeque<>()).push(value);
    }

    @Override
    public String popByKey(String key) {
        Deque<String> stack = stacks.get().get(key);
        return stack == null ? null : stack.poll();
    }

    @Override
    public Deque<String> getCopyOfDequeByKey(String key) {
        Deque<String> stack = stacks.get().get(key);
        return stack == null ? null : new ArrayDeque<>(stack);
    }

    @Override
    public void clearDequeByKey(String key) {
        Deque<String> stack = stacks.get().get(key);
        if (stack != null) {
            stack.clear();
        }
    }

    /** The current thread's values, read-only use (no copy) for the log line being written. */
    Map<String, String> current() {
        return values.get();
    }
}
