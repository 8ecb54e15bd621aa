package id.lumbung.eligibility.complaint;

import static id.lumbung.eligibility.events.RegistryEvents.family;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.lumbung.eligibility.events.DeterminationEvents;
import id.lumbung.eligibility.events.DeterminationFlowTestSupport;
import id.lumbung.eligibility.events.RegistryEvents;
import id.lumbung.platform.events.EventEnvelope;
import id.lumbung.platform.security.Roles;
import id.lumbung.platform.testing.TestTokens;
import id.lumbung.platform.testing.TestTopics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * complaint.outcomes.v1 across the real broker: an accepted tolak and an upheld sanggah re-decide the household at
 * once, with the changed determination published; repeats change nothing.
 */
@QuarkusTest
class ComplaintOutcomeTest {

    static final String DEMAK = "33.21.01.2001";
    static final String TOPIC = "complaint.outcomes.v1";
    static final String CONSUMER = "eligibility.complaint-outcomes";
    /** One event per national program for a newly registered household in Demak. */
    static final int NATIONAL_PROGRAMS = 6;
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anAcceptedTolakEndsTheProgramFromTheNextPeriodAndIsPublished() throws Exception {
        var family = family(DEMAK, 3).head().wife();
        family.send();
        DeterminationFlowTestSupport.await(family.id);
        awaitEvents(family.id, NATIONAL_PROGRAMS);
        assertThat(determination(family.id, "BLTS_KESRA_2025").getBoolean("eligible")).isTrue();

        // decided in 2025-Q3, so it holds from 2025-Q4
        String caseNumber = "TOLAK-" + UUID.randomUUID();
        byte[] outcome = outcome(caseNumber, "TOLAK", "TOLAK_ACCEPTED", family.id, "BLTS_KESRA_2025",
                "2025-09-20T04:00:00Z");
        TestTopics.send(TOPIC, family.id.toString(), outcome);

        var record = TestTopics.await(DeterminationEvents.TOPIC, r -> r.key() != null && r.key().startsWith(family.id + "/")
                && "BLTS_KESRA_2025".equals(r.event().path("data").path("programCode").asText())
                && !r.event().path("data").path("eligible").asBoolean(true), Duration.ofSeconds(60));
        var reasons = record.event().get("data").get("reasons");
        assertThat(reasons).hasSize(1);
        assertThat(reasons.get(0).get("code").asText()).isEqualTo("DECLINED_TOLAK");
        assertThat(reasons.get(0).get("id").asText()).contains("menolak bantuan (tolak)");
        assertThat(reasons.get(0).get("en").asText()).contains("declined");
        var blts = determination(family.id, "BLTS_KESRA_2025");
        assertThat(blts.getBoolean("eligible")).isFalse();
        assertThat(blts.getList("reasons.code")).containsExactly("DECLINED_TOLAK");
        // the other programs are untouched: exactly one new event
        assertThat(outboxEvents(family.id)).isEqualTo(NATIONAL_PROGRAMS + 1);
        assertThat(determination(family.id, "PBI_JKN").getBoolean("eligible")).isTrue();

        // the same event again, and the same case in a new event, change nothing
        TestTopics.send(TOPIC, family.id.toString(), outcome);
        byte[] again = outcome(caseNumber, "TOLAK", "TOLAK_ACCEPTED", family.id, "BLTS_KESRA_2025", "2025-09-20T04:00:00Z");
        TestTopics.send(TOPIC, family.id.toString(), again);
        awaitProcessed(RegistryEvents.Family.eventId(again));
        assertThat(outboxEvents(family.id)).isEqualTo(NATIONAL_PROGRAMS + 1);

        // the batch decides the same: it finds nothing to change for this household
        runToTheEnd("BLTS_KESRA_2025");
        assertThat(outboxEvents(family.id)).isEqualTo(NATIONAL_PROGRAMS + 1);
        assertThat(determination(family.id, "BLTS_KESRA_2025").getList("reasons.code")).containsExactly("DECLINED_TOLAK");

        // a tolak decided within 2025-Q4 only holds from 2026-Q1: nothing of 2025-Q4 changes
        byte[] later = outcome("TOLAK-" + UUID.randomUUID(), "TOLAK", "TOLAK_ACCEPTED", family.id, "PBI_JKN",
                "2025-11-05T04:00:00Z");
        TestTopics.send(TOPIC, family.id.toString(), later);
        awaitProcessed(RegistryEvents.Family.eventId(later));
        assertThat(outboxEvents(family.id)).isEqualTo(NATIONAL_PROGRAMS + 1);
        assertThat(determination(family.id, "PBI_JKN").getBoolean("eligible")).isTrue();
    }

    @Test
    void anUpheldSanggahHoldsUntilTheRegistrySendsNewerData() throws Exception {
        var family = family(DEMAK, 2).head().wife();
        family.send();
        DeterminationFlowTestSupport.await(family.id);
        awaitEvents(family.id, NATIONAL_PROGRAMS);

        byte[] outcome = outcome("SGH-" + UUID.randomUUID(), "SANGGAH", "SANGGAH_UPHELD", family.id, "PBI_JKN",
                "2025-11-05T04:00:00Z");
        TestTopics.send(TOPIC, family.id.toString(), outcome);
        var record = TestTopics.await(DeterminationEvents.TOPIC, r -> r.key() != null && r.key().startsWith(family.id + "/")
                && "PBI_JKN".equals(r.event().path("data").path("programCode").asText())
                && !r.event().path("data").path("eligible").asBoolean(true), Duration.ofSeconds(60));
        var reason = record.event().get("data").get("reasons").get(0);
        assertThat(reason.get("code").asText()).isEqualTo("SANGGAH_UPHELD");
        assertThat(reason.get("id").asText()).contains("hasil verifikasi sanggah").doesNotContainIgnoringCase("slamet");
        assertThat(reason.get("en").asText()).contains("objection");
        assertThat(determination(family.id, "PBI_JKN").getList("reasons.code")).containsExactly("SANGGAH_UPHELD");
        assertThat(outboxEvents(family.id)).isEqualTo(NATIONAL_PROGRAMS + 1);

        // repeated: nothing changes
        TestTopics.send(TOPIC, family.id.toString(), outcome);
        awaitPassed(family.id);
        assertThat(outboxEvents(family.id)).isEqualTo(NATIONAL_PROGRAMS + 1);

        // the batch agrees with the single evaluation
        runToTheEnd("PBI_JKN");
        assertThat(outboxEvents(family.id)).isEqualTo(NATIONAL_PROGRAMS + 1);

        // the registry's data changes: the finding no longer holds, the family is decided afresh
        family.version(1).send();
        var after = awaitDeterminations(family.id, d -> d.getLong("registryVersion") == 1);
        assertThat(pick(after, "PBI_JKN").getBoolean("eligible")).isTrue();
    }

    static byte[] outcome(String caseNumber, String caseType, String outcome, UUID household, String program,
            String decidedAt) {
        var data = new LinkedHashMap<String, Object>();
        data.put("caseNumber", caseNumber);
        data.put("caseType", caseType);
        data.put("outcome", outcome);
        data.put("householdId", household.toString());
        data.put("programCode", program);
        data.put("villageCode", DEMAK);
        data.put("detail", "Diputuskan dalam musyawarah desa.");
        data.put("decidedAt", decidedAt);
        return EventEnvelope.serialize(JSON, "/lumbung/complaint-service", "id.lumbung.complaint.outcome.decided",
                household.toString(), Instant.now(), data);
    }

    static JsonPath determination(UUID household, String program) {
        var body = given().auth().oauth2(TestTokens.token(Roles.KEMENSOS)).queryParam("householdId", household.toString())
                .when().get("/api/v1/determinations").then().statusCode(200).extract().jsonPath();
        return pick(body, program);
    }

    static JsonPath pick(JsonPath body, String program) {
        List<Map<String, Object>> all = body.getList("determinations");
        int index = all.stream().map(d -> d.get("programCode")).toList().indexOf(program);
        assertThat(index).as("determination for " + program).isNotNegative();
        return new JsonPath(body.prettify()).setRootPath("determinations[" + index + "]");
    }

    static JsonPath awaitDeterminations(UUID household, Predicate<JsonPath> ready) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            var response = given().auth().oauth2(TestTokens.token(Roles.KEMENSOS))
                    .queryParam("householdId", household.toString()).when().get("/api/v1/determinations");
            if (response.statusCode() == 200 && ready.test(response.jsonPath())) {
                return response.jsonPath();
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("determinations of " + household + " not ready: " + response.asString());
            }
            Thread.sleep(200);
        }
    }

    static void runToTheEnd(String program) throws InterruptedException {
        var location = given().auth().oauth2(TestTokens.token(Roles.KEMENSOS)).contentType("application/json")
                .body(Map.of("programCode", program, "period", "2025-Q4"))
                .when().post("/api/v1/determination-runs").then().statusCode(202).extract().header("Location");
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            var status = given().auth().oauth2(TestTokens.token(Roles.KEMENSOS)).when().get(location).then()
                    .statusCode(200).extract().jsonPath().getString("status");
            if (!"RUNNING".equals(status)) {
                assertThat(status).isEqualTo("SUCCEEDED");
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("run " + location + " did not end");
    }

    long outboxEvents(UUID household) throws Exception {
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                "select count(*) from outbox_event where split_part(event_key, '/', 1) = ? and topic = 'eligibility.determinations.v1'")) {
            s.setString(1, household.toString());
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    void awaitEvents(UUID household, long count) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (outboxEvents(household) < count) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("fewer than " + count + " events for " + household);
            }
            Thread.sleep(100);
        }
    }

    void awaitProcessed(String eventId) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                    "select count(*) from inbox_event where consumer = ? and event_id = ?")) {
                s.setString(1, CONSUMER);
                s.setString(2, eventId);
                try (var rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 1) {
                        return;
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("event " + eventId + " not processed within 60 s");
    }

    /** A repeated event leaves no new trace in the inbox: a marker sent after it on the same key shows it has passed. */
    void awaitPassed(UUID household) throws Exception {
        byte[] marker = outcome("USUL-" + UUID.randomUUID(), "USUL", "USUL_ACCEPTED", household, null,
                "2025-11-05T04:00:00Z");
        TestTopics.send(TOPIC, household.toString(), marker);
        awaitProcessed(RegistryEvents.Family.eventId(marker));
    }
}
