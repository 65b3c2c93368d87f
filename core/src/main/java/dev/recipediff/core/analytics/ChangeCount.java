package dev.recipediff.core.analytics;

/**
 * How many makes changed one thing (an ingredient, a step, a substitution pair).
 *
 * @param label     how to show the thing; taken from the make with the highest id, so the result does not depend
 *                  on the order makes were folded in
 * @param count     how many makes changed it
 * @param labelFrom the id of the make the label was taken from
 */
public record ChangeCount(String label, long count, long labelFrom) {

    static ChangeCount first(String label, long makeId) {
        return new ChangeCount(label, 1, makeId);
    }

    ChangeCount plus(String newLabel, long makeId) {
        return makeId > labelFrom
                ? new ChangeCount(newLabel, count + 1, makeId)
                : new ChangeCount(label, count + 1, labelFrom);
    }
}
