package id.lumbung.platform.limits;

import id.lumbung.platform.problem.TooManyRequests;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Token buckets per client in PostgreSQL, so that every replica draws on the same bucket: {@code capacity} at once,
 * refilled at {@code perMinute}. One statement per request takes a token or leaves the bucket as it is; clients
 * are kept as a hash of their address, and buckets idle for a day are dropped.
 */
@ApplicationScoped
public class RateLimits {

    /** A named limit, e.g. the public status check per client address. */
    public record Limit(String scope, int capacity, int perMinute, String what) {
        public Limit {
            if (capacity < 1 || perMinute < 1) {
                throw new IllegalArgumentException("the rate limit " + scope + " needs a capacity and a refill of at least 1");
            }
        }
    }

    private final AgroalDataSource dataSource;
    private final Clock clock;

    public RateLimits(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Takes one token of {@code client}'s bucket, or throws {@link TooManyRequests} with the seconds to wait. */
    public void acquire(Limit limit, String client) {
        double perSecond = limit.perMinute() / 60.0;
        var now = Timestamp.from(clock.instant());
        try (var c = dataSource.getConnection(); var take = c.prepareStatement("""
                insert into rate_limit_bucket as b (scope, client, tokens, updated_at) values (?, ?, ? - 1, ?)
                on conflict (scope, client) do update
                   set tokens = least(?, b.tokens + greatest(0, extract(epoch from (excluded.updated_at - b.updated_at))) * ?) - 1,
                       updated_at = greatest(b.updated_at, excluded.updated_at)
                 where least(?, b.tokens + greatest(0, extract(epoch from (excluded.updated_at - b.updated_at))) * ?) >= 1
                returning tokens""")) {
            String key = hash(client);
            take.setString(1, limit.scope());
            take.setString(2, key);
            take.setDouble(3, limit.capacity());
            take.setTimestamp(4, now);
            take.setDouble(5, limit.capacity());
            take.setDouble(6, perSecond);
            take.setDouble(7, limit.capacity());
            take.setDouble(8, perSecond);
            try (var rs = take.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (var peek = c.prepareStatement("""
                    select least(?, tokens + greatest(0, extract(epoch from (? - updated_at))) * ?)
                    from rate_limit_bucket where scope = ? and client = ?""")) {
                peek.setDouble(1, limit.capacity());
                peek.setTimestamp(2, now);
                peek.setDouble(3, perSecond);
                peek.setString(4, limit.scope());
                peek.setString(5, key);
                double tokens = 0;
                try (var rs = peek.executeQuery()) {
                    if (rs.next()) {
                        tokens = rs.getDouble(1);
                    }
                }
                throw new TooManyRequests(limit.what(), Math.max(1, (long) Math.ceil((1 - tokens) / perSecond)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("rate limit read failed", e);
        }
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dropIdle() {
        try (var c = dataSource.getConnection(); var drop = c.prepareStatement(
                "delete from rate_limit_bucket where updated_at < ?")) {
            drop.setTimestamp(1, Timestamp.from(clock.instant().minus(Duration.ofDays(1))));
            drop.executeUpdate();
        } catch (SQLException e) {
            // the next hour tries again
        }
    }

    private static String hash(String client) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(client).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
