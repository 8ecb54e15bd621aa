package id.lumbung.platform.dci;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;

/**
 * {@code lumbung.dci.requests}: every DCI request by its endpoint and how it ended, so an operator sees which
 * partner calls fail and why. The outcome is {@code answered} (the operation ran; a sync search may still refuse
 * single searches of its batch), the {@code rjct.*} reason or {@code err.*} code it was refused with, or
 * {@code failed} (answered 500). Both label sets are bounded: the endpoints are the resource's own paths and
 * the codes are the spec's enumerations.
 */
public final class DciMetrics {

    private DciMetrics() {
    }

    public static void count(String endpoint, String outcome) {
        Counter.builder("lumbung.dci.requests")
                .description("DCI requests, by endpoint and outcome (answered, the rjct reason or err code, failed)")
                .tag("endpoint", endpoint).tag("outcome", outcome)
                .register(Metrics.globalRegistry).increment();
    }

    static String outcome(DciException e) {
        return e.headerReason() != null ? e.headerReason() : e.code().value;
    }
}
