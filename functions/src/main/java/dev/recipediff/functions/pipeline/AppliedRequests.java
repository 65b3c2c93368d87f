package dev.recipediff.functions.pipeline;

/** Which idempotency keys the API has already applied (the API's idempotency records). */
@FunctionalInterface
public interface AppliedRequests {
    boolean isApplied(String kitchen, String idempotencyKey);
}
