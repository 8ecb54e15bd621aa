package id.lumbung.complaint;

import id.lumbung.platform.testing.MutableClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The application's clock in tests: tests move it to cross service-level deadlines. */
public class TestClock {

    public static final MutableClock CLOCK = new MutableClock(Instant.now());

    /** Back to the present, so a test starts where the broker and tokens live. */
    public static Instant reset() {
        var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        CLOCK.set(now);
        return now;
    }

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    Clock clock() {
        return CLOCK;
    }
}
