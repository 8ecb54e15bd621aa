package id.lumbung.eligibility.events;

import static id.lumbung.eligibility.events.RegistryEvents.family;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.lumbung.eligibility.TestClock;
import id.lumbung.platform.security.Roles;
import id.lumbung.platform.testing.TestTokens;
import id.lumbung.platform.events.EventEnvelope;
import id.lumbung.platform.testing.Quarantined;
import id.lumbung.platform.testing.TestTopics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A household change from the registry, across the real broker, becomes determinations in the database, on
 * the REST API and on eligibility.determinations.v1.
 */
@QuarkusTest
class DeterminationFlowTest {

    static final String DEMAK = "33.21.01.2001";
    static final String KARANGKEBAGUSAN = "33.20.06.1001";
    /** Programs decided for a household outside a region with a variant: one national rule each. */
    static final int NATIONAL_PROGRAMS = 6;
    static final Set<String> CONTRACT_FIELDS = Set.of("householdId", "villageCode", "programCode", "period",
            "ruleVersion", "registryVersion", "eligible", "reasons", "determinedAt");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aDesilThreeFamilyIsEligibleForBltsKesraAndTheDeterminationIsPublished() {
        var family = family(DEMAK, 3).head().wife();
        family.sendAsRelay(family.event());

        var blts = determination(awaitDeterminations(family.id, d -> true), "BLTS_KESRA_2025");
        assertThat(blts.getBoolean("eligible")).isTrue();
        assertThat(blts.getList("reasons")).isEmpty();
        assertThat(blts.getInt("ruleVersion")).isEqualTo(1);
        assertThat(blts.getLong("registryVersion")).isZero();
        assertThat(blts.getString("period")).isEqualTo("2025-Q4");
        assertThat(blts.getString("determinedAt")).isEqualTo(TestClock.START.toString());

        String key = family.id + "/BLTS_KESRA_2025/2025-Q4";
        var record = TestTopics.await(DeterminationEvents.TOPIC, r -> key.equals(r.key()), Duration.ofSeconds(30));
        assertThat(record.event().get("type").asText()).isEqualTo(DeterminationEvents.MADE);
        assertThat(record.event().get("source").asText()).isEqualTo("/lumbung/eligibility-service");
        assertThat(record.event().get("subject").asText()).isEqualTo(key);
        JsonNode data = record.event().get("data");
        var fields = new TreeSet<String>();
        data.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).isEqualTo(new TreeSet<>(CONTRACT_FIELDS));
        assertThat(data.get("householdId").asText()).isEqualTo(family.id.toString());
        assertThat(data.get("villageCode").asText()).isEqualTo(DEMAK);
        assertThat(data.get("period").asText()).isEqualTo("2025-Q4");
        assertThat(data.get("ruleVersion").isInt()).isTrue();
        assertThat(data.get("registryVersion").asLong()).isZero();
        assertThat(data.get("eligible").asBoolean()).isTrue();
        assertThat(data.get("reasons").isArray()).isTrue();
        assertThat(data.get("determinedAt").asText()).isEqualTo(TestClock.START.toString());

        String household = family.id + "/";
        var all = TestTopics.readUntil(DeterminationEvents.TOPIC,
                records -> records.stream().filter(r -> r.key() != null && r.key().startsWith(household)).count() >= NATIONAL_PROGRAMS,
                Duration.ofSeconds(30)).stream().filter(r -> r.key() != null && r.key().startsWith(household)).toList();
        assertThat(all).extracting(r -> r.event().get("data").get("programCode").asText())
                .containsExactlyInAnyOrder("PKH", "SEMBAKO", "PBI_JKN", "BLT_DD", "BLT_KD", "BLTS_KESRA_2025");
        assertThat(all).allSatisfy(r -> assertThat(r.key()).isEqualTo(household
                + r.event().get("data").get("programCode").asText() + "/" + r.event().get("data").get("period").asText()));
    }

    @Test
    void anAsnFamilyIsNotEligibleForBltsAndIsToldItIsAnAsnFamily() {
        var family = family(DEMAK, 2).head("ASN").wife();
        family.send();

        var blts = determination(awaitDeterminations(family.id, d -> true), "BLTS_KESRA_2025");
        assertThat(blts.getBoolean("eligible")).isFalse();
        assertThat(blts.getList("reasons.code")).containsExactly("EXCLUDED_ASN_TNI_POLRI");
        assertThat(blts.getString("reasons[0].id")).contains("keluarga ASN/TNI/POLRI").doesNotContain("SLAMET");
        assertThat(blts.getString("reasons[0].en")).contains("ASN/TNI/POLRI");

        var record = TestTopics.await(DeterminationEvents.TOPIC, r -> r.key() != null && r.key().startsWith(family.id + "/")
                && "BLTS_KESRA_2025".equals(r.event().path("data").path("programCode").asText()), Duration.ofSeconds(30));
        var data = record.event().get("data");
        assertThat(data.get("eligible").asBoolean()).isFalse();
        assertThat(data.get("reasons").get(0).get("code").asText()).isEqualTo("EXCLUDED_ASN_TNI_POLRI");
        assertThat(data.get("reasons").get(0).get("id").asText()).contains("keluarga ASN/TNI/POLRI");
        assertThat(data.get("reasons").get(0).get("en").asText()).isNotBlank();
    }

    @Test
    void aFamilyWithoutDesilIsToldToUpdateItsDataThroughTheVillage() {
        var family = family(DEMAK, null).head().wife();
        family.send();

        var blts = determination(awaitDeterminations(family.id, d -> true), "BLTS_KESRA_2025");
        assertThat(blts.getBoolean("eligible")).isFalse();
        assertThat(blts.getList("reasons.code")).containsExactly("DESIL_NOT_YET");
        assertThat(blts.getString("reasons[0].id")).contains("belum ada desil").contains("desa/kelurahan");
    }

    @Test
    void jeparaDecidesSembakoByItsOwnStricterVariant() {
        var jepara = family(KARANGKEBAGUSAN, 3).head().wife();
        var demak = family(DEMAK, 3).head().wife();
        jepara.send();
        demak.send();

        var inJepara = determination(awaitDeterminations(jepara.id, d -> true), "SEMBAKO");
        assertThat(inJepara.getInt("ruleVersion")).isEqualTo(2);
        assertThat(inJepara.getBoolean("eligible")).isFalse();
        assertThat(inJepara.getList("reasons.code")).containsExactly("NO_VULNERABLE_MEMBER", "INCOME_NOT_RECORDED");

        var inDemak = determination(awaitDeterminations(demak.id, d -> true), "SEMBAKO");
        assertThat(inDemak.getInt("ruleVersion")).isEqualTo(1);
        assertThat(inDemak.getBoolean("eligible")).isTrue();
    }

    @Test
    void aDeathReportedByTheRegistryReDecidesTheFamily() {
        var family = family(DEMAK, 3).head().wife();
        family.send();
        awaitDeterminations(family.id, d -> d.getLong("registryVersion") == 0);

        family.send(family.version(1).allDeceased("2025-11-01").event("id.lumbung.registry.household.member-died"));
        var body = awaitDeterminations(family.id, d -> d.getLong("registryVersion") == 1);
        assertThat(determination(body, "BLTS_KESRA_2025").getBoolean("eligible")).isFalse();
        assertThat(determination(body, "BLTS_KESRA_2025").getList("reasons.code")).contains("NO_LIVING_MEMBER");
    }

    @Test
    void theSameEventDeliveredTwiceChangesNothing() throws Exception {
        var family = family(DEMAK, 3).head().wife();
        byte[] first = family.event();
        family.send(first);
        family.send(first);
        // a later change of the same household (same key, same partition) comes after both copies
        family.version(1).desil(7).send();

        var body = awaitDeterminations(family.id, d -> d.getLong("registryVersion") == 1);
        assertThat(body.getInt("desil")).isEqualTo(7);
        assertThat(determination(body, "BLTS_KESRA_2025").getList("reasons.code")).containsExactly("DESIL_OUTSIDE_BAND");
        // one round of events per version, none for the repeat
        assertThat(outboxEvents(family.id)).isEqualTo(2L * NATIONAL_PROGRAMS);
    }

    @Test
    void anOlderVersionArrivingAfterANewerOneIsIgnored() throws Exception {
        var family = family(DEMAK, 2).head().wife();
        family.version(3).send();
        awaitDeterminations(family.id, d -> d.getLong("registryVersion") == 3);

        byte[] stale = family.version(2).desil(9).event();
        family.send(stale);
        awaitProcessed(RegistryEvents.Family.eventId(stale));

        var body = given().auth().oauth2(TestTokens.token(Roles.KEMENSOS))
                .queryParam("householdId", family.id.toString())
                .when().get("/api/v1/determinations").then().statusCode(200).extract().jsonPath();
        assertThat(body.getLong("registryVersion")).isEqualTo(3);
        assertThat(body.getInt("desil")).isEqualTo(2);
        assertThat(determination(body, "BLTS_KESRA_2025").getBoolean("eligible")).isTrue();
        assertThat(outboxEvents(family.id)).isEqualTo(NATIONAL_PROGRAMS);
    }

    @Test
    void aMalformedRegistryEventIsQuarantinedWithoutStoppingTheTopic() {
        var broken = family(DEMAK, 3).head();
        broken.data.put("villageCode", "somewhere");
        byte[] event = broken.send();
        TestTopics.send(RegistryEvents.TOPIC, broken.id.toString(), "not a cloud event".getBytes());
        var fine = family(DEMAK, 3).head();
        fine.send();

        awaitDeterminations(fine.id, d -> true);
        given().auth().oauth2(TestTokens.token(Roles.KEMENSOS)).queryParam("householdId", broken.id.toString())
                .when().get("/api/v1/determinations").then().statusCode(404);
        long quarantined = Quarantined.await(dataSource, "eligibility.registry-households",
                EventEnvelope.parse(RegistryEvents.JSON, event).id(), "QUARANTINED");
        assertThat(Quarantined.view(quarantined).getString("entry.error")).contains("does not follow registry.households.v1");
    }

    /** Polls the REST API until the household's determinations satisfy {@code ready}. */
    static JsonPath awaitDeterminations(UUID household, Predicate<JsonPath> ready) {
        long deadline = System.currentTimeMillis() + 60_000;
        String token = TestTokens.token(Roles.KEMENSOS);
        while (true) {
            var response = given().auth().oauth2(token).queryParam("householdId", household.toString())
                    .when().get("/api/v1/determinations");
            if (response.statusCode() == 200) {
                var body = response.jsonPath();
                if (!body.getList("determinations").isEmpty() && ready.test(body)) {
                    return body;
                }
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no determinations for " + household + " within 60 s; last answer "
                        + response.statusCode() + " " + response.asString());
            }
            sleep(200);
        }
    }

    static JsonPath determination(JsonPath body, String program) {
        List<Map<String, Object>> all = body.getList("determinations");
        var index = new ArrayList<>(all.stream().map(d -> d.get("programCode")).toList()).indexOf(program);
        assertThat(index).as("determination for " + program).isNotNegative();
        return new JsonPath(body.prettify()).setRootPath("determinations[" + index + "]");
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

    void awaitProcessed(String eventId) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                    "select count(*) from inbox_event where consumer = 'eligibility.registry-households' and event_id = ?")) {
                s.setString(1, eventId);
                try (var rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 1) {
                        return;
                    }
                }
            }
            sleep(200);
        }
        throw new AssertionError("event " + eventId + " not processed within 60 s");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
