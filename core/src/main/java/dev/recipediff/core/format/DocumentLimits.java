package dev.recipediff.core.format;

/**
 * The limits every submitted recipe or make must respect. Each one has its own problem message.
 * They bound the memory and time one request can cost and keep stored items well under DynamoDB's 400 KB
 * item limit once compared.
 */
public final class DocumentLimits {

    /** Whole document, in bytes (1 MiB); larger is rejected with code {@code too_large} before parsing. */
    public static final int MAX_DOCUMENT_BYTES = 1024 * 1024;
    /** Ingredients per recipe or make. */
    public static final int MAX_INGREDIENTS = 500;
    /** Steps per recipe or make. */
    public static final int MAX_STEPS = 500;
    /** Characters per string value or object key. */
    public static final int MAX_STRING_CHARS = 10_000;
    /** Nesting depth of objects and arrays; the document's root object is level 1. */
    public static final int MAX_NESTING_DEPTH = 32;

    private DocumentLimits() {}
}
