package dev.recipediff.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code recipediff chaos} end to end on a small plan: a real serve in this process under every fault of issue 9
 * §1 — 503 window, SQS pollers killed, dynalite killed, graceful restart, dropped notifications, re-uploads — and
 * every file accounted for.
 */
class ChaosCommandIT {

    @TempDir
    Path dataDir;

    @Test
    void aSmallChaosRunSurvivesEveryFaultAndLosesAndDuplicatesNothing() {
        StringWriter out = new StringWriter();
        CommandLine cli = RecipediffCli.commandLine();
        cli.setOut(new PrintWriter(out, true));

        int exit = cli.execute("chaos", "--files", "40", "--seed", "7", "--data-dir", dataDir.toString());

        String printed = out.toString();
        System.out.println(printed);
        assertThat(exit).as(printed).isZero();
        assertThat(number(printed, "API answered 503 for a window \\(\\d+ s, (\\d+) request"))
                .as("requests the 503 window refused")
                .isPositive();
        assertThat(printed)
                .contains(
                        "1 x SQS pollers killed (no grace) and restarted, serve running on",
                        "1 x dynalite killed (serve restarted) (1 process(es)",
                        "1 x dynalite stopped and restarted alone, serve running on",
                        "1 x serve stopped gracefully (its SIGTERM path) and restarted",
                        "x re-uploaded under the same key",
                        "x same content re-uploaded under a new key",
                        "lost 0, duplicated 0");
        int dropped = number(printed, "(\\d+) x S3 notification dropped");
        assertThat(dropped).as("notifications dropped").isPositive();
        assertThat(number(printed, "reconcile: \\d+ files, \\d+ terminal, (\\d+) re-enqueued"))
                .as("objects reconcile found")
                .isGreaterThanOrEqualTo(dropped);
    }

    private static int number(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("/" + regex + "/ in:\n" + text).isTrue();
        return Integer.parseInt(matcher.group(1));
    }
}
