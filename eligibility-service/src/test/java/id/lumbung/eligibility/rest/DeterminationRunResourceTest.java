package id.lumbung.eligibility.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lumbung.eligibility.TestClock;
import id.lumbung.eligibility.domain.Determination;
import id.lumbung.eligibility.domain.Household;
import id.lumbung.eligibility.domain.ProgramRules;
import id.lumbung.eligibility.events.DeterminationEvents;
import id.lumbung.eligibility.persistence.HouseholdProjections;
import id.lumbung.eligibility.service.HouseholdProjector;
import id.lumbung.eligibility.service.RuleCatalog;
import id.lumbung.eligibility.service.SyntheticHouseholds;
import id.lumbung.platform.events.EventEnvelope;
import id.lumbung.platform.security.Roles;
import id.lumbung.platform.testing.TestTokens;
import id.lumbung.platform.testing.TestTopics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A batch determination gives, household by household, exactly what the single-household evaluation gives;
 * it publishes only what changed, in the shape the platform outbox writes; and refuses what it cannot do.
 */
@QuarkusTest
class DeterminationRunResourceTest {

    static final List<String> VILLAGES = List.of("33.20.06.1001", "33.20.01.2001", "33.21.01.2001", "34.71.01.1001");
    static final List<String> PROGRAMS = List.of("SEMBAKO", "PKH", "BLT_KD", "BLTS_KESRA_2025", "PBI_JKN", "BLT_DD");
    static final Set<String> EVERY_REASON = Set.of("HOUSEHOLD_NOT_ACTIVE", "NO_LIVING_MEMBER", "DESIL_NOT_YET",
            "DESIL_OUTSIDE_BAND", "EXCLUDED_ASN_TNI_POLRI", "EXCLUDED_PENSIUNAN_ASN_TNI_POLRI", "EXCLUDED_PENDAMPING_SOSIAL",
            "EXCLUDED_GURU_BERSERTIFIKAT", "EXCLUDED_PENGHASILAN_APBN_APBD", "EXCLUDED_PEGAWAI_BUMN",
            "EXCLUDED_PERANGKAT_DESA", "NO_VULNERABLE_MEMBER", "INCOME_NOT_RECORDED", "INCOME_ABOVE_POVERTY_LINE",
            "RECEIVES_OTHER_AID", "NO_PKH_COMPONENT", "ALREADY_RECEIVING");
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;
    @Inject
    HouseholdProjections projections;
    @Inject
    HouseholdProjector projector;
    @Inject
    RuleCatalog rules;
    @Inject
    ObjectMapper appJson;

    @Test
    void theBatchDecidesEveryHouseholdExactlyAsTheSingleEvaluationAndPublishesOnlyChanges() throws Exception {
        var households = SyntheticHouseholds.generate(20251101L, 400, VILLAGES);
        var aid = SyntheticHouseholds.aid(7L, households);
        QuarkusTransaction.requiringNew().run(() -> households.forEach(h ->
                projections.storeIfNewer(h, SyntheticHouseholds.membersJson(h), TestClock.START)));
        insertAid(aid);
        // one household decided the event-driven way first: the batch must find nothing to change there
        var viaEvent = SyntheticHouseholds.generate(99L, 1, List.of("33.20.06.1001")).getFirst();
        projector.project(viaEvent, SyntheticHouseholds.membersJson(viaEvent));
        long viaEventEvents = outboxEvents(viaEvent.id());

        for (var program : PROGRAMS) {
            var run = runToTheEnd(program);
            assertThat(run.getString("status")).isEqualTo("SUCCEEDED");
            assertThat(run.getLong("done")).isEqualTo(run.getLong("total"));
        }

        var expected = new HashMap<String, Determination>();
        var published = rules.published().stream().map(RuleCatalog.PublishedRule::rule).toList();
        var all = new ArrayList<>(households);
        all.add(viaEvent);
        for (var h : all) {
            for (var rule : ProgramRules.applicable(published, h.villageCode())) {
                expected.put(h.id() + "|" + rule.programCode(),
                        ProgramRules.evaluate(rule, h, aid.getOrDefault(h.id(), Set.of())));
            }
        }
        var stored = storedDeterminations(all.stream().map(Household::id).toList());
        assertThat(stored.keySet()).isEqualTo(expected.keySet());
        var seen = new TreeSet<String>();
        for (var entry : expected.entrySet()) {
            var want = entry.getValue();
            var got = stored.get(entry.getKey());
            assertThat(got.get("eligible").asBoolean()).as(entry.getKey()).isEqualTo(want.eligible());
            assertThat(got.get("ruleVersion").asInt()).as(entry.getKey()).isEqualTo(want.ruleVersion());
            assertThat(got.get("registryVersion").asLong()).as(entry.getKey()).isEqualTo(want.registryVersion());
            assertThat(got.get("reasons")).as(entry.getKey()).isEqualTo(JSON.valueToTree(want.reasons()));
            want.reasons().forEach(r -> seen.add(r.code()));
        }
        assertThat(seen).as("reason kinds exercised").containsAll(EVERY_REASON);
        assertThat(outboxEvents(viaEvent.id())).as("nothing changed for the household decided by its event")
                .isEqualTo(viaEventEvents);

        // a batch event is the CloudEvent the platform outbox would have written for the same determination
        var sample = households.stream().filter(h -> expected.containsKey(h.id() + "|BLTS_KESRA_2025")).findFirst().orElseThrow();
        var want = expected.get(sample.id() + "|BLTS_KESRA_2025");
        var written = outboxPayload(sample.id(), "BLTS_KESRA_2025");
        var reference = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(EventEnvelope.serialize(appJson,
                "/lumbung/eligibility-service", DeterminationEvents.MADE,
                DeterminationEvents.key(sample.id(), "BLTS_KESRA_2025", want.period().toString()), TestClock.START,
                new DeterminationEvents.DeterminationMade(want.householdId(), want.villageCode(), want.programCode(),
                        want.period().toString(), want.ruleVersion(), want.registryVersion(), want.eligible(),
                        want.reasons().stream().map(r -> new DeterminationEvents.ReasonData(r.code(), r.id(), r.en())).toList(),
                        TestClock.START)));
        reference.put("id", written.get("id").asText());
        assertThat(written).isEqualTo(reference);
        var onTopic = TestTopics.await(DeterminationEvents.TOPIC, r -> DeterminationEvents.key(sample.id(), "BLTS_KESRA_2025", "2025-Q4").equals(r.key())
                && "BLTS_KESRA_2025".equals(r.event().path("data").path("programCode").asText()), Duration.ofSeconds(30));
        assertThat(onTopic.event()).isEqualTo(written);

        // the same run again changes nothing; one household's change is one event
        long before = outboxEvents(sample.id());
        var again = runToTheEnd("BLTS_KESRA_2025");
        assertThat(again.getLong("changed")).isLessThanOrEqualTo(again.getLong("decided"));
        assertThat(outboxEvents(sample.id())).isEqualTo(before);
        var richer = new Household(sample.id(), sample.noKk(), sample.villageCode(), sample.desil() != null && sample.desil() == 9 ? 2 : 9,
                "2025-Q4", sample.status(), sample.registryVersion() + 1, sample.kksCard(), sample.monthlyIncome(), sample.members());
        QuarkusTransaction.requiringNew().run(() -> projections.storeIfNewer(richer, SyntheticHouseholds.membersJson(richer),
                TestClock.START));
        runToTheEnd("BLTS_KESRA_2025");
        assertThat(outboxEvents(sample.id())).isEqualTo(before + 1);
        assertThat(storedDeterminations(List.of(sample.id())).get(sample.id() + "|BLTS_KESRA_2025").get("registryVersion")
                .asLong()).isEqualTo(richer.registryVersion());
    }

    @Test
    void aRunShowsItsProgress() {
        var location = given().auth().oauth2(TestTokens.token(Roles.KEMENSOS)).contentType("application/json")
                .body(Map.of("programCode", "PBI_JKN", "period", "2025-Q4"))
                .when().post("/api/v1/determination-runs")
                .then().statusCode(202)
                .header("Location", containsString("/api/v1/determination-runs/"))
                .body("status", equalTo("RUNNING"))
                .body("requestedBy", equalTo("test-kemensos"))
                .extract().header("Location");
        var run = awaitEnd(location);
        assertThat(run.getLong("done")).isEqualTo(run.getLong("total"));
        assertThat(run.getInt("etaSeconds")).isZero();
        assertThat(run.getString("finishedAt")).isNotNull();
        given().auth().oauth2(TestTokens.token(Roles.AUDITOR)).when().get(location).then().statusCode(200)
                .body("householdsPerSecond", notNullValue());
    }

    @Test
    void refusals() throws Exception {
        String kemensos = TestTokens.token(Roles.KEMENSOS);
        var body = Map.of("programCode", "BLTS_KESRA_2025", "period", "2025-Q4");
        given().contentType("application/json").body(body).when().post("/api/v1/determination-runs")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token(Roles.DINSOS, "33.20")).contentType("application/json").body(body)
                .when().post("/api/v1/determination-runs").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(kemensos).contentType("application/json").body(Map.of("programCode", "BLTS_KESRA_2025"))
                .when().post("/api/v1/determination-runs").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(kemensos).contentType("application/json").body(Map.of("programCode", "x", "period", "2025-Q5"))
                .when().post("/api/v1/determination-runs").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(kemensos).contentType("application/json").body(Map.of("programCode", "BANSOS_FIKTIF", "period", "2025-Q4"))
                .when().post("/api/v1/determination-runs").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(kemensos).contentType("application/json").body(Map.of("programCode", "PKH", "period", "2031-Q1"))
                .when().post("/api/v1/determination-runs").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("no published rule version"));
        given().auth().oauth2(kemensos).when().get("/api/v1/determination-runs/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(kemensos).when().get("/api/v1/determination-runs/not-a-uuid")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token(Roles.OPERATOR_DESA, "33.20.06.1001"))
                .when().get("/api/v1/determination-runs/" + UUID.randomUUID()).then().statusCode(403);

        // a program period already running
        var running = UUID.randomUUID();
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("""
                insert into determination_run (id, program_code, period, status, total, requested_by, requested_at)
                values (?, 'BLT_DD', '2025-Q4', 'RUNNING', 0, 'someone', now())""")) {
            s.setObject(1, running);
            s.executeUpdate();
        }
        try {
            given().auth().oauth2(kemensos).contentType("application/json").body(Map.of("programCode", "BLT_DD", "period", "2025-Q4"))
                    .when().post("/api/v1/determination-runs").then().statusCode(409).contentType("application/problem+json")
                    .body("detail", containsString("already running"));
        } finally {
            try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                    "update determination_run set status = 'FAILED', finished_at = now() where id = ?")) {
                s.setObject(1, running);
                s.executeUpdate();
            }
        }
    }

    static JsonPath runToTheEnd(String program) {
        var location = given().auth().oauth2(TestTokens.token(Roles.KEMENSOS)).contentType("application/json")
                .body(Map.of("programCode", program, "period", "2025-Q4"))
                .when().post("/api/v1/determination-runs")
                .then().statusCode(202).extract().header("Location");
        return awaitEnd(location);
    }

    static JsonPath awaitEnd(String location) {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            var run = given().auth().oauth2(TestTokens.token(Roles.KEMENSOS)).when().get(location)
                    .then().statusCode(200).extract().jsonPath();
            if (!"RUNNING".equals(run.getString("status"))) {
                assertThat(run.getString("error")).isNull();
                return run;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("run not finished within 120 s: " + run.prettify());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    void insertAid(Map<UUID, Set<String>> aid) throws Exception {
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                "insert into aid_receipt (household_id, program_code, period, source) values (?, ?, '2025-Q4', 'test')")) {
            for (var e : aid.entrySet()) {
                for (var p : e.getValue()) {
                    s.setObject(1, e.getKey());
                    s.setString(2, p);
                    s.addBatch();
                }
            }
            s.executeBatch();
        }
    }

    Map<String, JsonNode> storedDeterminations(List<UUID> households) throws Exception {
        var result = new HashMap<String, JsonNode>();
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("""
                select household_id, program_code, jsonb_build_object('eligible', eligible, 'reasons', reasons,
                    'ruleVersion', rule_version, 'registryVersion', registry_version)::text
                from determination where household_id = any (?) and period = '2025-Q4'""")) {
            s.setArray(1, c.createArrayOf("uuid", households.toArray()));
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getObject(1) + "|" + rs.getString(2), JSON.readTree(rs.getString(3)));
                }
            }
        }
        return result;
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

    JsonNode outboxPayload(UUID household, String program) throws Exception {
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("""
                select payload::text from outbox_event where split_part(event_key, '/', 1) = ? and topic = 'eligibility.determinations.v1'
                and payload -> 'data' ->> 'programCode' = ? order by seq desc limit 1""")) {
            s.setString(1, household.toString());
            s.setString(2, program);
            try (var rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return JSON.readTree(rs.getString(1));
            }
        }
    }
}
