package dev.recipediff.local.serve;

import java.nio.file.Path;

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
}
