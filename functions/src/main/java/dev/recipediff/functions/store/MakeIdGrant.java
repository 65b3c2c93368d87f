package dev.recipediff.functions.store;

/**
 * A make id handed out by the recipe's make counter, with what the counter item says about pending makes:
 * {@link MakeRecords#notePending} counts pending writes on the same item, and {@link MakeRecords#pendingChecked}
 * records how many of them a full resolution has covered. The make path reads both with the id it needs anyway,
 * so it queries pending makes only when one may exist.
 *
 * @param makeId        the new make id
 * @param pendingWrites how many pending makes were ever noted for the recipe
 * @param pendingChecked how many of those a resolution has covered
 */
public record MakeIdGrant(long makeId, long pendingWrites, long pendingChecked) {

    /** Whether a pending make may be waiting: noted after the last resolution that covered them all. */
    public boolean pendingMayExist() {
        return pendingWrites > pendingChecked;
    }
}
