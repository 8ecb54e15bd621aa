package id.lumbung.registry.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.lumbung.platform.events.EventEnvelope;
import id.lumbung.platform.testing.Quarantined;
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

    private static final String CONSUMER = "registry.complaint-outcomes";

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

    @Test
    void anOutcomeThatCannotBeRecordedIsQuarantinedAndItsLaterOutcomesWaitUntilTheReplay() throws Exception {
        var poisoned = UUID.randomUUID();
        var other = UUID.randomUUID();
        Quarantined.refuse(dataSource, "household_finding", "new.case_number like 'SGH-RUSAK-%'");
        try {
            byte[] poison = outcome(poisoned, "SGH-RUSAK-" + UUID.randomUUID(), "SANGGAH_UPHELD");
            byte[] behind = outcome(poisoned, "TLK-" + UUID.randomUUID(), "TOLAK_ACCEPTED");
            TestTopics.send("complaint.outcomes.v1", poisoned.toString(), poison);
            TestTopics.send("complaint.outcomes.v1", poisoned.toString(), behind);
            TestTopics.send("complaint.outcomes.v1", other.toString(), outcome(other, "SGH-" + UUID.randomUUID(), "SANGGAH_UPHELD"));

            long head = Quarantined.await(dataSource, CONSUMER, id(poison), "QUARANTINED");
            Quarantined.await(dataSource, CONSUMER, id(behind), "HELD");
            awaitFindings(other, 1);
            assertThat(findings(poisoned)).as("nothing of the poisoned household moved past the hole").isZero();
            assertThat(Quarantined.view(head).getString("entry.error")).contains("test rule refuses");

            Quarantined.lift(dataSource, "household_finding");
            assertThat(Quarantined.replay(head).getList("applied")).hasSize(2);
            assertThat(findings(poisoned)).isEqualTo(2);
            assertThat(Quarantined.inboxed(dataSource, CONSUMER, id(poison))).isEqualTo(1);
        } finally {
            Quarantined.lift(dataSource, "household_finding");
        }
    }

    private byte[] outcome(UUID household, String caseNumber, String outcome) {
        return EventEnvelope.serialize(json, "/lumbung/complaint-service", "id.lumbung.complaint.outcome.decided",
                household.toString(), Instant.now(), Map.of("householdId", household.toString(), "caseNumber", caseNumber,
                        "outcome", outcome, "programCode", "BLTS_KESRA", "detail", "hasil verifikasi lapangan"));
    }

    private String id(byte[] event) {
        return EventEnvelope.parse(json, event).id();
    }

    private void awaitFindings(UUID household, long expected) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (findings(household) < expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(findings(household)).isEqualTo(expected);
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
