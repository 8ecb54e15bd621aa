package id.lumbung.registry.dci;

import id.lumbung.platform.security.Roles;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * OAuth2 client-credentials for DCI callers: checks a configured client's secret and issues a short-lived
 * RS256 token with the client id as subject, its roles as {@code groups} and its {@code regions}, signed
 * with the key at {@code lumbung.dci.token.signing-key-location}. The service verifies these tokens like
 * any other, so that key must be the pair of the public key the platform verifies with
 * ({@code mp.jwt.verify.publickey.location}); {@code /.well-known/jwks.json} publishes it.
 */
@ApplicationScoped
public class DciTokens {

    /** A token as the token endpoint returns it. */
    public record Issued(String accessToken, long expiresIn) {
    }

    // compared against when the client id is unknown, so both paths take the same time
    private static final String DUMMY_HASH = ClientSecrets.hash(UUID.randomUUID().toString());

    private final DciConfig config;
    private final Clock clock;
    private final String issuer;
    private final Optional<PrivateKey> key;

    public DciTokens(DciConfig config, @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer) {
        this.config = config;
        // the wall clock, as every verifier of the token reads it (not the registry's business clock)
        this.clock = Clock.systemUTC();
        this.issuer = issuer;
        this.key = config.token().signingKeyLocation().map(DciTokens::load);
    }

    /** Says at start-up whether integrators can get tokens, and what is missing when they cannot. */
    void onStart(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent start) {
        var log = org.jboss.logging.Logger.getLogger(DciTokens.class);
        if (key.isEmpty()) {
            log.warn("DCI token endpoint off: no signing key (set LUMBUNG_DCI_SIGNING_KEY to the PKCS#8 PEM private half of"
                    + " the key tokens are verified with); POST /dci/oauth2/client/token answers temporarily_unavailable and"
                    + " /.well-known/jwks.json publishes no key");
        } else if (config.clients().isEmpty()) {
            log.warn("DCI token endpoint has no clients: configure lumbung.dci.clients.<client id>.secret-hash (and"
                    + " .roles, .regions, .callback-uri) for each integrator");
        } else {
            log.infof("DCI token endpoint issuing tokens to %d client(s): %s", config.clients().size(),
                    String.join(", ", new java.util.TreeSet<>(config.clients().keySet())));
        }
    }

    public boolean enabled() {
        return key.isPresent();
    }

    /** A token for the client, or empty when the id or secret is wrong. */
    public Optional<Issued> issue(String clientId, String secret) {
        var client = clientId == null ? null : config.clients().get(clientId);
        boolean ok = ClientSecrets.matches(secret == null ? "" : secret, client == null ? DUMMY_HASH : client.secretHash());
        if (client == null || !ok || key.isEmpty()) {
            return Optional.empty();
        }
        var claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(clientId);
        claims.setClaim("upn", clientId);
        claims.setClaim("client_id", clientId);
        claims.setStringListClaim("groups", client.roles());
        claims.setStringListClaim(Roles.REGIONS_CLAIM, client.regions().orElse(List.of()));
        long now = clock.instant().getEpochSecond();
        long lifetime = config.token().lifetime().toSeconds();
        claims.setIssuedAt(NumericDate.fromSeconds(now));
        claims.setExpirationTime(NumericDate.fromSeconds(now + lifetime));
        claims.setJwtId(UUID.randomUUID().toString());
        var jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.get());
        jws.setKeyIdHeaderValue(config.token().keyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return Optional.of(new Issued(jws.getCompactSerialization(), lifetime));
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a DCI token", e);
        }
    }

    /** The public half of the signing key as a JWK Set (empty set when no key is configured). */
    public String jwks() {
        var set = new JsonWebKeySet();
        key.ifPresent(k -> {
            try {
                var jwk = new RsaJsonWebKey(publicOf(k));
                jwk.setKeyId(config.token().keyId());
                jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
                jwk.setUse("sig");
                set.addJsonWebKey(jwk);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot derive the public DCI token key", e);
            }
        });
        return set.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    private static RSAPublicKey publicOf(PrivateKey key) throws GeneralSecurityException {
        if (!(key instanceof RSAPrivateCrtKey rsa)) {
            throw new GeneralSecurityException("the DCI token key must be an RSA key");
        }
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
    }

    private static PrivateKey load(String location) {
        try {
            String pem;
            Path file = Path.of(location.replaceFirst("^file:", ""));
            if (Files.isRegularFile(file)) {
                pem = Files.readString(file, StandardCharsets.UTF_8);
            } else {
                try (InputStream in = Thread.currentThread().getContextClassLoader()
                        .getResourceAsStream(location.replaceFirst("^classpath:", ""))) {
                    if (in == null) {
                        throw new IllegalStateException("DCI token signing key not found at " + location);
                    }
                    pem = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            return KeyUtils.decodePrivateKey(pem);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("DCI token signing key at " + location + " is unreadable", e);
        }
    }
}
