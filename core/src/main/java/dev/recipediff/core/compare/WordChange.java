package dev.recipediff.core.compare;

/**
 * One run of changed words in a reworded step (normalised: lower case, no punctuation).
 *
 * @param recipe the words the recipe had there ("" when words were inserted)
 * @param make   the words the make has there ("" when words were deleted)
 */
public record WordChange(String recipe, String make) {}
