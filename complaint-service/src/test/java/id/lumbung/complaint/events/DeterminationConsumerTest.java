package id.lumbung.complaint.events;

import static id.lumbung.complaint.rest.Cases.VILLAGE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.lumbung.complaint.TestClock;
import id.lumbung.complaint.rest.Cases;
import id.lumbung.platform.events.EventEnvelope;
import id.lumbung.platform.security.Roles;
import id.lumbung.platform.testing.Quarantined;
import id.lumbung.platform.testing.TestTokens;
import id.lumbung.platform.testing.TestTopics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeterminationConsumerTest {

    static final String OPERATOR = TestTokens.token(Roles.OPERATOR_DESA, VILLAGE);

    @Inject
    ObjectMapper json;
    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void present() {
        TestClock.reset();
    }

    @Test
    void aDeterminationBecomesAnExplanationInPlainIndonesian() throws Exception {
        var household = UUID.randomUUID();
        var at = Instant.parse("2025-11-20T03:00:00Z");
        send(household, VILLAGE, "BLTS_KESRA", "2025-Q4", false, at,
                List.of(reason("DESIL_OUT_OF_BAND", "Desil keluarga 7, sedangkan program untuk desil 1–4.")));
        send(household, VILLAGE, "PKH", "2025-Q4", false, at,
                List.of(reason("EXCLUDED_ASN", "Ada anggota keluarga berstatus ASN.")), true);

        awaitExplanation(household, 2);
        given().auth().oauth2(OPERATOR).when().get("/api/v1/explanations/" + household)
                .then().statusCode(200)
                .body("villageCode", equalTo(VILLAGE))
                .body("programs.find { it.programCode == 'BLTS_KESRA' }.ringkasan",
                        equalTo("Keluarga tidak ditetapkan sebagai penerima BLTS_KESRA periode 2025-Q4 karena desil keluarga 7, "
                                + "sedangkan program untuk desil 1–4."))
                .body("programs.find { it.programCode == 'BLTS_KESRA' }.causes[0].solusi", containsString("melalui desa/kelurahan"))
                .body("programs.find { it.programCode == 'PKH' }.causes[0].solusi", containsString("Dinas Sosial"))
                .body("ringkasan", containsString("belum ditetapkan sebagai penerima"));

        given().auth().oauth2(TestTokens.token(Roles.OPERATOR_DESA, "33.20.01.2002"))
                .when().get("/api/v1/explanations/" + household).then().statusCode(403);
        given().when().get("/api/v1/explanations/" + household).then().statusCode(401);
        given().auth().oauth2(OPERATOR).when().get("/api/v1/explanations/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");

        // an aduan about the household carries the explanation for the operator who handles it
        String number = given().contentType(ContentType.JSON).body("""
                {"type": "ADUAN", "channel": "WHATSAPP", "villageCode": "%s", "householdId": "%s",
                 "description": "Kenapa keluarga saya tidak menerima BLTS Kesra?"}""".formatted(VILLAGE, household))
                .when().post("/api/v1/cases").then().statusCode(201).extract().path("number");
        given().auth().oauth2(OPERATOR).when().get("/api/v1/cases/" + number)
                .then().statusCode(200)
                .body("explanation.householdId", equalTo(household.toString()))
                .body("explanation.programs.programCode", hasItem("BLTS_KESRA"));
    }

    @Test
    void anOlderDeterminationNeverOverwritesANewerOne() throws Exception {
        var household = UUID.randomUUID();
        var newer = Instant.parse("2025-11-21T03:00:00Z");
        send(household, VILLAGE, "BLTS_KESRA", "2025-Q4", true, newer, List.of());
        awaitExplanation(household, 1);
        send(household, VILLAGE, "BLTS_KESRA", "2025-Q4", false, newer.minusSeconds(3600),
                List.of(reason("QUOTA_EXCEEDED", "Kuota desa sudah penuh.")));
        // a later event for another program shows the older one has been consumed by now
        send(household, VILLAGE, "PKH", "2025-Q4", true, newer, List.of());
        awaitExplanation(household, 2);

        given().auth().oauth2(OPERATOR).when().get("/api/v1/explanations/" + household)
                .then().statusCode(200)
                .body("programs.find { it.programCode == 'BLTS_KESRA' }.eligible", equalTo(true));
    }

    @Test
    void aSanggahAgainstAFamilyEligibilityDidNotListIsRefused() throws Exception {
        var notListed = UUID.randomUUID();
        var elsewhere = UUID.randomUUID();
        var at = Instant.parse("2025-11-22T03:00:00Z");
        send(notListed, VILLAGE, "BLTS_KESRA", "2025-Q4", false, at, List.of(reason("DESIL_OUT_OF_BAND", "Desil 8.")));
        send(elsewhere, "33.20.01.2002", "BLTS_KESRA", "2025-Q4", true, at, List.of());
        awaitExplanation(notListed, 1);
        awaitExplanation(elsewhere, 1);

        for (var target : List.of(notListed, elsewhere)) {
            given().contentType(ContentType.JSON).body(Cases.sanggah(VILLAGE, target, VILLAGE))
                    .when().post("/api/v1/cases")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem("householdId"));
        }
    }

    private byte[] send(UUID household, String village, String program, String period, boolean eligible, Instant at,
            List<Map<String, String>> reasons) {
        return send(household, village, program, period, eligible, at, reasons, false);
    }

    private byte[] send(UUID household, String village, String program, String period, boolean eligible, Instant at,
            List<Map<String, String>> reasons, boolean asTheRelayDoes) {
        var data = new LinkedHashMap<String, Object>();
        data.put("householdId", household.toString());
        data.put("villageCode", village);
        data.put("programCode", program);
        data.put("period", period);
        data.put("ruleVersion", 1);
        data.put("registryVersion", 3L);
        data.put("eligible", eligible);
        data.put("reasons", reasons);
        data.put("determinedAt", at.toString());
        String key = household + "/" + program + "/" + period;
        byte[] event = EventEnvelope.serialize(json, "/lumbung/eligibility-service", DeterminationConsumer.MADE,
                key, at, data);
        if (asTheRelayDoes) {
            sendWithContentType(key, event);
        } else {
            TestTopics.send(DeterminationConsumer.TOPIC, key, event);
        }
        return event;
    }

    /** As the platform's outbox relay publishes: with the structured-mode CloudEvents content-type header. */
    private static void sendWithContentType(String key, byte[] event) {
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestTopics.bootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            var record = new ProducerRecord<>(DeterminationConsumer.TOPIC, key, event);
            record.headers().add("content-type", EventEnvelope.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aDeterminationTheViewCannotKeepWaitsWithItsLaterOnesUntilTheReplay() throws Exception {
        var poisoned = UUID.randomUUID();
        var fine = UUID.randomUUID();
        var at = Instant.parse("2025-11-20T03:00:00Z");
        Quarantined.refuse(dataSource, "determination_view", "new.household_id = '" + poisoned + "'");
        try {
            byte[] first = send(poisoned, VILLAGE, "BLTS_KESRA", "2025-Q4", false, at, List.of());
            byte[] second = send(poisoned, VILLAGE, "BLTS_KESRA", "2025-Q4", true, at.plusSeconds(60), List.of());
            send(fine, VILLAGE, "BLTS_KESRA", "2025-Q4", true, at, List.of());

            awaitExplanation(fine, 1);
            long head = Quarantined.await(dataSource, "complaint.determinations", id(first), "QUARANTINED");
            Quarantined.await(dataSource, "complaint.determinations", id(second), "HELD");
            given().auth().oauth2(OPERATOR).when().get("/api/v1/explanations/" + poisoned).then().statusCode(404);

            Quarantined.lift(dataSource, "determination_view");
            assertThat(Quarantined.replay(head).getList("applied")).hasSize(2);
            awaitExplanation(poisoned, 1);
            given().auth().oauth2(OPERATOR).when().get("/api/v1/explanations/" + poisoned).then().statusCode(200)
                    .body("programs[0].eligible", equalTo(true));
        } finally {
            Quarantined.lift(dataSource, "determination_view");
        }
    }

    @Test
    void anErasedHouseholdsDeterminationsLeaveTheView() throws Exception {
        var household = UUID.randomUUID();
        var at = Instant.parse("2025-11-20T03:00:00Z");
        send(household, VILLAGE, "BLTS_KESRA", "2025-Q4", true, at, List.of(), true);
        send(household, VILLAGE, "PKH", "2025-Q4", true, at, List.of(), true);
        awaitExplanation(household, 2);

        for (String program : List.of("BLTS_KESRA", "PKH")) {
            String key = household + "/" + program + "/2025-Q4";
            TestTopics.sendTombstone(DeterminationConsumer.TOPIC, key, EventEnvelope.tombstoneHeaders(UUID.randomUUID(),
                    "/lumbung/eligibility-service", "id.lumbung.eligibility.determination.erased", key, Instant.now()));
        }
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline && given().auth().oauth2(OPERATOR)
                .when().get("/api/v1/explanations/" + household).statusCode() != 404) {
            Thread.sleep(200);
        }
        given().auth().oauth2(OPERATOR).when().get("/api/v1/explanations/" + household).then().statusCode(404);
        assertThat(DeterminationConsumer.key("not-a-key")).isNull();
        assertThat(DeterminationConsumer.key(household + "/PKH/2025-Q5")).isNull();
    }

    private String id(byte[] event) {
        return EventEnvelope.parse(json, event).id();
    }

    private static Map<String, String> reason(String code, String sentence) {
        return Map.of("code", code, "id", sentence, "en", sentence);
    }

    private static void awaitExplanation(UUID household, int programs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            var response = given().auth().oauth2(TestTokens.token(Roles.KEMENSOS)).when().get("/api/v1/explanations/" + household);
            if (response.statusCode() == 200 && response.jsonPath().getList("programs").size() >= programs) {
                return;
            }
            Thread.sleep(200);
        }
        assertThat(false).as("determinations of " + household + " consumed within 30 s").isTrue();
    }
}
