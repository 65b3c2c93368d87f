package dev.recipediff.core.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one hardened Jackson {@link ObjectMapper} every module uses to read untrusted JSON (and to write ours).
 *
 * <p>Each stream limit is set on purpose, as a backstop behind {@link RecipeReader}'s own validation (which
 * enforces the tighter {@link DocumentLimits} with a pointer and a plain message):
 * <ul>
 *   <li>{@code maxDocumentLength} 2 MiB — twice {@link DocumentLimits#MAX_DOCUMENT_BYTES}: a caller that forgot
 *       the size check still cannot make the parser read an unbounded stream.</li>
 *   <li>{@code maxNestingDepth} 64 — twice {@link DocumentLimits#MAX_NESTING_DEPTH}, so depths 33..64 reach our
 *       validation and get a pointer; deeper input stops here before it can cost stack or memory.</li>
 *   <li>{@code maxStringLength} 2 MiB — no single string can be longer than the document that carries it.</li>
 *   <li>{@code maxNameLength} 50,000 (Jackson's default) — keys longer than
 *       {@link DocumentLimits#MAX_STRING_CHARS} are reported by our validation with a pointer; this stops worse.</li>
 *   <li>{@code maxNumberLength} 100 — no quantity, rating or id needs more digits; long digit strings make
 *       number parsing super-linear (CVE-2022-42003-style denial of service).</li>
 *   <li>{@code maxTokenCount} 2,000,000 — a 1 MiB document has fewer; bounds work per document.</li>
 * </ul>
 * Features: {@code STRICT_DUPLICATE_DETECTION} (a duplicated key is ambiguous — which one wins differs between
 * parsers), {@code FAIL_ON_TRAILING_TOKENS} (a document is one JSON value, nothing after it),
 * {@code INCLUDE_SOURCE_IN_LOCATION} off (error messages never echo document content), unknown properties
 * ignored (forward compatible), {@link JavaTimeModule} with ISO-8601 text dates.
 */
public final class RecipeJson {

    static final int MAX_DOCUMENT_LENGTH = 2 * DocumentLimits.MAX_DOCUMENT_BYTES;
    static final int MAX_NESTING_DEPTH = 2 * DocumentLimits.MAX_NESTING_DEPTH;
    static final int MAX_STRING_LENGTH = 2 * DocumentLimits.MAX_DOCUMENT_BYTES;
    static final int MAX_NAME_LENGTH = 50_000;
    static final int MAX_NUMBER_LENGTH = 100;
    static final long MAX_TOKEN_COUNT = 2_000_000L;

    private static final ObjectMapper MAPPER = build();

    private RecipeJson() {}

    /** The shared, thread-safe mapper. Do not reconfigure it; copy it ({@code mapper().copy()}) if you must. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectMapper build() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNameLength(MAX_NAME_LENGTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxTokenCount(MAX_TOKEN_COUNT)
                        .build())
                .streamWriteConstraints(StreamWriteConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        return JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .addModule(new JavaTimeModule())
                .build();
    }
}
