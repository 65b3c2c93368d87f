package dev.recipediff.emulators.glue;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The original design's "shared file location": files dropped into {@code INBOX/{kitchen}/recipes/} or
 * {@code INBOX/{kitchen}/makes/} (sub-folders allowed) are put into the bucket under the same key
 * ({@code {kitchen}/recipes/...}) through the S3 endpoint — which raises the S3 notification — and then
 * moved to {@code INBOX/.done/} under the same relative path (a later file with the same name replaces it).
 *
 * <p>A {@link WatchService} triggers a scan as soon as something changes; a periodic scan catches what it
 * misses (overflow, folders created before they were registered). A file is taken once it has not changed
 * for {@code settle}; names starting with {@code .} or ending in {@code .tmp}/{@code .part} are ignored
 * (write to such a name, then rename). A file that cannot be uploaded stays in the inbox and is retried.
 * Only regular files with one link are taken; links are never followed (see {@link #scan()}).
 */
public final class InboxWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InboxWatcher.class);
    private static final int MAX_FILES_PER_SCAN = 500;
    private static final int MAX_DEPTH = 8;
    static final String DONE = ".done";
    static final String REFUSED = ".refused";

    private final Path inbox;
    private final S3Client s3;
    private final String bucket;
    private final Duration settle;
    private final WatchService watchService;
    private final Set<Path> watched = new HashSet<>();
    private final ScheduledExecutorService scanner;
    private final Thread watcherThread;
    private volatile boolean running = true;

    public InboxWatcher(Path inbox, S3Client s3, String bucket, Duration settle, Duration rescanEvery)
            throws IOException {
        this.inbox = inbox.toAbsolutePath();
        this.s3 = s3;
        this.bucket = bucket;
        this.settle = settle;
        Files.createDirectories(this.inbox);
        this.watchService = this.inbox.getFileSystem().newWatchService();
        this.scanner = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("inbox-scan").daemon(true).factory());
        this.watcherThread =
                Thread.ofPlatform().name("inbox-watch").daemon(true).unstarted(this::watch);
        registerDirectories();
        scanner.scheduleWithFixedDelay(this::scanSafely, 0, rescanEvery.toMillis(), TimeUnit.MILLISECONDS);
        watcherThread.start();
    }

    /** Creates {@code INBOX/{kitchen}/recipes} and {@code makes} so users see where to drop files. */
    public static void createKitchenFolders(Path inbox, String kitchen) throws IOException {
        Files.createDirectories(inbox.resolve(kitchen).resolve("recipes"));
        Files.createDirectories(inbox.resolve(kitchen).resolve("makes"));
    }

    public Path inbox() {
        return inbox;
    }

    private void watch() {
        while (running) {
            try {
                var key = watchService.poll(500, TimeUnit.MILLISECONDS);
                if (key == null) {
                    continue;
                }
                key.pollEvents();
                key.reset();
                scanner.execute(this::scanSafely);
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
        }
    }

    private void scanSafely() {
        if (!running) {
            return;
        }
        try {
            registerDirectories();
            scan();
        } catch (IOException | RuntimeException e) {
            LOG.warn("inbox scan failed, retrying on the next one: {}", e.toString());
        }
    }

    private void registerDirectories() throws IOException {
        try (Stream<Path> dirs = Files.walk(inbox, MAX_DEPTH)) {
            for (Path dir : dirs.filter(d -> Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS))
                    .filter(d -> !isDone(d))
                    .toList()) {
                if (watched.add(dir)) {
                    dir.register(
                            watchService,
                            StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_MODIFY,
                            StandardWatchEventKinds.ENTRY_DELETE);
                }
            }
        }
        watched.removeIf(dir -> !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS));
    }

    /**
     * One bounded pass over the inbox; returns the keys it uploaded. Links are never followed: the walk stays
     * inside the inbox, a symbolic link (to a file or a folder) or a file with more than one hard link (it may
     * be a name of a file outside the inbox) is moved — the link itself, never its target — to
     * {@code INBOX/.refused/} and never read.
     */
    List<String> scan() throws IOException {
        List<Path> candidates;
        try (Stream<Path> files = Files.walk(inbox, MAX_DEPTH)) {
            candidates = files.filter(f -> !Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS))
                    .filter(f -> !isDone(f))
                    .filter(this::isDroppable)
                    .limit(MAX_FILES_PER_SCAN)
                    .toList();
        }
        List<String> uploaded = new ArrayList<>();
        for (Path file : candidates) {
            if (!running) {
                break;
            }
            Optional<String> refusal = refusal(file);
            if (refusal.isPresent()) {
                refuse(file, refusal.get());
            } else if (settled(file)) {
                String key = keyOf(file);
                if (upload(file, key)) {
                    uploaded.add(key);
                }
            }
        }
        return uploaded;
    }

    /** Why the inbox does not take this entry: not a regular file, or a hard link that may name a file outside. */
    private static Optional<String> refusal(Path file) throws IOException {
        BasicFileAttributes attributes =
                Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attributes.isSymbolicLink()) {
            return Optional.of("a symbolic link (the inbox takes regular files only and never follows links)");
        }
        if (!attributes.isRegularFile()) {
            return Optional.of("not a regular file");
        }
        if (linkCount(file) > 1) {
            return Optional.of("a file with more than one hard link (it may be a name of a file outside the inbox)");
        }
        return Optional.empty();
    }

    private static int linkCount(Path file) throws IOException {
        try {
            return ((Number) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue();
        } catch (UnsupportedOperationException | IllegalArgumentException notUnix) {
            // a file system without POSIX link counts: a second hard link is not detectable there (issue 17 asks
            // "where detectable"); symbolic links are still refused above
            return 1;
        }
    }

    /** Moves the entry itself (a link is moved, not followed) out of the way so it is reported once. */
    private void refuse(Path file, String why) {
        String name = printable(inbox.relativize(file).toString());
        try {
            Path refused = inbox.resolve(REFUSED).resolve(inbox.relativize(file));
            Files.createDirectories(refused.getParent());
            Files.move(file, refused, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
            LOG.warn("inbox: refused {}: {}; moved to {}/", name, why, REFUSED);
        } catch (IOException e) {
            LOG.warn(
                    "inbox: refused {}: {}; could not move it aside: {}",
                    name,
                    why,
                    e.getClass().getName());
        }
    }

    /** A name as a log may show it: control characters (a newline would forge a line) escaped. */
    private static String printable(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints()
                .forEach(c ->
                        out.append(Character.isISOControl(c) ? String.format("\\u%04x", c) : Character.toString(c)));
        return out.toString();
    }

    private boolean isDroppable(Path file) {
        Path relative = inbox.relativize(file);
        if (relative.getNameCount() < 3) {
            return false;
        }
        String folder = relative.getName(1).toString();
        String name = file.getFileName().toString();
        return (folder.equals("recipes") || folder.equals("makes"))
                && !name.startsWith(".")
                && !name.endsWith(".tmp")
                && !name.endsWith(".part");
    }

    private boolean settled(Path file) throws IOException {
        FileTime modified = Files.getLastModifiedTime(file);
        return System.currentTimeMillis() - modified.toMillis() >= settle.toMillis();
    }

    private String keyOf(Path file) {
        return inbox.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private boolean upload(Path file, String key) {
        try {
            byte[] content = readRegularFile(file);
            s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(content));
            Path done = inbox.resolve(DONE).resolve(inbox.relativize(file));
            Files.createDirectories(done.getParent());
            Files.move(file, done, StandardCopyOption.REPLACE_EXISTING);
            LOG.atInfo().addKeyValue("keyHash", keyHash(key)).log("inbox: file put into the bucket");
            return true;
        } catch (IOException | SdkException e) {
            LOG.atWarn()
                    .addKeyValue("keyHash", keyHash(key))
                    .addKeyValue("problem", e.getClass().getName())
                    .log("inbox: file could not be put into the bucket yet, will retry");
            return false;
        }
    }

    /**
     * Reads a file opened with {@code O_NOFOLLOW} (a link swapped in after the check is not followed) and checks
     * again, on the open file, that it is a regular file with one link.
     */
    private static byte[] readRegularFile(Path file) throws IOException {
        try (SeekableByteChannel channel =
                Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            if (refusal(file).isPresent()) {
                throw new IOException("no longer a regular file with one link");
            }
            return Channels.newInputStream(channel).readAllBytes();
        }
    }

    private boolean isDone(Path path) {
        Path relative = inbox.relativize(path);
        return relative.getNameCount() > 0
                && (relative.getName(0).toString().equals(DONE)
                        || relative.getName(0).toString().equals(REFUSED));
    }

    /** Stops watching; a scan in progress finishes the file it is on. */
    public void stop(Duration grace) {
        running = false;
        scanner.shutdown();
        try {
            watchService.close();
            watcherThread.join(grace);
            scanner.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            LOG.debug("closing the watch service: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }

    /**
     * The hash logged in place of an object key (keys are content), the same as the functions log
     * ({@code k-} and 16 hex digits of SHA-256), so {@code recipediff trace KEY} finds the inbox's line too.
     */
    static String keyHash(String key) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "k-" + java.util.HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
