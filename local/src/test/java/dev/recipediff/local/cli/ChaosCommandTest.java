package dev.recipediff.local.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code recipediff chaos} end to end on a small plan: a real serve in this process, restarted gracefully, its
 * dynalite killed, files re-uploaded — and every file accounted for (issue 9 §1).
 */
class ChaosCommandTest {

    @TempDir
    Path dataDir;

    @Test
    void a_small_chaos_run_loses_and_duplicates_nothing() {
        StringWriter out = new StringWriter();
        CommandLine cli = RecipediffCli.commandLine();
        cli.setOut(new PrintWriter(out, true));

        int exit = cli.execute("chaos", "--files", "40", "--seed", "7", "--data-dir", dataDir.toString());

        assertThat(out.toString()).contains("fault: dynalite killed (1 process)", "fault: serve stopped gracefully",
                "lost 0, duplicated 0");
        assertThat(exit).as(out.toString()).isZero();
    }
}
