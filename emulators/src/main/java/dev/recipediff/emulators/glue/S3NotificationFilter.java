package dev.recipediff.emulators.glue;

/**
 * Which created objects a bucket's notification configuration sends to a function: S3 matches each object's
 * event type and its key (case-sensitive prefix and suffix filters) before it invokes anything. The rules
 * themselves belong to the deployment (serve passes the CDK stack's own), not to the emulator.
 */
@FunctionalInterface
public interface S3NotificationFilter {

    /** No filter: every event is delivered. */
    S3NotificationFilter EVERY_EVENT = (eventName, key) -> true;

    /**
     * @param eventName as in the event record, e.g. {@code ObjectCreated:Put}
     * @param key       the object key, decoded (event records carry it URL-encoded)
     */
    boolean notifies(String eventName, String key);
}
