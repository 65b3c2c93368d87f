package dev.recipediff.local.bench;

/**
 * One generated make file.
 *
 * @param sequence  0-based position in the run; also in the file ({@code madeBy: bench-<sequence>}) and its key
 * @param recipeId  the recipe it is a make of
 * @param variation what was changed (or broken)
 * @param body      the file as uploaded
 */
public record GeneratedMake(int sequence, long recipeId, MakeVariation variation, byte[] body) {

    public static final String MADE_BY_PREFIX = "bench-";

    /** The file name under {@code {kitchen}/makes/}: zero-padded so that keys sort by sequence. */
    public String fileName() {
        return fileName(sequence);
    }

    public static String fileName(int sequence) {
        return String.format("%s%07d.json", MADE_BY_PREFIX, sequence);
    }

    public boolean valid() {
        return variation.valid();
    }
}
