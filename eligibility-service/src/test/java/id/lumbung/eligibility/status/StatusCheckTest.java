package id.lumbung.eligibility.status;

import static id.lumbung.eligibility.events.RegistryEvents.family;
import static id.lumbung.eligibility.status.StatusClient.ask;
import static id.lumbung.eligibility.status.StatusClient.byName;
import static id.lumbung.eligibility.status.StatusClient.byNik;
import static id.lumbung.eligibility.status.StatusClient.challenge;
import static id.lumbung.eligibility.status.StatusClient.solve;
import static id.lumbung.eligibility.status.StatusClient.solved;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.lumbung.eligibility.TestClock;
import id.lumbung.eligibility.events.DeterminationFlowTestSupport;
import id.lumbung.eligibility.events.RegistryEvents;
import id.lumbung.platform.events.EventEnvelope;
import id.lumbung.platform.testing.TestTopics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Cek Bansos over the real database and broker: the challenge, the answers, masking and the payment status. */
@QuarkusTest
class StatusCheckTest {

    static final String DEMAK = "33.21.01.2001";
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aSolvedChallengeBuysOneLookupAndTheAnswerIsMasked() {
        var family = household(3);
        family.send();
        DeterminationFlowTestSupport.await(family.id);
        String nik = nik(family, 0);

        var c = challenge();
        assertThat(c.getInt("difficulty")).isEqualTo(4);
        assertThat(Instant.parse(c.getString("expiresAt"))).isAfter(TestClock.CLOCK.instant());
        var response = ask(Map.of("challenge", c.getString("challenge"), "solution",
                solve(c.getString("nonce"), c.getInt("difficulty")), "nik", nik));
        response.then().statusCode(200);
        var body = response.jsonPath();
        assertThat(body.getString("status")).isEqualTo("DITEMUKAN");
        assertThat(body.getString("name")).isEqualTo("S****T R****I");
        assertThat(body.getString("desil")).isEqualTo("Desil 3");
        assertThat(body.getString("dtsenPeriod")).isEqualTo("2025-Q4");
        var blts = program(body, "BLTS_KESRA_2025");
        assertThat(blts.get("status")).isEqualTo("MEMENUHI_SYARAT");
        assertThat(blts.get("period")).isEqualTo("2025-Q4");
        assertThat((String) blts.get("note")).isNotBlank();
        // nothing unmasked leaves: no NIK, no KK, no name
        String raw = response.asString();
        assertThat(raw).doesNotContain(nik).doesNotContain((String) family.data.get("noKk"))
                .doesNotContainIgnoringCase("Slamet").doesNotContainIgnoringCase("Riyadi").doesNotContain(family.id.toString());

        // the same challenge again is refused
        ask(Map.of("challenge", c.getString("challenge"), "solution", solve(c.getString("nonce"), c.getInt("difficulty")),
                "nik", nik)).then().statusCode(403).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("challenge-used"));
    }

    @Test
    void notFoundAndFoundButNotEligibleAnswerInTheSameShape() {
        var rich = household(9);
        var asn = household(2, "ASN");
        rich.send();
        asn.send();
        DeterminationFlowTestSupport.await(rich.id);
        DeterminationFlowTestSupport.await(asn.id);

        var found = byNik(nik(rich, 0)).then().statusCode(200).extract().asString();
        var missing = byNik("3321014107990123").then().statusCode(200).extract().asString();
        var missingByName = byName("Nama Yang Tidak Ada", DEMAK).then().statusCode(200).extract().asString();
        assertThat(keys(missing)).isEqualTo(keys(found)).isEqualTo(keys(missingByName));
        var notFound = new JsonPath(missing);
        assertThat(notFound.getString("status")).isEqualTo("TIDAK_DITEMUKAN");
        assertThat(notFound.getList("programs")).isEmpty();
        var richBody = new JsonPath(found);
        assertThat(program(richBody, "BLTS_KESRA_2025").get("status")).isEqualTo("TIDAK_MEMENUHI_SYARAT");
        assertThat((String) program(richBody, "BLTS_KESRA_2025").get("note")).contains("desil 9");
        assertThat(keys(found)).containsExactlyInAnyOrder("status", "name", "desil", "dtsenPeriod", "programs", "note",
                "checkedAt");

        // an excluded family hears the family-level sentence only
        var asnBody = byNik(nik(asn, 1)).then().statusCode(200).extract().jsonPath();
        var note = (String) program(asnBody, "BLTS_KESRA_2025").get("note");
        assertThat(note).contains("keluarga ASN/TNI/POLRI").doesNotContainIgnoringCase("slamet")
                .doesNotContainIgnoringCase("kepala");
        assertThat(asnBody.getString("name")).isEqualTo("S**I A****H");
    }

    @Test
    void theNameAsOnTheKtpIsFoundRegardlessOfCaseAndSpacesWithinTheVillage() {
        String word = randomWord();
        var family = family(DEMAK, null).member("120390" + SERIAL.incrementAndGet(), "Dewi " + word + " Lestari", "FEMALE",
                "1990-03-12", "KEPALA_KELUARGA");
        family.send();
        DeterminationFlowTestSupport.await(family.id);

        var body = byName("  dewi   " + word.toLowerCase() + "  LESTARI ", DEMAK).then().statusCode(200).extract().jsonPath();
        assertThat(body.getString("status")).isEqualTo("DITEMUKAN");
        assertThat(body.getString("desil")).isEqualTo("belum ada desil");
        assertThat(body.getString("dtsenPeriod")).isNull();
        assertThat((String) program(body, "BLTS_KESRA_2025").get("note")).contains("belum ada desil");
        // another village, or a name that is only close, is not found
        assertThat(byName("Dewi " + word + " Lestari", "33.21.01.2002").jsonPath().getString("status"))
                .isEqualTo("TIDAK_DITEMUKAN");
        assertThat(byName("Dewi " + word, DEMAK).jsonPath().getString("status")).isEqualTo("TIDAK_DITEMUKAN");
    }

    @Test
    void everyRefusalOfTheChallengeIsProblemJson() {
        String nik = "3321014107990124";
        // missing
        ask(Map.of("nik", nik)).then().statusCode(400).contentType("application/problem+json");
        // malformed
        ask(Map.of("challenge", "not-a-challenge", "solution", "1", "nik", nik)).then().statusCode(400)
                .contentType("application/problem+json");
        // forged: a different difficulty under the old signature
        var c = challenge();
        var parts = c.getString("challenge").split("\\.");
        parts[2] = "0";
        ask(Map.of("challenge", String.join(".", parts), "solution", "x", "nik", nik)).then().statusCode(403)
                .contentType("application/problem+json").body("type", org.hamcrest.Matchers.endsWith("challenge-forged"));
        // unsolved
        var unsolved = challenge();
        ask(Map.of("challenge", unsolved.getString("challenge"), "solution",
                StatusClient.wrong(unsolved.getString("nonce"), unsolved.getInt("difficulty")), "nik", nik))
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("challenge-unsolved"));
        // an unsolved attempt does not use the challenge up
        ask(Map.of("challenge", unsolved.getString("challenge"), "solution",
                solve(unsolved.getString("nonce"), unsolved.getInt("difficulty")), "nik", nik)).then().statusCode(200);
        // expired
        var late = challenge();
        TestClock.CLOCK.advance(Duration.ofMinutes(3));
        try {
            ask(Map.of("challenge", late.getString("challenge"), "solution",
                    solve(late.getString("nonce"), late.getInt("difficulty")), "nik", nik))
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("type", org.hamcrest.Matchers.endsWith("challenge-expired"));
        } finally {
            TestClock.CLOCK.set(TestClock.START);
        }
        // bad questions are refused before the challenge is spent
        var body = solved();
        body.put("nik", "123");
        ask(body).then().statusCode(400).contentType("application/problem+json");
        body.put("nik", nik);
        body.put("fullName", "Siti");
        body.put("villageCode", DEMAK);
        ask(body).then().statusCode(400).contentType("application/problem+json");
        body.remove("nik");
        body.put("villageCode", "33.21");
        ask(body).then().statusCode(400).contentType("application/problem+json");
        body.put("villageCode", DEMAK);
        ask(body).then().statusCode(200);
    }

    @Test
    void aPaymentReportedByTheDisbursementServiceShowsAsDibayar() throws Exception {
        var family = household(2);
        family.send();
        DeterminationFlowTestSupport.await(family.id);

        String orderId = UUID.randomUUID().toString();
        var data = new LinkedHashMap<String, Object>();
        data.put("orderId", orderId);
        data.put("planId", UUID.randomUUID().toString());
        data.put("listId", UUID.randomUUID().toString());
        data.put("programCode", "BLTS_KESRA_2025");
        data.put("period", "2025-Q4");
        data.put("householdId", family.id.toString());
        data.put("villageCode", DEMAK);
        data.put("amount", 900000);
        data.put("status", "PAID");
        data.put("at", "2025-11-20T03:00:00Z");
        data.put("reason", null);
        byte[] paid = EventEnvelope.serialize(JSON, "/lumbung/disbursement-service",
                "id.lumbung.disbursement.payment.recorded", orderId, Instant.now(), data);
        // an older failure arriving later does not undo the payment
        var failedData = new HashMap<>(data);
        failedData.put("status", "FAILED");
        failedData.put("at", "2025-11-19T03:00:00Z");
        failedData.put("reason", "ACCOUNT_CLOSED");
        byte[] failed = EventEnvelope.serialize(JSON, "/lumbung/disbursement-service",
                "id.lumbung.disbursement.order.failed", orderId, Instant.now(), failedData);
        TestTopics.send("disbursement.payments.v1", orderId, paid);
        TestTopics.send("disbursement.payments.v1", orderId, failed);
        awaitProcessed("eligibility.disbursement-payments", eventId(failed));

        var body = byNik(nik(family, 0)).then().statusCode(200).extract().jsonPath();
        var blts = program(body, "BLTS_KESRA_2025");
        assertThat(blts.get("status")).isEqualTo("DIBAYAR");
        assertThat(blts.get("paymentStatus")).isEqualTo("PAID");
        assertThat(blts.get("paymentAt")).isEqualTo("2025-11-20T03:00:00Z");
        assertThat(program(body, "PBI_JKN").get("status")).isEqualTo("MEMENUHI_SYARAT");
    }

    private static final java.util.concurrent.atomic.AtomicInteger SERIAL = new java.util.concurrent.atomic.AtomicInteger(1000);

    /**
     * A family of Demak whose head (Slamet Riyadi) and wife (Siti Aminah) have NIKs no other test family has: the
     * serial starts at 1000 here, while {@code RegistryEvents.head()/wife()} serials start with 0.
     */
    static RegistryEvents.Family household(Integer desil, String... headEmployment) {
        return family(DEMAK, desil)
                .member("010785" + SERIAL.incrementAndGet(), "Slamet Riyadi", "MALE", "1985-07-01", "KEPALA_KELUARGA",
                        headEmployment)
                .member("410787" + SERIAL.incrementAndGet(), "Siti Aminah", "FEMALE", "1987-07-01", "ISTRI");
    }

    static String nik(RegistryEvents.Family family, int member) {
        return (String) family.members.get(member).get("nik");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> program(JsonPath body, String code) {
        List<Map<String, Object>> programs = body.getList("programs");
        return programs.stream().filter(p -> code.equals(p.get("programCode"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + body.prettify()));
    }

    static TreeSet<String> keys(String json) {
        try {
            var keys = new TreeSet<String>();
            JSON.readTree(json).fieldNames().forEachRemaining(keys::add);
            return keys;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String eventId(byte[] event) {
        return RegistryEvents.Family.eventId(event);
    }

    void awaitProcessed(String consumer, String eventId) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                    "select count(*) from inbox_event where consumer = ? and event_id = ?")) {
                s.setString(1, consumer);
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
        throw new AssertionError("event " + eventId + " not processed by " + consumer + " within 60 s");
    }

    static String randomWord() {
        var letters = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            letters.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        return letters.substring(0, 1) + letters.substring(1).toLowerCase();
    }
}
