package id.lumbung.eligibility;

import id.lumbung.platform.testing.MutableClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;

/** The application's clock in tests: early November 2025, during BLTS Kesra 2025. */
@ApplicationScoped
public class TestClock {

    public static final Instant START = Instant.parse("2025-11-01T02:00:00Z");
    public static final MutableClock CLOCK = new MutableClock(START);

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    Clock clock() {
        return CLOCK;
    }
}
