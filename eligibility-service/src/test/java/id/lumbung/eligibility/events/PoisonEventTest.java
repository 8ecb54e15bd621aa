package id.lumbung.eligibility.events;

import static id.lumbung.eligibility.events.RegistryEvents.family;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.lumbung.platform.events.EventEnvelope;
import id.lumbung.platform.testing.Quarantined;
import id.lumbung.platform.testing.TestTopics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Each of eligibility's consumers meets an event it cannot apply between good ones: the good ones are applied, the
 * bad one is quarantined and visible, the later events of its key wait, and a replay after the fix (or a discard)
 * lets them through exactly once.
 */
@QuarkusTest
class PoisonEventTest {

    static final String DEMAK = "33.21.01.2001";
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aHouseholdStateTheProjectionCannotHoldStopsOnlyThatHouseholdUntilItIsDiscarded() {
        // a member name far beyond any KTP, which no compression brings under the index row limit
        var random = new java.util.Random(6_477);
        var name = new StringBuilder();
        while (name.length() < 6_477) {
            name.append((char) ('A' + random.nextInt(26)));
        }
        var oversized = family(DEMAK, 3).member("0101900001", name.toString(), "MALE", "1990-01-01", "KEPALA_KELUARGA");
        byte[] poison = oversized.event();
        oversized.members.get(0).put("fullName", "Ahmad Fauzi");
        byte[] corrected = oversized.version(1).event();
        TestTopics.send(RegistryEvents.TOPIC, oversized.id.toString(), poison);
        TestTopics.send(RegistryEvents.TOPIC, oversized.id.toString(), corrected);
        var after = family(DEMAK, 2).head();
        after.send();

        DeterminationFlowTest.awaitDeterminations(after.id, d -> true);
        long head = Quarantined.await(dataSource, RegistryHouseholdConsumer.CONSUMER, id(poison), "QUARANTINED");
        Quarantined.await(dataSource, RegistryHouseholdConsumer.CONSUMER, id(corrected), "HELD");
        assertThat(Quarantined.view(head).getString("entry.error")).contains("54000");
        assertThat(determinations(oversized.id)).as("the household does not move past the hole").isZero();

        io.restassured.RestAssured.given().header("Authorization", id.lumbung.platform.testing.TestTokens.bearer("kemensos"))
                .contentType("application/json").body(Map.of("reason", "nama melebihi batas KTP; versi 1 sudah benar"))
                .post("/api/v1/quarantined-events/{id}/discard", head).then().statusCode(200);
        var body = DeterminationFlowTest.awaitDeterminations(oversized.id, d -> d.getLong("determinations[0].registryVersion") == 1);
        assertThat(body.getList("determinations")).isNotEmpty();
    }

    @Test
    void aHouseholdStateReplayedAfterTheFixIsProjectedOnceWithTheStatesHeldBehindIt() {
        var poisoned = family(DEMAK, 3).head();
        Quarantined.refuse(dataSource, "household_projection", "new.household_id = '" + poisoned.id + "'");
        try {
            byte[] first = poisoned.event();
            byte[] second = poisoned.version(1).desil(4).event();
            TestTopics.send(RegistryEvents.TOPIC, poisoned.id.toString(), first);
            TestTopics.send(RegistryEvents.TOPIC, poisoned.id.toString(), second);
            var after = family(DEMAK, 2).head();
            after.send();

            DeterminationFlowTest.awaitDeterminations(after.id, d -> true);
            long head = Quarantined.await(dataSource, RegistryHouseholdConsumer.CONSUMER, id(first), "QUARANTINED");
            Quarantined.await(dataSource, RegistryHouseholdConsumer.CONSUMER, id(second), "HELD");

            Quarantined.lift(dataSource, "household_projection");
            assertThat(Quarantined.replay(head).getList("applied")).hasSize(2);
            var body = DeterminationFlowTest.awaitDeterminations(poisoned.id, d -> true);
            assertThat(body.getLong("determinations[0].registryVersion")).isEqualTo(1);
            assertThat(Quarantined.inboxed(dataSource, RegistryHouseholdConsumer.CONSUMER, id(first))).isEqualTo(1);
        } finally {
            Quarantined.lift(dataSource, "household_projection");
        }
    }

    @Test
    void aPaymentReportThatCannotBeKeptIsQuarantinedAndReplayedOnce() {
        var household = UUID.randomUUID();
        var other = UUID.randomUUID();
        Quarantined.refuse(dataSource, "payment_status", "new.household_id = '" + household + "'");
        try {
            String order = UUID.randomUUID().toString();
            byte[] poison = payment(order, household, "PAID", "2025-11-20T03:00:00Z");
            byte[] behind = payment(order, household, "FAILED", "2025-11-21T03:00:00Z");
            String otherOrder = UUID.randomUUID().toString();
            byte[] good = payment(otherOrder, other, "PAID", "2025-11-20T03:00:00Z");
            byte[] broken = EventEnvelope.serialize(JSON, "/lumbung/disbursement-service",
                    "id.lumbung.disbursement.payment.recorded", otherOrder, Instant.now(), Map.of("orderId", otherOrder));
            TestTopics.send("disbursement.payments.v1", order, poison);
            TestTopics.send("disbursement.payments.v1", order, behind);
            TestTopics.send("disbursement.payments.v1", UUID.randomUUID().toString(), broken);
            TestTopics.send("disbursement.payments.v1", otherOrder, good);

            await(() -> count("select count(*) from payment_status where household_id = '" + other + "'") == 1);
            long head = Quarantined.await(dataSource, PaymentConsumer.CONSUMER, id(poison), "QUARANTINED");
            Quarantined.await(dataSource, PaymentConsumer.CONSUMER, id(behind), "HELD");
            long malformed = Quarantined.await(dataSource, PaymentConsumer.CONSUMER, id(broken), "QUARANTINED");
            assertThat(Quarantined.view(malformed).getString("entry.error")).contains("does not follow disbursement.payments.v1");

            Quarantined.lift(dataSource, "payment_status");
            assertThat(Quarantined.replay(head).getList("applied")).hasSize(2);
            assertThat(count("select count(*) from payment_status where household_id = '" + household
                    + "' and status = 'FAILED'")).isEqualTo(1);
        } finally {
            Quarantined.lift(dataSource, "payment_status");
        }
    }

    @Test
    void aComplaintOutcomeThatCannotBeRecordedIsQuarantinedAndReplayedOnce() {
        var household = UUID.randomUUID();
        var other = UUID.randomUUID();
        Quarantined.refuse(dataSource, "complaint_finding", "new.household_id = '" + household + "'");
        try {
            byte[] poison = outcome(household, "SGH-" + UUID.randomUUID(), "SANGGAH_UPHELD");
            byte[] behind = outcome(household, "TLK-" + UUID.randomUUID(), "TOLAK_ACCEPTED");
            byte[] good = outcome(other, "TLK-" + UUID.randomUUID(), "TOLAK_ACCEPTED");
            TestTopics.send("complaint.outcomes.v1", household.toString(), poison);
            TestTopics.send("complaint.outcomes.v1", household.toString(), behind);
            TestTopics.send("complaint.outcomes.v1", other.toString(), good);

            await(() -> count("select count(*) from complaint_finding where household_id = '" + other + "'") == 1);
            long head = Quarantined.await(dataSource, ComplaintOutcomeConsumer.CONSUMER, id(poison), "QUARANTINED");
            Quarantined.await(dataSource, ComplaintOutcomeConsumer.CONSUMER, id(behind), "HELD");
            assertThat(count("select count(*) from complaint_finding where household_id = '" + household + "'")).isZero();

            Quarantined.lift(dataSource, "complaint_finding");
            assertThat(Quarantined.replay(head).getList("applied")).hasSize(2);
            assertThat(count("select count(*) from complaint_finding where household_id = '" + household + "'")).isEqualTo(2);
        } finally {
            Quarantined.lift(dataSource, "complaint_finding");
        }
    }

    private static byte[] payment(String order, UUID household, String status, String at) {
        var data = new LinkedHashMap<String, Object>();
        data.put("orderId", order);
        data.put("programCode", "BLTS_KESRA_2025");
        data.put("period", "2025-Q4");
        data.put("householdId", household.toString());
        data.put("villageCode", DEMAK);
        data.put("amount", 900000);
        data.put("status", status);
        data.put("at", at);
        data.put("reason", "FAILED".equals(status) ? "ACCOUNT_CLOSED" : null);
        String type = "PAID".equals(status) ? "id.lumbung.disbursement.payment.recorded" : "id.lumbung.disbursement.order.failed";
        return EventEnvelope.serialize(JSON, "/lumbung/disbursement-service", type, order, Instant.now(), data);
    }

    private static byte[] outcome(UUID household, String caseNumber, String outcome) {
        return EventEnvelope.serialize(JSON, "/lumbung/complaint-service", "id.lumbung.complaint.outcome.decided",
                household.toString(), Instant.now(), Map.of("householdId", household.toString(), "caseNumber", caseNumber,
                        "outcome", outcome, "programCode", "BLTS_KESRA_2025", "detail", "hasil verifikasi",
                        "decidedAt", "2025-11-25T03:00:00Z"));
    }

    private static String id(byte[] event) {
        return EventEnvelope.parse(JSON, event).id();
    }

    private long determinations(UUID household) {
        return count("select count(*) from determination where household_id = '" + household + "'");
    }

    private static void await(java.util.function.BooleanSupplier done) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!done.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not done within 60 s");
            }
            DeterminationFlowTest.sleep(200);
        }
    }

    private long count(String query) {
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
