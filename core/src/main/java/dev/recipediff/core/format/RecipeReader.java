package dev.recipediff.core.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recipediff.core.model.Make;
import dev.recipediff.core.model.Recipe;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Reads untrusted recipe and make documents: the original format or schema.org {@code Recipe} JSON-LD
 * (detected by {@code @context}/{@code @type}/{@code @graph} or a top-level array). Build one and share it:
 * it is immutable and thread-safe.
 *
 * <p>Every failure is an {@link InvalidDocumentException} carrying every problem found, each with a JSON pointer:
 * <ul>
 *   <li>{@code too_large} — more than {@link DocumentLimits#MAX_DOCUMENT_BYTES} bytes (checked first);</li>
 *   <li>{@code invalid_json} — empty input, malformed UTF-8 (byte offset in the message), or a syntax error
 *       (pointer of the last complete path, line and column in the message);</li>
 *   <li>{@code invalid_document} — wrong types, missing required fields, ids that are not positive integers,
 *       negative quantities, non-finite numbers, duplicate keys (original format), strings over {@link DocumentLimits#MAX_STRING_CHARS}
 *       characters, nesting over {@link DocumentLimits#MAX_NESTING_DEPTH}, more than
 *       {@link DocumentLimits#MAX_INGREDIENTS} ingredients or {@link DocumentLimits#MAX_STEPS} steps, a
 *       {@code madeAt} that is not ISO-8601.</li>
 * </ul>
 * <p>JSON-LD is read as browsers read the web's JSON: raw control characters inside strings, comments and
 * duplicate keys (the last one wins) are tolerated there, and the Recipe node is found anywhere in the document
 * ({@link SchemaOrgRecipeReader}). The original format stays strict JSON (those are {@code invalid_json} or, for
 * duplicates, {@code invalid_document}). Every text field is read as a reader sees it ({@link ReadableText}).
 *
 * <p>Tolerated: unknown fields (ignored), integer-valued decimals for ids ({@code 2.0}), {@code -0} (read as 0),
 * {@code null} for optional fields. Not tolerated: numbers written as strings in the original format.
 * {@code madeAt} with an offset or zone keeps it; a local date-time or a bare date is taken as UTC.
 */
public final class RecipeReader {

    private final JsonTreeParser treeParser;
    private final IngredientLineParser lineParser;

    public RecipeReader() {
        this.treeParser = new JsonTreeParser(RecipeJson.mapper());
        this.lineParser = new IngredientLineParser();
    }

    /** A recipe, in either format; make fields, if any, are ignored. */
    public Recipe readRecipe(byte[] document) {
        return read(
                document,
                (root, problems) -> SchemaOrgRecipeReader.isJsonLd(root)
                        ? new SchemaOrgRecipeReader(problems, lineParser).recipe(root)
                        : new OriginalFormatReader(problems).recipe(root));
    }

    /** A make: a recipe document (either format) plus the optional {@code madeAt}, {@code madeBy}, {@code notes}. */
    public Make readMake(byte[] document) {
        return read(
                document,
                (root, problems) -> SchemaOrgRecipeReader.isJsonLd(root)
                        ? new SchemaOrgRecipeReader(problems, lineParser).make(root)
                        : new OriginalFormatReader(problems).make(root));
    }

    /** Which format a document was read from. */
    public enum Format {
        /** recipediff's own JSON ({@code recipeName}, {@code ingredients}, {@code steps}). */
        ORIGINAL,
        /** schema.org {@code Recipe} JSON-LD. */
        SCHEMA_ORG
    }

    /** A document as read: its content (a make whose make fields may all be absent) and the format it was in. */
    public record Document(Make make, Format format) {

        /** True when the document carries any make field ({@code madeAt}, {@code madeBy}, {@code notes}). */
        public boolean isMake() {
            return make.madeAt() != null || make.madeBy() != null || make.notes() != null;
        }
    }

    /** A document of either kind and format, as {@code recipediff read} shows it. */
    public Document readDocument(byte[] document) {
        return read(
                document,
                (root, problems) -> SchemaOrgRecipeReader.isJsonLd(root)
                        ? new Document(new SchemaOrgRecipeReader(problems, lineParser).make(root), Format.SCHEMA_ORG)
                        : new Document(new OriginalFormatReader(problems).make(root), Format.ORIGINAL));
    }

    private <T> T read(byte[] document, BiFunction<JsonNode, Problems, T> reader) {
        if (document == null || document.length == 0) {
            throw new InvalidDocumentException(
                    InvalidDocumentException.INVALID_JSON, List.of(new Problem("", "the document is empty")));
        }
        if (document.length > DocumentLimits.MAX_DOCUMENT_BYTES) {
            throw new InvalidDocumentException(
                    InvalidDocumentException.TOO_LARGE,
                    List.of(new Problem(
                            "",
                            "document too large: " + document.length + " bytes (at most "
                                    + DocumentLimits.MAX_DOCUMENT_BYTES + ")")));
        }
        String text = StrictUtf8.decode(document);
        Problems problems = new Problems();
        JsonTreeParser.Tree tree = treeParser.parse(text, problems);
        JsonNode root = tree.root();
        if (!SchemaOrgRecipeReader.isJsonLd(root)) {
            // the original format is ours and strict JSON: raw control characters, comments and duplicated keys
            // (ambiguous) are web habits tolerated in JSON-LD only
            treeParser.requireStrictSyntax(text);
            tree.duplicateKeys().forEach(pointer -> problems.add(pointer, JsonTreeParser.DUPLICATE_KEY));
        }
        T result = reader.apply(root, problems);
        problems.throwIfAny();
        return result;
    }
}
