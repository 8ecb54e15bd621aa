package id.lumbung.disbursement;

import id.lumbung.platform.testing.MutableClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;

/** The application's clock in tests: the first counter day of BLTS Kesra 2025 in Jepara. */
public class TestClock {

    public static final MutableClock CLOCK = new MutableClock(Instant.parse("2025-11-21T01:30:00Z"));

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    Clock clock() {
        return CLOCK;
    }
}
