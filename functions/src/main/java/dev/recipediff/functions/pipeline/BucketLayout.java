package dev.recipediff.functions.pipeline;

import dev.recipediff.functions.auth.Identity;
import java.util.Locale;
import java.util.Optional;

/**
 * Where files live in the bucket and what the pipeline does with each key:
 * <pre>
 * {kitchen}/recipes/…            originals: add, or update when the recipeId exists
 * {kitchen}/makes/…              makes of those recipes
 * {kitchen}/rejected/….error.json the pipeline's rejection reports (never trigger it)
 * </pre>
 * Accepted files end in {@code .json} or {@code .jsonld} and are at most 1 MiB.
 */
public final class BucketLayout {

    /** The largest file the pipeline accepts (the API's request limit). */
    public static final long MAX_FILE_BYTES = 1024 * 1024;

    static final String REJECTED_FOLDER = "rejected";
    public static final String REPORT_SUFFIX = ".error.json";
    static final String UNSAFE_KEYS_FOLDER = "unsafe-keys";

    private BucketLayout() {}

    /** What to do with a newly created object. */
    public sealed interface Route {}

    /** The object becomes a job. */
    public record Accepted(String kitchen, FileKind kind) implements Route {}

    /** The object is not for the pipeline (its own outputs, folder markers, keys outside any kitchen). */
    public record Ignored(String why) implements Route {}

    /** The object can never become a job: it gets a rejection report. */
    public record Refused(String kitchen, String reason, String message) implements Route {}

    /** Routes a decoded key of a newly created object of {@code size} bytes. */
    public static Route route(String key, long size) {
        int slash = key.indexOf('/');
        if (slash <= 0) {
            return new Ignored("not under a kitchen folder");
        }
        if (key.endsWith("/")) {
            return new Ignored("a folder marker");
        }
        String kitchen = key.substring(0, slash);
        if (Identity.isValidKitchen(kitchen) && unsafeSegment(key).isPresent()) {
            // a store or tool that normalizes paths would put it in another folder, even another kitchen
            return new Refused(
                    kitchen,
                    RejectionReasons.UNSAFE_KEY,
                    "object keys may not have " + unsafeSegment(key).get() + "; use plain names under " + kitchen
                            + "/recipes/ or " + kitchen + "/makes/");
        }
        String rest = key.substring(slash + 1);
        String folder = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : "";
        if (folder.equals(REJECTED_FOLDER)) {
            return new Ignored("a rejection report");
        }
        if (!Identity.isValidKitchen(kitchen)) {
            return new Refused(
                    kitchen,
                    RejectionReasons.INVALID_KITCHEN,
                    "a kitchen name has lower-case letters, digits and inner dashes only (1-63), not \"" + kitchen
                            + "\"");
        }
        FileKind kind = kindOf(folder);
        if (kind == null) {
            return new Refused(
                    kitchen,
                    RejectionReasons.UNKNOWN_PREFIX,
                    "files go under " + kitchen + "/recipes/ or " + kitchen + "/makes/, not " + kitchen + "/"
                            + (folder.isEmpty() ? "" : folder + "/"));
        }
        String lower = key.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".json") && !lower.endsWith(".jsonld")) {
            return new Refused(
                    kitchen, RejectionReasons.UNSUPPORTED_FILE_TYPE, "only .json and .jsonld files are accepted");
        }
        if (size > MAX_FILE_BYTES) {
            return new Refused(
                    kitchen,
                    RejectionReasons.TOO_LARGE,
                    "the file has " + size + " bytes; at most " + MAX_FILE_BYTES + " (1 MiB) are accepted");
        }
        return new Accepted(kitchen, kind);
    }

    /** {@code {kitchen}/rejected/}: the folder holding a kitchen's rejection reports. */
    public static String rejectedPrefix(String kitchen) {
        return kitchen + "/" + REJECTED_FOLDER + "/";
    }

    /**
     * {@code {kitchen}/rejected/{rest of the key}.error.json}: where the rejection report of {@code key} goes —
     * always in the key's own kitchen: a key with {@code .}/{@code ..} or empty segments or control characters
     * gets {@code {kitchen}/rejected/unsafe-keys/{sha256 of the key}.error.json} instead (the report names the key).
     */
    public static String rejectionReportKey(String key) {
        int slash = key.indexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException("not under a kitchen folder");
        }
        if (unsafeSegment(key).isPresent()) {
            return key.substring(0, slash) + "/" + REJECTED_FOLDER + "/" + UNSAFE_KEYS_FOLDER + "/"
                    + dev.recipediff.functions.store.Sha256.hex(key) + REPORT_SUFFIX;
        }
        return key.substring(0, slash) + "/" + REJECTED_FOLDER + "/" + key.substring(slash + 1) + REPORT_SUFFIX;
    }

    /** A key as a log may show it: control characters (a newline would forge a line) escaped as {@code \\uXXXX}. */
    public static String printable(String key) {
        StringBuilder out = new StringBuilder(key.length());
        key.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == '\\' || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /**
     * What makes a key unsafe to use as a path: a {@code .} or {@code ..} segment, an empty segment
     * ({@code a//b}), a control character or a backslash; empty when the key is safe.
     */
    public static Optional<String> unsafeSegment(String key) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isISOControl(c) || c == '\\' || c == '\u2028' || c == '\u2029') {
                return Optional.of("control characters or backslashes");
            }
        }
        String[] segments = key.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("'.' or '..' segments");
            }
            if (segment.isEmpty() && i < segments.length - 1) {
                return Optional.of("empty segments ('//')");
            }
        }
        return Optional.empty();
    }

    private static FileKind kindOf(String folder) {
        for (FileKind kind : FileKind.values()) {
            if (kind.folder().equals(folder)) {
                return kind;
            }
        }
        return null;
    }
}
