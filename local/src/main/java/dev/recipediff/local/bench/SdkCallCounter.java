package dev.recipediff.local.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * Counts the AWS calls every SDK client of this JVM makes — serve's handlers and glue included — while
 * {@code recipediff bench cost} counts (registered for every client through the SDK's global
 * {@code execution.interceptors}; does nothing otherwise). DynamoDB requests then ask for
 * {@code ReturnConsumedCapacity=TOTAL}, so the read and write request units come from the emulator's own
 * accounting. A {@code ReceiveMessage} that returned no message is counted apart: on AWS the event source's
 * empty long polls are a fixed monthly cost, not a per-make one.
 */
public final class SdkCallCounter implements ExecutionInterceptor {

    /** The counted calls, by {@code Service.Operation}, and the DynamoDB capacity consumed. */
    public record Counts(Map<String, Long> calls, double readUnits, double writeUnits) {
        public long calls(String operation) {
            return calls.getOrDefault(operation, 0L);
        }
    }

    private static volatile boolean counting;
    private static final ThreadLocal<Boolean> EXCLUDED = ThreadLocal.withInitial(() -> false);
    private static final Map<String, LongAdder> CALLS = new ConcurrentHashMap<>();
    private static final DoubleAdder READ_UNITS = new DoubleAdder();
    private static final DoubleAdder WRITE_UNITS = new DoubleAdder();

    public static void start() {
        CALLS.clear();
        READ_UNITS.reset();
        WRITE_UNITS.reset();
        counting = true;
    }

    public static Counts stop() {
        counting = false;
        Map<String, Long> calls = new TreeMap<>();
        CALLS.forEach((operation, count) -> calls.put(operation, count.sum()));
        return new Counts(calls, READ_UNITS.sum(), WRITE_UNITS.sum());
    }

    /** Runs {@code work} on this thread without counting its calls (the benchmark's own look-ups). */
    public static <T, E extends Exception> T excluded(ThrowingSupplier<T, E> work) throws E {
        EXCLUDED.set(true);
        try {
            return work.get();
        } finally {
            EXCLUDED.set(false);
        }
    }

    @FunctionalInterface
    public interface ThrowingSupplier<T, E extends Exception> {
        T get() throws E;
    }

    private static boolean active() {
        return counting && !EXCLUDED.get();
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        if (!active()) {
            return context.request();
        }
        SdkRequest request = context.request();
        ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
        return switch (request) {
            case GetItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case PutItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case UpdateItemRequest r ->
                r.toBuilder().returnConsumedCapacity(total).build();
            case DeleteItemRequest r ->
                r.toBuilder().returnConsumedCapacity(total).build();
            case QueryRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case BatchGetItemRequest r ->
                r.toBuilder().returnConsumedCapacity(total).build();
            case BatchWriteItemRequest r ->
                r.toBuilder().returnConsumedCapacity(total).build();
            default -> request;
        };
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (!active()) {
            return;
        }
        String operation = operationName(attributes);
        if (context.response() instanceof ReceiveMessageResponse received
                && (!received.hasMessages() || received.messages().isEmpty())) {
            operation += "(empty)";
        }
        CALLS.computeIfAbsent(operation, key -> new LongAdder()).increment();
        switch (context.response()) {
            case GetItemResponse r -> READ_UNITS.add(units(r.consumedCapacity()));
            case QueryResponse r -> READ_UNITS.add(units(r.consumedCapacity()));
            case BatchGetItemResponse r -> READ_UNITS.add(units(r.consumedCapacity()));
            case PutItemResponse r -> WRITE_UNITS.add(units(r.consumedCapacity()));
            case UpdateItemResponse r -> WRITE_UNITS.add(units(r.consumedCapacity()));
            case DeleteItemResponse r -> WRITE_UNITS.add(units(r.consumedCapacity()));
            case BatchWriteItemResponse r -> WRITE_UNITS.add(units(r.consumedCapacity()));
            default -> {}
        }
    }

    /** A refused call is billed too (e.g. a failed conditional write); its capacity is not reported back. */
    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        if (active()) {
            CALLS.computeIfAbsent(operationName(attributes), key -> new LongAdder())
                    .increment();
        }
    }

    private static String operationName(ExecutionAttributes attributes) {
        return attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    }

    private static double units(ConsumedCapacity capacity) {
        return capacity == null || capacity.capacityUnits() == null ? 0 : capacity.capacityUnits();
    }

    private static double units(List<ConsumedCapacity> capacities) {
        return capacities == null
                ? 0
                : capacities.stream().mapToDouble(SdkCallCounter::units).sum();
    }
}
