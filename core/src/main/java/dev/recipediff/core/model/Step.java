package dev.recipediff.core.model;

/**
 * One instruction step.
 *
 * @param stepId   id from the original format; {@code null} when the document has none
 * @param stepText the instruction as written
 */
public record Step(Long stepId, String stepText) {
}
