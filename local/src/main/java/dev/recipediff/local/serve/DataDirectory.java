package dev.recipediff.local.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The layout of {@code serve}'s data directory (all of it under one root, nothing elsewhere):
 * <pre>
 * DIR/s3/                 the bucket (S3Proxy filesystem store: one folder per bucket, one file per object)
 * DIR/sqs/                ElasticMQ: queues.conf and messages.mv.db (H2) — queued jobs survive restarts
 * DIR/dynamodb/           dynalite's LevelDB (recipes, makes, differences, tokens, idempotency records)
 * DIR/inbox/{kitchen}/recipes|makes/   drop files here; they are put into the bucket, then moved to
 * DIR/inbox/.done/...     (same relative path)
 * DIR/admin-token         the admin token of kitchen "default" (0600); admin-token-{kitchen} for others
 * DIR/service-token       the sender's service token (0600)
 * DIR/endpoints.json      written when ready, removed on a clean stop: what submit/status/... connect to
 * </pre>
 * DIR and its folders are created 0700 (owner only); the launcher runs the JVM and dynalite with umask 077, so
 * files are 0600 from creation. {@link #secure} refuses a DIR that other local users may read, write or enter.
 */
public record DataDirectory(Path root) {

    public static final String DEFAULT_KITCHEN = "default";

    public DataDirectory {
        root = root.toAbsolutePath().normalize();
    }

    public Path s3() {
        return root.resolve("s3");
    }

    public Path sqs() {
        return root.resolve("sqs");
    }

    public Path dynamoDb() {
        return root.resolve("dynamodb");
    }

    public Path inbox() {
        return root.resolve("inbox");
    }

    public Path adminToken(String kitchen) {
        return root.resolve(DEFAULT_KITCHEN.equals(kitchen) ? "admin-token" : "admin-token-" + kitchen);
    }

    public Path serviceToken() {
        return root.resolve("service-token");
    }

    /** serve's log: every JSON line it prints, kept for {@code recipediff trace} (rotated at a size cap). */
    public Path log() {
        return root.resolve("logs").resolve("serve.jsonl");
    }

    public Path endpoints() {
        return root.resolve("endpoints.json");
    }

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> SHARED = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    /**
     * Creates DIR and its emulators' folders owner-only (0700) where missing; then, unless
     * {@code sharedAllowed}, refuses (with what to do) when DIR or one of those folders may be read, written or
     * entered by other local users, or is a symbolic link.
     *
     * @throws ServeException when the directory is shared and that was not allowed
     */
    public void secure(boolean sharedAllowed) throws IOException {
        for (Path dir : List.of(root, s3(), sqs(), dynamoDb(), inbox())) {
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                createOwnerOnly(dir);
            }
        }
        if (sharedAllowed || !root.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        for (Path dir : List.of(root, s3(), sqs(), dynamoDb(), inbox())) {
            if (Files.isSymbolicLink(dir)) {
                throw new ServeException(
                        dir + " is a symbolic link; the data directory and its folders must be "
                                + "real folders (or pass --allow-shared-data-dir)",
                        null);
            }
            Set<PosixFilePermission> open =
                    EnumSet.copyOf(Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS));
            open.retainAll(SHARED);
            if (!open.isEmpty()) {
                throw new ServeException(
                        dir + " is "
                                + PosixFilePermissions.toString(
                                        Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS))
                                + ": other local users could read every recipe, make and token record. Run `chmod -R go-rwx "
                                + root + "`, or pass --allow-shared-data-dir if that is intended",
                        null);
            }
        }
    }

    private static void createOwnerOnly(Path dir) throws IOException {
        if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(dir);
            return;
        }
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Files.setPosixFilePermissions(dir, OWNER_ONLY); // whatever the umask left
    }
}
