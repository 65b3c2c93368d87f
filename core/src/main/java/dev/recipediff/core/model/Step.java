package dev.recipediff.core.model;

/**
 * One instruction step.
 *
 * @param stepId   id from the original format; {@code null} when the document has none
 * @param stepText the instruction as a reader sees it (HTML decoded and removed, white space collapsed)
 * @param section  the heading of the part of the recipe this step belongs to (a schema.org {@code HowToSection}
 *                 name, e.g. "For the sauce"); {@code null} when the recipe is not divided into sections
 */
public record Step(Long stepId, String stepText, String section) {

    /** A step outside any section. */
    public Step(Long stepId, String stepText) {
        this(stepId, stepText, null);
    }
}
