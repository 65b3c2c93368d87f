package dev.recipediff.local.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recipediff.local.chaos.ChaosFaults.Fault;
import dev.recipediff.local.serve.ServeOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 §1, the suite's version: the product's {@link ChaosRun} (what {@code recipediff chaos} runs) on a small
 * plan — a real serve in this process, recipes and makes in random order with invalid files and re-uploads, while
 * the API answers 503 for a window, the sender's pollers are killed, dynalite is killed, dynalite alone is
 * restarted under the running pipeline, serve is stopped gracefully and restarted and notifications are dropped —
 * and its accounting of every uploaded object.
 * {@code ChaosCommandIT} checks the command around it (exit status, printed report).
 */
class ChaosRunIT {

    private static final int FILES = 30;

    @TempDir
    static Path dataDir;

    private static ChaosAccounting accounting;

    @BeforeAll
    static void aSmallPlanRunsUnderEveryFault() throws Exception {
        StringWriter progress = new StringWriter();
        accounting = new ChaosRun(
                        ServeOptions.of(dataDir, 0, "chaos", Optional.empty()), 11, new PrintWriter(progress, true))
                .run(FILES);
        System.out.println(accounting.table());
    }

    @Test
    void everyUploadedObjectReachesATerminalStateAndNoneIsLost() {
        assertThat(accounting.objects()).as(accounting.table()).isGreaterThanOrEqualTo(FILES);
        assertThat(accounting.lost()).as(accounting.table()).isZero();
    }

    @Test
    void noMakeIsStoredTwice() {
        assertThat(accounting.duplicated()).as(accounting.table()).isZero();
    }

    @Test
    void validFilesAreNeverReportedAsRejected() {
        assertThat(accounting.problems()).as(accounting.table()).noneMatch(problem -> problem.startsWith("a valid"));
    }

    @Test
    void everyFaultWasInjected() {
        ChaosFaults faults = accounting.faults();

        assertThat(faults.missing()).as(accounting.table()).isEmpty();
        assertThat(faults.times(Fault.API_UNAVAILABLE)).isEqualTo(1);
        assertThat(faults.times(Fault.SENDER_POLLING_KILLED)).isEqualTo(1);
        assertThat(faults.times(Fault.DYNALITE_KILLED)).isEqualTo(1);
        assertThat(faults.times(Fault.DYNALITE_RESTARTED)).isEqualTo(1);
        assertThat(faults.times(Fault.SERVE_RESTARTED)).isEqualTo(1);
    }

    @Test
    void reconcileFindsEveryObjectWhoseNotificationWasDropped() {
        assertThat(accounting.faults().times(Fault.NOTIFICATION_DROPPED)).isPositive();
        assertThat(accounting.problems())
                .as(accounting.table())
                .noneMatch(problem -> problem.startsWith("reconcile re-enqueued"));
    }

    @Test
    void theRunIsClean() {
        assertThat(accounting.clean()).as(accounting.table()).isTrue();
    }
}
