package id.lumbung.eligibility.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import id.lumbung.eligibility.domain.LifeStatus;
import id.lumbung.eligibility.events.BeneficiaryListEvents;
import id.lumbung.eligibility.service.HouseholdProjector;
import id.lumbung.eligibility.service.Projected;
import id.lumbung.platform.id.Masking;
import id.lumbung.platform.security.Roles;
import id.lumbung.platform.testing.TestTokens;
import id.lumbung.platform.testing.TestTopics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Penetapan: priority and quotas, four eyes, the frozen snapshot, the published chunks, and the refusals. */
@QuarkusTest
class BeneficiaryListResourceTest {

    static final String LUMAJANG = "35.08";
    static final Set<String> CONTRACT_FIELDS = Set.of("listId", "programCode", "period", "regionCode", "amountPerMonth",
            "months", "lumpSum", "finalizedAt", "chunkIndex", "chunkCount", "totalBeneficiaries", "beneficiaries");

    @Inject
    HouseholdProjector projector;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aDraftRanksByDesilThenVulnerableMembersWithinQuotasAndApprovalFreezesAndPublishesIt() throws Exception {
        var a = Projected.in("35.08.01.2001", 1).head("Adi").wife("Ani");
        var b = Projected.in("35.08.01.2001", 1).head("Budi").child("Bayu", LocalDate.of(2021, 1, 1));
        var c = Projected.in("35.08.01.2002", 2).head("Candra").wife("Citra");
        var d = Projected.in("35.08.01.2001", 3).head("Dodi");
        var e = Projected.in("35.08.02.2001", 4).head("Eko");
        var f = Projected.in("35.08.02.2001", 7).head("Fajar");
        var g = Projected.in("35.08.02.2001", 2).member("Gunawan", "KEPALA_KELUARGA", LocalDate.of(1970, 1, 1), LifeStatus.DECEASED)
                .child("Galih", LocalDate.of(2015, 1, 1)).wife("Gita");
        for (var h : List.of(a, b, c, d, e, f, g)) {
            Projected.project(projector, h.household());
        }

        var drafter = TestTokens.token("dinsos-lumajang-1", Set.of(Roles.DINSOS), List.of(LUMAJANG));
        var list = given().auth().oauth2(drafter).contentType("application/json")
                .body(Map.of("programCode", "BLTS_KESRA_2025", "period", "2025-Q4", "regionCode", LUMAJANG,
                        "quotas", Map.of("35.08.01", 2)))
                .when().post("/api/v1/beneficiary-lists")
                .then().statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("totalBeneficiaries", equalTo(4))
                .body("amountPerMonth", equalTo(300000))
                .body("months", equalTo(3))
                .body("lumpSum", equalTo(true))
                .extract().jsonPath();
        String id = list.getString("id");

        var page = given().auth().oauth2(drafter).queryParam("size", 10)
                .when().get("/api/v1/beneficiary-lists/" + id + "/beneficiaries")
                .then().statusCode(200).body("total", equalTo(4)).body("items", hasSize(4)).extract().jsonPath();
        // desil 1 with a young child, desil 1, then district 01's quota is spent; desil 2 before desil 4 in district 02
        assertThat(page.getList("items.householdId")).containsExactly(b.id().toString(), a.id().toString(),
                g.id().toString(), e.id().toString());
        assertThat(page.getList("items.vulnerableMembers")).containsExactly(1, 0, 0, 0);
        assertThat(page.getString("items[0].recipientNik")).isEqualTo(Masking.nik(b.memberAt(0).nik())).contains("*");
        assertThat(page.getString("items[0].members[1].nik")).contains("*");
        // the head of G is deceased: his wife, an adult, receives
        assertThat(page.getString("items[2].recipientName")).isEqualTo("GITA");

        // four eyes, and only the regency's own Dinas Sosial
        given().auth().oauth2(drafter).when().post("/api/v1/beneficiary-lists/" + id + "/approval")
                .then().statusCode(403).contentType("application/problem+json").body("detail", containsString("other than"));
        given().auth().oauth2(TestTokens.token("dinsos-malang", Set.of(Roles.DINSOS), List.of("35.07")))
                .when().post("/api/v1/beneficiary-lists/" + id + "/approval")
                .then().statusCode(403).contentType("application/problem+json");
        var approver = TestTokens.token("dinsos-lumajang-2", Set.of(Roles.DINSOS), List.of(LUMAJANG));
        given().auth().oauth2(approver).when().post("/api/v1/beneficiary-lists/" + id + "/approval")
                .then().statusCode(200).body("status", equalTo("FINALIZED")).body("approvedBy", equalTo("dinsos-lumajang-2"));
        given().auth().oauth2(TestTokens.token(Roles.KEMENSOS)).when().post("/api/v1/beneficiary-lists/" + id + "/approval")
                .then().statusCode(409).contentType("application/problem+json");

        // published in chunks of (in tests) two, exactly in the contract's shape, with the unmasked recipient
        var chunks = TestTopics.readUntil(BeneficiaryListEvents.TOPIC,
                rs -> rs.stream().filter(r -> id.equals(r.key())).count() >= 2, Duration.ofSeconds(30))
                .stream().filter(r -> id.equals(r.key())).map(TestTopics.Record::event).toList();
        assertThat(chunks).hasSize(2);
        for (var event : chunks) {
            assertThat(event.get("type").asText()).isEqualTo(BeneficiaryListEvents.FINALIZED);
            var fields = new TreeSet<String>();
            event.get("data").fieldNames().forEachRemaining(fields::add);
            assertThat(fields).isEqualTo(new TreeSet<>(CONTRACT_FIELDS));
            assertThat(event.get("data").get("chunkCount").asInt()).isEqualTo(2);
            assertThat(event.get("data").get("totalBeneficiaries").asInt()).isEqualTo(4);
            assertThat(event.get("data").get("beneficiaries").size()).isEqualTo(2);
        }
        JsonNode first = chunks.stream().filter(ev -> ev.get("data").get("chunkIndex").asInt() == 0).findFirst().orElseThrow()
                .get("data");
        assertThat(first.get("regionCode").asText()).isEqualTo(LUMAJANG);
        var top = first.get("beneficiaries").get(0);
        assertThat(top.get("householdId").asText()).isEqualTo(b.id().toString());
        assertThat(top.get("recipientNik").asText()).isEqualTo(b.memberAt(0).nik());
        assertThat(top.get("recipientName").asText()).isEqualTo("BUDI");
        assertThat(top.get("desil").asInt()).isEqualTo(1);
        assertThat(top.get("kksCard").asBoolean()).isTrue();
        assertThat(top.get("members").get(1).get("nik").asText()).isEqualTo(b.memberAt(1).nik());
        assertThat(top.get("members").get(1).get("relationship").asText()).isEqualTo("ANAK");

        // a later registry change does not alter the frozen list; the aid is recorded for no-double-aid rules
        Projected.project(projector, b.changed(9));
        given().auth().oauth2(TestTokens.token(Roles.AUDITOR)).when().get("/api/v1/beneficiary-lists/" + id + "/beneficiaries")
                .then().statusCode(200).body("items[0].householdId", equalTo(b.id().toString()))
                .body("items[0].desil", equalTo(1));
        try (var conn = dataSource.getConnection(); var s = conn.prepareStatement(
                "select count(*) from aid_receipt where program_code = 'BLTS_KESRA_2025' and household_id = any (?)")) {
            s.setArray(1, conn.createArrayOf("uuid", new Object[] { a.id(), b.id(), e.id(), g.id(), c.id() }));
            try (var rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(4);
            }
        }
        // listed households are not listed twice: nothing is left in the regency but C and D, cut by the quota
        given().auth().oauth2(TestTokens.token(Roles.KEMENSOS)).contentType("application/json")
                .body(Map.of("programCode", "BLTS_KESRA_2025", "period", "2025-Q4", "regionCode", LUMAJANG))
                .when().post("/api/v1/beneficiary-lists")
                .then().statusCode(201).body("totalBeneficiaries", equalTo(2));
    }

    @Test
    void refusals() {
        String kemensos = TestTokens.token(Roles.KEMENSOS);
        String dinsos = TestTokens.token("dinsos-probolinggo", Set.of(Roles.DINSOS), List.of("35.13"));
        var good = Map.of("programCode", "BLTS_KESRA_2025", "period", "2025-Q4", "regionCode", "35.13");
        given().contentType("application/json").body(good).when().post("/api/v1/beneficiary-lists")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token(Roles.OPERATOR_DESA, "35.13.01.2001")).contentType("application/json")
                .body(good).when().post("/api/v1/beneficiary-lists").then().statusCode(403);
        given().auth().oauth2(kemensos).contentType("application/json").body(Map.of("programCode", "BLTS_KESRA_2025"))
                .when().post("/api/v1/beneficiary-lists").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(kemensos).contentType("application/json")
                .body(Map.of("programCode", "BLTS_KESRA_2025", "period", "2025-Q4", "regionCode", "00.13"))
                .when().post("/api/v1/beneficiary-lists").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(kemensos).contentType("application/json")
                .body(Map.of("programCode", "BLTS_KESRA_2025", "period", "2025-Q4", "regionCode", "35.13",
                        "quotas", Map.of("35.14.01", 5)))
                .when().post("/api/v1/beneficiary-lists").then().statusCode(400).body("detail", containsString("not within"));
        given().auth().oauth2(kemensos).contentType("application/json")
                .body(Map.of("programCode", "BLTS_KESRA_2025", "period", "2025-Q4", "regionCode", "35.13",
                        "quotas", Map.of("35.13.01", 5, "35.13.01.2001", 1)))
                .when().post("/api/v1/beneficiary-lists").then().statusCode(400).body("detail", containsString("overlap"));
        given().auth().oauth2(dinsos).contentType("application/json")
                .body(Map.of("programCode", "BLTS_KESRA_2025", "period", "2025-Q4", "regionCode", "35"))
                .when().post("/api/v1/beneficiary-lists").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(dinsos).contentType("application/json")
                .body(Map.of("programCode", "BLTS_KESRA_2025", "period", "2025-Q4", "regionCode", "35.14"))
                .when().post("/api/v1/beneficiary-lists").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(kemensos).contentType("application/json")
                .body(Map.of("programCode", "BANSOS_FIKTIF", "period", "2025-Q4", "regionCode", "35.13"))
                .when().post("/api/v1/beneficiary-lists").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(dinsos).contentType("application/json").body(good)
                .when().post("/api/v1/beneficiary-lists").then().statusCode(409).body("detail", containsString("no eligible"));
        given().auth().oauth2(kemensos).contentType("application/json")
                .body(Map.of("programCode", "PKH", "period", "2025-Q4", "regionCode", "35.13"))
                .when().post("/api/v1/beneficiary-lists").then().statusCode(409).body("detail", containsString("single amount"));
        given().auth().oauth2(kemensos).when().post("/api/v1/beneficiary-lists/" + UUID.randomUUID() + "/approval")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(kemensos).when().post("/api/v1/beneficiary-lists/nope/approval")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(kemensos).when().get("/api/v1/beneficiary-lists/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(kemensos).queryParam("size", 501)
                .when().get("/api/v1/beneficiary-lists/" + UUID.randomUUID() + "/beneficiaries")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
