package id.lumbung.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A token that says it was issued in the future (beyond the allowed clock skew) is refused: the verifier checks
 * the age of a token, not that its {@code iat} has happened, and a far-future {@code iat} outlives any age limit.
 */
@ApplicationScoped
public class IssuedAtCheck implements SecurityIdentityAugmentor {

    private final long skewSeconds;

    public IssuedAtCheck(@ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60") long skewSeconds) {
        this.skewSeconds = skewSeconds;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getIssuedAtTime() > 0
                && token.getIssuedAtTime() > Instant.now().getEpochSecond() + skewSeconds) {
            return Uni.createFrom().failure(new AuthenticationFailedException("the token claims to be issued in the future"));
        }
        return Uni.createFrom().item(identity);
    }
}
