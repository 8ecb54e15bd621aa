package id.lumbung.eligibility.service;

import id.lumbung.eligibility.domain.Determination;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * How many determinations eligibility makes and publishes, by the path that made them (a household event or a
 * batch run) and by outcome: {@code lumbung.determinations.decided}, {@code lumbung.determinations.published}.
 */
@ApplicationScoped
public class DeterminationMetrics {

    private final Counter eventEligible;
    private final Counter eventNotEligible;
    private final Counter eventPublished;
    private final Counter batchEligible;
    private final Counter batchNotEligible;
    private final Counter batchPublished;

    public DeterminationMetrics(MeterRegistry registry) {
        eventEligible = decided(registry, "event", "eligible");
        eventNotEligible = decided(registry, "event", "not-eligible");
        batchEligible = decided(registry, "batch", "eligible");
        batchNotEligible = decided(registry, "batch", "not-eligible");
        eventPublished = published(registry, "event");
        batchPublished = published(registry, "batch");
    }

    private static Counter decided(MeterRegistry registry, String path, String outcome) {
        return Counter.builder("lumbung.determinations.decided")
                .description("determinations made (household x program x period), by path and outcome")
                .tag("path", path).tag("outcome", outcome).register(registry);
    }

    private static Counter published(MeterRegistry registry, String path) {
        return Counter.builder("lumbung.determinations.published")
                .description("determinations that changed and were published on eligibility.determinations.v1")
                .tag("path", path).register(registry);
    }

    /** Determinations decided for household events, and how many of them were published. */
    void byEvent(List<Determination> decided, long published) {
        long eligible = decided.stream().filter(Determination::eligible).count();
        eventEligible.increment(eligible);
        eventNotEligible.increment(decided.size() - eligible);
        eventPublished.increment(published);
    }

    /** A chunk of a batch run. */
    void byBatch(long decided, long eligible, long published) {
        batchEligible.increment(eligible);
        batchNotEligible.increment(decided - eligible);
        batchPublished.increment(published);
    }
}
