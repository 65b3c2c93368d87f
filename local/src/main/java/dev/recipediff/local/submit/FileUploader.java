package dev.recipediff.local.submit;

import dev.recipediff.functions.config.AwsClients;
import dev.recipediff.local.deployment.Deployment;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Puts files into serve's bucket under {@code KITCHEN/recipes|makes/NAME}, with a progress bar for many. */
public final class FileUploader {

    private static final int BAR_WIDTH = 30;

    private final Deployment deployment;
    private final PrintWriter err;

    public FileUploader(Deployment deployment, PrintWriter err) {
        this.deployment = deployment;
        this.err = err;
    }

    public record Result(int uploaded, int failed) {}

    public Result upload(List<Path> files, String kitchen, Optional<DocumentKind> kind) {
        int uploaded = 0;
        int failed = 0;
        boolean showProgress = files.size() > 1;
        try (S3Client s3 = new AwsClients(deployment.functionsConfig()).s3()) {
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                try {
                    byte[] content = Files.readAllBytes(file);
                    DocumentKind documentKind = kind.orElseGet(() -> DocumentKind.detect(file, content));
                    String key = kitchen + "/" + documentKind.folder() + "/" + file.getFileName();
                    s3.putObject(b -> b.bucket(deployment.requireBucket()).key(key), RequestBody.fromBytes(content));
                    uploaded++;
                    if (!showProgress) {
                        err.println("submitted " + file + " as s3://" + deployment.requireBucket() + "/" + key);
                    }
                } catch (IOException | SdkException e) {
                    failed++;
                    err.println((showProgress ? "\n" : "") + "could not submit " + file + ": " + e.getMessage());
                }
                if (showProgress) {
                    progress(i + 1, files.size());
                }
            }
        }
        if (showProgress) {
            err.println();
        }
        return new Result(uploaded, failed);
    }

    private void progress(int done, int total) {
        int filled = done * BAR_WIDTH / total;
        err.print("\r[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " + done + "/" + total);
        err.flush();
    }
}
