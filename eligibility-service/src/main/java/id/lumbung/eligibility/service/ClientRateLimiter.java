package id.lumbung.eligibility.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Lookups per client address, as a token bucket: {@code capacity} at once, refilled at {@code perMinute}. Held in
 * memory per instance (a restart forgives everyone; the proof-of-work still prices every lookup).
 */
@ApplicationScoped
public class ClientRateLimiter {

    /** Past this many addresses, full buckets (clients idle long enough) are dropped. */
    private static final int TRIM_ABOVE = 100_000;

    private final Clock clock;
    private final double capacity;
    private final double perNano;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public ClientRateLimiter(Clock clock,
            @ConfigProperty(name = "lumbung.status.rate-limit.capacity", defaultValue = "10") int capacity,
            @ConfigProperty(name = "lumbung.status.rate-limit.per-minute", defaultValue = "10") int perMinute) {
        if (capacity < 1 || perMinute < 1) {
            throw new IllegalArgumentException("the status check rate limit needs a capacity and a refill of at least 1");
        }
        this.clock = clock;
        this.capacity = capacity;
        this.perNano = perMinute / 60e9;
    }

    /** Takes one lookup from the address's bucket; empty when allowed, else the seconds until the next one is. */
    public OptionalLong acquire(String address) {
        long now = nanos();
        if (buckets.size() > TRIM_ABOVE) {
            buckets.values().removeIf(b -> b.full(now));
        }
        return buckets.computeIfAbsent(address, a -> new Bucket(capacity, now)).take(now);
    }

    private long nanos() {
        var instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private final class Bucket {
        private double tokens;
        private long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        synchronized OptionalLong take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return OptionalLong.empty();
            }
            return OptionalLong.of(Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9)));
        }

        synchronized boolean full(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            if (now > at) {
                tokens = Math.min(capacity, tokens + (now - at) * perNano);
                at = now;
            }
        }
    }
}
