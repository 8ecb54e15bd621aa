package id.lumbung.registry;

import id.lumbung.platform.testing.MutableClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;

/** The registry's clock in tests: starts now and only ever moves forward, when a test says so. */
public class TestClock {

    public static final MutableClock CLOCK = new MutableClock(Instant.now());

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    Clock clock() {
        return CLOCK;
    }
}
