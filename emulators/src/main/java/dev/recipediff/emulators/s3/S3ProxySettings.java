package dev.recipediff.emulators.s3;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run the embedded S3.
 *
 * @param storageDirectory empty for an in-memory store (tests), else the filesystem store's root (serve)
 * @param port             0 picks a free one
 */
public record S3ProxySettings(
        Optional<Path> storageDirectory, int port, String region, String accessKeyId, String secretAccessKey) {

    public static final String DEFAULT_REGION = "us-east-1";
    public static final String LOCAL_ACCESS_KEY_ID = "recipediff-local";
    public static final String LOCAL_SECRET_ACCESS_KEY = "recipediff-local";

    public S3ProxySettings {
        Objects.requireNonNull(storageDirectory, "storageDirectory");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    /** In memory, ephemeral port, the local credentials. */
    public static S3ProxySettings inMemory() {
        return new S3ProxySettings(Optional.empty(), 0, DEFAULT_REGION, LOCAL_ACCESS_KEY_ID, LOCAL_SECRET_ACCESS_KEY);
    }

    /** Files under {@code directory}, ephemeral port, the local credentials. */
    public static S3ProxySettings onDisk(Path directory) {
        return new S3ProxySettings(
                Optional.of(directory), 0, DEFAULT_REGION, LOCAL_ACCESS_KEY_ID, LOCAL_SECRET_ACCESS_KEY);
    }
}
