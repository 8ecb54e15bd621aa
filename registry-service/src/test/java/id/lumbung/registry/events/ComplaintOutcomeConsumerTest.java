package id.lumbung.registry.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.lumbung.platform.events.EventEnvelope;
import id.lumbung.platform.testing.TestTopics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ComplaintOutcomeConsumerTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper json;

    @Test
    void aComplaintOutcomeIsRecordedOnceEvenWhenDeliveredTwice() throws Exception {
        var household = UUID.randomUUID();
        var caseNumber = "SGH-" + UUID.randomUUID();
        byte[] event = EventEnvelope.serialize(json, "/lumbung/complaint-service", "id.lumbung.complaint.outcome.decided",
                household.toString(), Instant.now(), Map.of("householdId", household.toString(), "caseNumber", caseNumber,
                        "outcome", "SANGGAH_UPHELD", "programCode", "BLTS_KESRA", "detail", "rumah layak, punya mobil"));
        TestTopics.send("complaint.outcomes.v1", household.toString(), event);
        TestTopics.send("complaint.outcomes.v1", household.toString(), event);
        TestTopics.send("complaint.outcomes.v1", household.toString(), "not a cloud event".getBytes());

        long deadline = System.currentTimeMillis() + 30_000;
        while (findings(household) == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(1000);
        assertThat(findings(household)).isEqualTo(1);
    }

    private long findings(UUID household) throws Exception {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement("select count(*) from household_finding where household_id = ?")) {
            s.setObject(1, household);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
