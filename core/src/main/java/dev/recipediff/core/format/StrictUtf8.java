package dev.recipediff.core.format;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Decodes a document's bytes as UTF-8 and nothing else: malformed sequences, overlong forms and encoded
 * surrogates are rejected with their byte offset. (JSON parsers also guess UTF-16/32 from the first bytes;
 * RFC 8259 requires UTF-8 for JSON exchanged between systems, so we do not guess.) A leading byte order mark is dropped.
 */
public final class StrictUtf8 {

    private StrictUtf8() {}

    public static String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new InvalidDocumentException(
                    InvalidDocumentException.INVALID_JSON,
                    List.of(new Problem(
                            "", "not valid UTF-8: malformed byte sequence at byte offset " + in.position())));
        }
        if (!result.isUnderflow()) {
            // cannot happen: UTF-8 never needs more chars than bytes
            throw new IllegalStateException("UTF-8 decoding overflowed: " + result);
        }
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
