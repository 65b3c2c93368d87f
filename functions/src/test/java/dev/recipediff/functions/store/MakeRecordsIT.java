package dev.recipediff.functions.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recipediff.emulators.dynamodb.DynaliteExtension;
import dev.recipediff.emulators.dynamodb.DynaliteProcess;
import dev.recipediff.functions.testing.EmulatedTable;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Make writes and the make counter against dynalite: first write wins, pending notes. */
@ExtendWith(DynaliteExtension.class)
class MakeRecordsIT {

    private static final AtomicInteger KITCHENS = new AtomicInteger();
    private static MakeRecords makes;
    private static RecipeVersions versions;

    private final String kitchen = "records-" + KITCHENS.incrementAndGet();

    @BeforeAll
    static void records(DynaliteProcess dynalite) {
        RecipeTable table = EmulatedTable.create(dynalite, "records").table();
        makes = new MakeRecords(table);
        versions = new RecipeVersions(table);
    }

    private static StoredMake make(long makeId, long version, Instant receivedAt) {
        return new StoredMake(2, makeId, version, false, "{\"recipeId\":2}", "[]", receivedAt);
    }

    @Test
    void aWriteAnswersWithTheMakeItWrote() {
        StoredMake written = make(1, 1, Instant.parse("2026-11-29T10:00:00Z"));

        assertThat(makes.put(kitchen, written, "attempt-a")).contains(written);
        assertThat(makes.find(kitchen, 2, 1)).contains(written);
    }

    @Test
    void aRetryOfTheSameRequestThatLostTheWriteAnswersWithTheStoredMake() {
        StoredMake first = make(1, 1, Instant.parse("2026-11-29T10:00:00Z"));
        StoredMake retry = make(1, 2, Instant.parse("2026-11-29T10:01:00Z"));
        makes.put(kitchen, first, "idem:same-request");

        assertThat(makes.put(kitchen, retry, "idem:same-request")).contains(first);
        assertThat(makes.find(kitchen, 2, 1)).contains(first);
    }

    @Test
    void anotherWriterNeverOverwritesAMake() {
        StoredMake first = make(1, 1, Instant.parse("2026-11-29T10:00:00Z"));
        makes.put(kitchen, first, "idem:one-request");

        assertThat(makes.put(kitchen, make(1, 1, Instant.parse("2026-11-29T11:00:00Z")), "idem:other"))
                .isEmpty();
        assertThat(makes.find(kitchen, 2, 1)).contains(first);
    }

    @Test
    void theMakeCounterSaysWhetherAPendingMakeMayWait() {
        assertThat(makes.grantMakeId(kitchen, 2).pendingMayExist()).isFalse();

        makes.notePending(kitchen, 2);
        MakeIdGrant afterNote = makes.grantMakeId(kitchen, 2);
        makes.pendingChecked(kitchen, 2, afterNote.pendingWrites());
        MakeIdGrant afterCheck = makes.grantMakeId(kitchen, 2);

        assertThat(afterNote.pendingMayExist()).isTrue();
        assertThat(afterCheck.pendingMayExist()).isFalse();
        assertThat(afterCheck.makeId()).isEqualTo(3);
    }

    @Test
    void aNoteMadeWhileResolvingStaysAboveTheCheckedMark() {
        makes.notePending(kitchen, 2);
        MakeIdGrant readBeforeResolving = makes.grantMakeId(kitchen, 2);
        makes.notePending(kitchen, 2); // a pending write noted while the resolution ran

        makes.pendingChecked(kitchen, 2, readBeforeResolving.pendingWrites());

        assertThat(makes.grantMakeId(kitchen, 2).pendingMayExist()).isTrue();
    }

    @Test
    void theCheckedMarkNeverMovesBack() {
        makes.notePending(kitchen, 2);
        makes.notePending(kitchen, 2);
        makes.pendingChecked(kitchen, 2, 2);

        makes.pendingChecked(kitchen, 2, 1); // a slower resolution that read fewer notes

        assertThat(makes.grantMakeId(kitchen, 2).pendingChecked()).isEqualTo(2);
    }

    @Test
    void aPublishedVersionComesWithTheMakeIdInOneUpdate() {
        versions.announce(kitchen, 2, 1);
        versions.publish(kitchen, 2, 1);
        versions.announce(kitchen, 2, 2);
        versions.publish(kitchen, 2, 2);

        MakeIdGrant grant = makes.grantAtCurrentVersion(kitchen, 2).orElseThrow();

        assertThat(grant.makeId()).isEqualTo(1);
        assertThat(grant.currentVersion()).isEqualTo(2);
        assertThat(grant.versionIsCurrent()).isTrue();
    }

    @Test
    void aRecipeWithoutAPublishedVersionGetsNoIdAtTheCurrentVersionAndNoIdIsBurnt() {
        assertThat(makes.grantAtCurrentVersion(kitchen, 2)).isEmpty();

        assertThat(makes.grantMakeId(kitchen, 2).makeId())
                .as("the refused update handed out nothing")
                .isEqualTo(1);
    }

    @Test
    void aVersionAnnouncedButNotYetPublishedMakesTheCounterUnsure() {
        versions.announce(kitchen, 2, 1);
        versions.publish(kitchen, 2, 1);
        versions.announce(kitchen, 2, 2); // its writer is writing version 2 now, or crashed doing so

        assertThat(makes.grantAtCurrentVersion(kitchen, 2)).isEmpty();
        assertThat(makes.grantMakeId(kitchen, 2).versionIsCurrent()).isFalse();
    }

    @Test
    void publishingNeverMovesTheCurrentVersionBack() {
        versions.announce(kitchen, 2, 3);
        versions.publish(kitchen, 2, 3);

        versions.announce(kitchen, 2, 2); // a slower writer of an older version
        versions.publish(kitchen, 2, 2);

        assertThat(makes.grantAtCurrentVersion(kitchen, 2).orElseThrow().currentVersion())
                .isEqualTo(3);
    }

    @Test
    void aCurrentVersionFoundByQueryIsAdoptedUnlessAHigherOneIsAnnounced() {
        versions.adoptCurrent(kitchen, 2, 1); // a recipe written before versions were published on the counter
        MakeIdGrant adopted = makes.grantAtCurrentVersion(kitchen, 2).orElseThrow();
        versions.announce(kitchen, 2, 2);

        versions.adoptCurrent(kitchen, 2, 1); // a make that queried before version 2 was written

        assertThat(adopted.currentVersion()).isEqualTo(1);
        assertThat(makes.grantAtCurrentVersion(kitchen, 2)).isEmpty();
    }

    @Test
    void aCounterCreatedByAnAnnouncementHasHandedOutNoMakeIdYet() {
        versions.announce(kitchen, 2, 1);
        versions.publish(kitchen, 2, 1);

        assertThat(makes.grantAtCurrentVersion(kitchen, 2).orElseThrow().makeId())
                .isEqualTo(1);
    }
}
