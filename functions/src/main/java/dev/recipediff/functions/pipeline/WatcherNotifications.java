package dev.recipediff.functions.pipeline;

import java.util.List;
import java.util.Objects;

/**
 * Which created objects of the files bucket invoke the watcher: the one definition that the CDK stack (infra's
 * {@code FilesBucket}, as the bucket's notification configuration) and {@code recipediff serve} (its S3
 * notification glue) both read, so the two cannot disagree.
 *
 * <p>Every created object, whatever its name: kitchens are created at run time and an S3 filter cannot put a
 * wildcard inside a prefix, and a suffix filter would silently skip {@code MAKE.JSON} (S3 filters are
 * case-sensitive), {@code x.txt} or {@code x.json.gz} — files that must get a rejection report instead. The
 * watcher itself ignores keys the pipeline does not take ({@link BucketLayout#route}), including the rejection
 * reports it writes under {@code {kitchen}/rejected/}, so its own writes never loop.
 */
public final class WatcherNotifications {

    /**
     * One S3 notification rule, matched the way S3 matches it: the event type (an exact name such as
     * {@code s3:ObjectCreated:Put} or a family such as {@code s3:ObjectCreated:*}), and a case-sensitive key
     * prefix and suffix, each empty for "no filter".
     */
    public record Rule(String event, String prefix, String suffix) {

        public Rule {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(suffix, "suffix");
            if (!event.startsWith(S3_EVENT_PREFIX)) {
                throw new IllegalArgumentException("an S3 event type starts with " + S3_EVENT_PREFIX + ": " + event);
            }
        }

        /**
         * Whether an object created with {@code eventName} (as in an event record: {@code ObjectCreated:Put},
         * with or without the {@code s3:} prefix) under {@code key} (decoded) is notified by this rule.
         */
        public boolean matches(String eventName, String key) {
            String name = eventName.startsWith(S3_EVENT_PREFIX) ? eventName : S3_EVENT_PREFIX + eventName;
            boolean eventMatches =
                    event.endsWith(":*") ? name.startsWith(event.substring(0, event.length() - 1)) : name.equals(event);
            return eventMatches && key.startsWith(prefix) && key.endsWith(suffix);
        }
    }

    static final String S3_EVENT_PREFIX = "s3:";

    /** Every created object (put, copy, completed multipart upload), no key filter. */
    public static final List<Rule> RULES = List.of(new Rule("s3:ObjectCreated:*", "", ""));

    private WatcherNotifications() {}

    /** Whether S3, configured with {@link #RULES}, invokes the watcher for this created object. */
    public static boolean notifies(String eventName, String key) {
        return RULES.stream().anyMatch(rule -> rule.matches(eventName, key));
    }
}
