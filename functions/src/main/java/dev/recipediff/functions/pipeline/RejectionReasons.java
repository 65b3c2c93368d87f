package dev.recipediff.functions.pipeline;

/** The reason codes of rejection reports written by the pipeline itself (parse and API errors carry their own). */
public final class RejectionReasons {
    public static final String INVALID_KITCHEN = "invalid_kitchen";
    public static final String UNKNOWN_PREFIX = "unknown_prefix";
    public static final String UNSUPPORTED_FILE_TYPE = "unsupported_file_type";
    public static final String TOO_LARGE = "too_large";
    /** The key has {@code .}/{@code ..} or empty segments or control characters (see {@link BucketLayout#unsafeSegment}). */
    public static final String UNSAFE_KEY = "unsafe_key";

    public static final String MISSING_RECIPE_ID = "missing_recipe_id";
    public static final String REJECTED_BY_API = "rejected_by_api";

    private RejectionReasons() {}
}
