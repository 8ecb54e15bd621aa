package id.lumbung.eligibility.events;

import static id.lumbung.eligibility.events.RegistryEvents.family;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One household can be followed across services: the determinations a registry event causes carry the trace
 * of the request that changed the household (the event's traceparent), not a trace of their own.
 */
@QuarkusTest
class TraceContinuationTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theDeterminationsOfAHouseholdEventContinueItsTrace() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        var family = family(DeterminationFlowTest.DEMAK, 3).head().wife();
        family.sendAsRelay(family.tracedEvent("00-" + traceId + "-b7ad6b7169203331-01"));
        DeterminationFlowTest.awaitDeterminations(family.id, d -> d.getList("determinations").size()
                == DeterminationFlowTest.NATIONAL_PROGRAMS);

        var traces = new ArrayList<String>();
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("""
                select payload ->> 'traceparent' from outbox_event
                where topic = 'eligibility.determinations.v1' and split_part(event_key, '/', 1) = ?""")) {
            s.setString(1, family.id.toString());
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    traces.add(rs.getString(1));
                }
            }
        }
        assertThat(traces).hasSize(DeterminationFlowTest.NATIONAL_PROGRAMS)
                .allSatisfy(t -> assertThat(t).matches("00-" + traceId + "-[0-9a-f]{16}-[0-9a-f]{2}")
                        .doesNotContain("b7ad6b7169203331"));
    }
}
