package dev.recipediff.functions.store;

/**
 * A make id handed out by the recipe's make counter, with what the counter item says about pending makes and
 * about the recipe's versions: {@link MakeRecords#notePending} counts pending writes on the same item,
 * {@link MakeRecords#pendingChecked} records how many of them a full resolution has covered, and the recipe's
 * writer announces each version there before writing it and publishes it after ({@link RecipeVersions#announce},
 * {@link RecipeVersions#publish}). The make path reads all of them with the id it needs anyway, so it queries
 * pending makes only when one may exist, and the current version only when the counter cannot tell it.
 *
 * @param makeId           the new make id
 * @param pendingWrites    how many pending makes were ever noted for the recipe
 * @param pendingChecked   how many of those a resolution has covered
 * @param currentVersion   the highest version published on the counter; 0 when none was
 * @param announcedVersion the highest version a writer announced before writing it; 0 when none was
 */
public record MakeIdGrant(
        long makeId, long pendingWrites, long pendingChecked, long currentVersion, long announcedVersion) {

    /** Whether a pending make may be waiting: noted after the last resolution that covered them all. */
    public boolean pendingMayExist() {
        return pendingWrites > pendingChecked;
    }

    /**
     * Whether {@link #currentVersion} was the recipe's highest version when the id was handed out: published, and
     * no higher version announced (a version is only written after it was announced).
     */
    public boolean versionIsCurrent() {
        return currentVersion > 0 && announcedVersion <= currentVersion;
    }
}
