package id.lumbung.platform.events;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * {@code /q/health/group/events}: DOWN while any consumer keeps events in quarantine, with the count and the
 * age of the oldest per consumer. Not a liveness or readiness check: a quarantined event needs an operator,
 * and restarting or unrouting the service would not help.
 */
@HealthGroup("events")
@ApplicationScoped
public class QuarantineHealth implements HealthCheck {

    private final Quarantine quarantine;

    public QuarantineHealth(Quarantine quarantine) {
        this.quarantine = quarantine;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("event quarantine");
        boolean clear = true;
        for (var backlog : quarantine.backlogs().entrySet()) {
            response.withData(backlog.getKey() + ".quarantined", backlog.getValue().open());
            response.withData(backlog.getKey() + ".oldest-age-seconds", backlog.getValue().oldestAgeSeconds());
            clear &= backlog.getValue().open() == 0;
        }
        return response.status(clear).build();
    }
}
