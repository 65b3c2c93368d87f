package dev.recipediff.local.cli;

import dev.recipediff.local.deployment.Deployment;
import dev.recipediff.local.submit.DocumentKind;
import dev.recipediff.local.submit.FileUploader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code recipediff submit FILE...}: uploads recipe / make files through the running serve's S3 endpoint. */
@Command(
        name = "submit",
        mixinStandardHelpOptions = true,
        description = {
            "Uploads files into the bucket of a deployed stack (--stack) or the running `recipediff serve` (key "
                    + "KITCHEN/recipes/NAME or KITCHEN/makes/NAME), which starts the pipeline for each.",
            "Without --kind: a file in a makes/ or recipes/ folder is what the folder says; else a JSON "
                    + "object with madeAt, madeBy or notes is a make; anything else a recipe."
        })
public final class SubmitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target;

    @Mixin
    KitchenOption kitchen;

    @Option(names = "--kind", paramLabel = "recipe|make", description = "recipe or make (default: detected per file)")
    Optional<DocumentKind> kind;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "the files to submit")
    List<Path> files;

    @Override
    public Integer call() {
        Deployment deployment;
        try {
            deployment = target.deployment();
            deployment.requireBucket();
        } catch (IllegalStateException e) {
            spec.commandLine().getErr().println("recipediff submit: " + e.getMessage());
            return 1;
        }
        var result = new FileUploader(deployment, spec.commandLine().getErr()).upload(files, kitchen.name(), kind);
        spec.commandLine()
                .getOut()
                .printf(
                        "submitted %d file(s)%s%n",
                        result.uploaded(), result.failed() == 0 ? "" : ", " + result.failed() + " failed (see above)");
        return result.failed() == 0 ? 0 : 1;
    }
}
