package id.lumbung.eligibility.service;

import id.lumbung.platform.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The captcha of the public status check without any outside service: a proof-of-work challenge. The server signs
 * {@code id.nonce.difficulty.expiry} with its secret, so it keeps nothing until the challenge is used; the caller
 * finds a {@code solution} such that SHA-256(nonce + solution) starts with {@code difficulty} zero bits. A used
 * challenge is remembered (until it expires) so that one piece of work buys one lookup.
 */
@ApplicationScoped
public class StatusChallenges {

    private static final Logger LOG = Logger.getLogger(StatusChallenges.class);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final int MAX_SOLUTION = 64;

    /** A challenge as handed to the caller. */
    public record Issued(String challenge, String nonce, int difficulty, Instant expiresAt) {
    }

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final int difficulty;
    private final Duration ttl;
    private final byte[] secret;
    private final SecureRandom random = new SecureRandom();

    public StatusChallenges(AgroalDataSource dataSource, Clock clock,
            @ConfigProperty(name = "lumbung.status.challenge.difficulty", defaultValue = "18") int difficulty,
            @ConfigProperty(name = "lumbung.status.challenge.ttl", defaultValue = "2M") Duration ttl,
            @ConfigProperty(name = "lumbung.status.challenge.secret") Optional<String> secret) {
        if (difficulty < 0 || difficulty > 40) {
            throw new IllegalArgumentException("lumbung.status.challenge.difficulty lies within 0-40 bits");
        }
        this.dataSource = dataSource;
        this.clock = clock;
        this.difficulty = difficulty;
        this.ttl = ttl;
        if (secret.isPresent() && !secret.get().isBlank()) {
            this.secret = Base64.getDecoder().decode(secret.get().strip());
        } else {
            this.secret = new byte[32];
            random.nextBytes(this.secret);
            LOG.info("no lumbung.status.challenge.secret configured: challenges are signed with a key made at start");
        }
    }

    public Issued issue() {
        var nonceBytes = new byte[16];
        random.nextBytes(nonceBytes);
        String nonce = B64.encodeToString(nonceBytes);
        var expiresAt = clock.instant().plus(ttl).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String body = UUID.randomUUID() + "." + nonce + "." + difficulty + "." + expiresAt.getEpochSecond();
        return new Issued(body + "." + sign(body), nonce, difficulty, expiresAt);
    }

    /**
     * Accepts a solved challenge once. Refuses a missing or malformed one (400), and a forged, expired, unsolved or
     * already used one (403).
     */
    @Transactional
    public void redeem(String challenge, String solution) {
        if (challenge == null || challenge.isBlank()) {
            throw refusal(400, "challenge-missing", "a solved challenge from POST /api/v1/status/challenges is required");
        }
        var parts = challenge.strip().split("\\.");
        UUID id;
        int bits;
        long expiry;
        try {
            if (parts.length != 5) {
                throw new IllegalArgumentException();
            }
            id = UUID.fromString(parts[0]);
            bits = Integer.parseInt(parts[2]);
            expiry = Long.parseLong(parts[3]);
        } catch (IllegalArgumentException e) {
            throw refusal(400, "challenge-invalid", "the challenge is not one this service issued");
        }
        String body = String.join(".", parts[0], parts[1], parts[2], parts[3]);
        if (!MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.US_ASCII),
                parts[4].getBytes(StandardCharsets.US_ASCII))) {
            throw refusal(403, "challenge-forged", "the challenge's signature does not match");
        }
        var expiresAt = Instant.ofEpochSecond(expiry);
        var now = clock.instant();
        if (!now.isBefore(expiresAt)) {
            throw refusal(403, "challenge-expired", "the challenge has expired; ask for a new one");
        }
        if (solution == null || solution.isEmpty() || solution.length() > MAX_SOLUTION || !solves(parts[1], solution, bits)) {
            throw refusal(403, "challenge-unsolved", "the solution does not solve the challenge: SHA-256(nonce + solution) "
                    + "must start with " + bits + " zero bits");
        }
        try (var c = dataSource.getConnection()) {
            try (var purge = c.prepareStatement("delete from status_challenge_used where expires_at <= ?")) {
                purge.setTimestamp(1, Timestamp.from(now));
                purge.executeUpdate();
            }
            try (var use = c.prepareStatement(
                    "insert into status_challenge_used (id, expires_at) values (?, ?) on conflict do nothing")) {
                use.setObject(1, id);
                use.setTimestamp(2, Timestamp.from(expiresAt));
                if (use.executeUpdate() == 0) {
                    throw refusal(403, "challenge-used", "the challenge has been used already; ask for a new one");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("challenge use could not be recorded: " + e.getMessage(), e);
        }
    }

    /** Whether SHA-256(nonce + solution) starts with {@code bits} zero bits. */
    public static boolean solves(String nonce, String solution, int bits) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((nonce + solution).getBytes(StandardCharsets.UTF_8));
            return leadingZeroBits(hash) >= bits;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static int leadingZeroBits(byte[] hash) {
        int bits = 0;
        for (byte b : hash) {
            if (b == 0) {
                bits += 8;
                continue;
            }
            return bits + Integer.numberOfLeadingZeros(b & 0xff) - 24;
        }
        return bits;
    }

    private String sign(String body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(body.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException refusal(int status, String slug, String detail) {
        return new ProblemException(status, slug, status == 400 ? "Challenge required" : "Challenge refused", detail);
    }
}
