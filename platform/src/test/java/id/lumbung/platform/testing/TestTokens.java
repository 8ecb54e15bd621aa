package id.lumbung.platform.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.security.PrivateKey;
import java.util.List;
import java.util.Set;

/** Bearer tokens signed with the development key, as the services accept them in tests. */
public final class TestTokens {

    public static final String ISSUER = "https://lumbung.id/dev";
    private static PrivateKey key;

    private TestTokens() {
    }

    public static String token(String role, String... regions) {
        return token("test-" + role, Set.of(role), List.of(regions));
    }

    public static String token(String subject, Set<String> roles, List<String> regions) {
        return Jwt.issuer(ISSUER)
                .subject(subject)
                .upn(subject)
                .groups(roles)
                .claim("regions", regions)
                .expiresIn(3600)
                .sign(key());
    }

    /** A token that claims to have been issued at {@code issuedAt} (valid for an hour after it). */
    public static String issuedAt(String role, java.time.Instant issuedAt) {
        return Jwt.issuer(ISSUER).subject("test-" + role).upn("test-" + role).groups(Set.of(role))
                .claim("regions", List.of()).issuedAt(issuedAt).expiresAt(issuedAt.plusSeconds(3600)).sign(key());
    }

    public static String bearer(String role, String... regions) {
        return "Bearer " + token(role, regions);
    }

    private static synchronized PrivateKey key() {
        if (key == null) {
            try {
                key = KeyUtils.readPrivateKey("dev-jwt/private.pem");
            } catch (Exception e) {
                throw new IllegalStateException("development signing key not found on the test classpath", e);
            }
        }
        return key;
    }
}
