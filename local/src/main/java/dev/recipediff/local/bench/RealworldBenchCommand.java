package dev.recipediff.local.bench;

import dev.recipediff.local.bench.realworld.RealworldBench;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code recipediff bench realworld [DIR]}: issue 15's figures on a folder of real pages and labelled lines. */
@Command(
        name = "realworld",
        mixinStandardHelpOptions = true,
        description = {
            "How real recipes are read and compared: documents accepted, HTML left, step counts, "
                    + "ingredient-line figures, and known edits (recall, precision, equivalent-only makes exact).",
            "DIR holds jsonld/<site>/<page>.jsonld, expected/<site>/<page>.json and a CSV of labelled lines."
        })
public final class RealworldBenchCommand implements Callable<Integer> {

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "DIR",
            defaultValue = "../shared/realworld",
            description = "the folder (default ../shared/realworld, relative to the working directory)")
    Path dir;

    @Option(
            names = "--csv",
            paramLabel = "FILE",
            description = "labelled ingredient lines (default DIR/ingredient-lines-dev.csv)")
    Path csv;

    @Option(
            names = "--pages",
            paramLabel = "N",
            defaultValue = "" + Integer.MAX_VALUE,
            description = "at most N pages (default all)")
    int pages;

    @Option(
            names = "--lines",
            paramLabel = "N",
            defaultValue = "" + Integer.MAX_VALUE,
            description = "at most N labelled lines (default all)")
    int lines;

    @Option(
            names = "--makes-per-recipe",
            paramLabel = "M",
            defaultValue = "2",
            description = "known-edits makes per accepted recipe (default 2)")
    int makesPerRecipe;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "15", description = "generator seed (default 15)")
    long seed;

    @Option(
            names = "--show-noise",
            paramLabel = "N",
            defaultValue = "0",
            description = "print up to N makes with unexplained differences or missed edits")
    int showNoise;

    @Option(
            names = "--write-makes",
            paramLabel = "FOLDER",
            description = "also write the makes, pairs.tsv (for compare --pairs) and edits.jsonl there")
    Path writeMakes;

    @Override
    public Integer call() throws Exception {
        Path base = dir.isAbsolute() || java.nio.file.Files.isDirectory(dir)
                ? dir
                : BenchCommand.home().map(home -> home.resolve(dir)).orElse(dir);
        Path labelled = csv != null ? csv : base.resolve("ingredient-lines-dev.csv");
        RealworldBench.Report report = new RealworldBench(System.out)
                .run(new RealworldBench.Options(
                        base,
                        labelled,
                        pages,
                        lines,
                        makesPerRecipe,
                        seed,
                        showNoise,
                        BenchCommand.home().orElse(Path.of("").toAbsolutePath()),
                        writeMakes));
        System.out.println("recipediff bench realworld " + base + " (seed " + seed + ")");
        System.out.print(RealworldBench.table(report.rows()));
        return 0;
    }
}
