package dev.recipediff.functions.auth;

import dev.recipediff.functions.store.Sha256;
import dev.recipediff.functions.store.TokenRecord;
import dev.recipediff.functions.store.TokenRecords;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Mints, checks and revokes bearer tokens.
 *
 * <p>A token is {@code rdt.<tokenId>.<secret>}: a 64-bit random public id (the lookup key) and a 256-bit
 * random secret. Only the SHA-256 of the secret is stored; a presented token is checked by looking its id up
 * and comparing the hashes in constant time. This class is also the bootstrap path that mints the first
 * admin token of a kitchen and the pipeline's service token outside HTTP ({@code serve}, the CLI).
 */
public final class TokenService {

    private static final String PREFIX = "rdt";
    private static final Pattern FORMAT = Pattern.compile("rdt\\.([0-9a-f]{16})\\.([A-Za-z0-9_-]{43})");
    private static final Pattern EMBEDDED = Pattern.compile("rdt\\.[0-9a-f]{16}\\.[A-Za-z0-9_-]{43}");
    private static final int SECRET_BYTES = 32;
    private static final int ID_BYTES = 8;
    private static final int MAX_LABEL = 200;

    private final TokenRecords records;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public TokenService(TokenRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** Mints a token for {@code kitchen}. The returned {@link MintedToken#token()} is shown once. */
    public MintedToken mint(String kitchen, Set<Scope> scopes, String label) {
        if (!Identity.isValidKitchen(kitchen)) {
            throw new IllegalArgumentException("kitchen names are lower-case letters, digits and inner dashes (1-63)");
        }
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("a token needs at least one scope");
        }
        String safeLabel = label == null ? "" : label.strip();
        if (safeLabel.length() > MAX_LABEL) {
            throw new IllegalArgumentException("a label has at most " + MAX_LABEL + " characters");
        }
        byte[] id = new byte[ID_BYTES];
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(id);
        random.nextBytes(secret);
        String tokenId = HexFormat.of().formatHex(id);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        TokenRecord record = new TokenRecord(
                tokenId,
                kitchen,
                scopes.stream().map(Scope::wireName).collect(Collectors.toSet()),
                Sha256.digest(secretText.getBytes(StandardCharsets.US_ASCII)),
                safeLabel,
                clock.instant());
        records.create(record);
        return new MintedToken(
                tokenId, PREFIX + "." + tokenId + "." + secretText, kitchen, scopes, safeLabel, record.createdAt());
    }

    /**
     * The pipeline's service token: acts with read+write on the kitchen named by the
     * {@code X-Recipediff-Kitchen} header (its own kitchen when the header is absent).
     */
    public MintedToken mintServiceToken(String kitchen, String label) {
        return mint(kitchen, EnumSet.of(Scope.SERVICE), label);
    }

    /** The token's own identity (its kitchen and scopes), or empty for a malformed, unknown or revoked token. */
    public Optional<Identity> authenticate(String token) {
        var matcher = FORMAT.matcher(token);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Optional<TokenRecord> record = records.find(matcher.group(1));
        if (record.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented = Sha256.digest(matcher.group(2).getBytes(StandardCharsets.US_ASCII));
        if (!MessageDigest.isEqual(presented, record.get().secretHash())) {
            return Optional.empty();
        }
        Set<Scope> scopes = record.get().scopes().stream()
                .map(Scope::fromWireName)
                .flatMap(Optional::stream)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Scope.class)));
        return Optional.of(
                new Identity(record.get().kitchen(), scopes, record.get().tokenId()));
    }

    /** Whether {@code bytes} contain anything shaped like a token (id and secret), anywhere. */
    public static boolean containsToken(byte[] bytes) {
        return EMBEDDED.matcher(new String(bytes, StandardCharsets.ISO_8859_1)).find();
    }

    /** Whether {@code token} has the shape of a token at all (no lookup). */
    public static boolean isWellFormed(String token) {
        return FORMAT.matcher(token).matches();
    }

    /** Revokes a token of {@code kitchen}; false when that kitchen has no such token. */
    public boolean revoke(String kitchen, String tokenId) {
        return records.delete(kitchen, tokenId);
    }
}
