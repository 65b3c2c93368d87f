package dev.recipediff.local.serve;

import dev.recipediff.functions.auth.Identity;
import dev.recipediff.functions.auth.Scope;
import dev.recipediff.functions.auth.TokenService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tokens {@code serve} keeps in its data directory: the sender's service token and the kitchen's admin token.
 * A token file is reused while its token still authenticates (the table may have been wiped), else a new token is
 * minted and written owner-only.
 */
final class ServeTokens {

    private static final Logger LOG = LoggerFactory.getLogger(ServeTokens.class);

    private ServeTokens() {}

    /** Makes sure both token files hold a valid token; answers the service token. */
    static String ensure(TokenService tokens, DataDirectory dir, String kitchen) throws IOException {
        String serviceToken = fromFileOrMint(
                tokens,
                dir.serviceToken(),
                DataDirectory.DEFAULT_KITCHEN,
                EnumSet.of(Scope.SERVICE),
                "serve: the sender's service token");
        fromFileOrMint(
                tokens,
                dir.adminToken(kitchen),
                kitchen,
                EnumSet.of(Scope.READ, Scope.WRITE, Scope.ADMIN),
                "serve: admin token");
        return serviceToken;
    }

    private static String fromFileOrMint(
            TokenService tokens, Path file, String kitchen, Set<Scope> scopes, String label) throws IOException {
        Optional<String> existing = TokenFiles.read(file);
        if (existing.isPresent()) {
            Optional<Identity> identity = tokens.authenticate(existing.get());
            if (identity.isPresent() && identity.get().kitchen().equals(kitchen)) {
                return existing.get();
            }
            LOG.warn("{} no longer matches a token in the table; minting a new one", file.getFileName());
        }
        String token = tokens.mint(kitchen, scopes, label).token();
        TokenFiles.write(file, token);
        LOG.info("minted {} for kitchen {} into {}", label, kitchen, file);
        return token;
    }
}
