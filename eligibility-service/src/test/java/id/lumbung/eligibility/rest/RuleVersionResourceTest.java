package id.lumbung.eligibility.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import id.lumbung.eligibility.domain.LifeStatus;
import id.lumbung.eligibility.service.HouseholdProjector;
import id.lumbung.eligibility.service.Projected;
import id.lumbung.platform.security.Roles;
import id.lumbung.platform.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A new rule version: drafted and validated, tried against the current data per region (nothing written), then
 * published while the older version stays readable. Everything happens in Kabupaten Malang (35.07), which no
 * other test uses, so the regional variant changes no one else's determinations.
 */
@QuarkusTest
class RuleVersionResourceTest {

    static final Map<String, Object> STRICTER = Map.of("desil", Map.of("min", 1, "max", 5), "exclusions", List.of("ASN"),
            "requires", List.of(Map.of("condition", "VULNERABLE_MEMBER", "elderlyAge", 60, "childUnderAge", 6)));

    @Inject
    HouseholdProjector projector;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aDraftIsTriedPerRegionWithoutWritingAndThenPublished() throws Exception {
        var loses = Projected.in("35.07.01.2001", 2).head("Lukman");
        var gains = Projected.in("35.07.02.2001", 5).head("Gani").child("Gilang", LocalDate.of(2022, 3, 3));
        var stays = Projected.in("35.07.02.2001", 3).head("Sari").child("Sinta", LocalDate.of(2023, 4, 4));
        var never = Projected.in("35.07.01.2001", 2).member("Nanda", "KEPALA_KELUARGA", LocalDate.of(1980, 1, 1),
                LifeStatus.ALIVE, "ASN").child("Nia", LocalDate.of(2022, 1, 1));
        for (var h : List.of(loses, gains, stays, never)) {
            Projected.project(projector, h.household());
        }
        String kemensos = TestTokens.token(Roles.KEMENSOS);
        var body = new java.util.HashMap<String, Object>(Map.of("regionPrefix", "35.07", "period", "2025-Q4",
                "rules", STRICTER, "amountPerMonth", 300000, "months", 3, "lumpSum", true,
                "note", "Malang trial: desil 1-5 with a vulnerable member"));
        int version = given().auth().oauth2(kemensos).contentType("application/json").body(body)
                .when().post("/api/v1/programs/BLTS_KESRA_2025/rule-versions")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/programs/BLTS_KESRA_2025/rule-versions/"))
                .body("status", equalTo("DRAFT"))
                .body("regionPrefix", equalTo("35.07"))
                .extract().path("version");
        assertThat(version).isGreaterThan(1);
        long determinationsBefore = count("select count(*) from determination where village_code like '35.07.%'");

        given().auth().oauth2(kemensos)
                .when().post("/api/v1/programs/BLTS_KESRA_2025/rule-versions/" + version + "/what-if")
                .then().statusCode(200)
                .body("level", equalTo("REGENCY"))
                .body("comparedWith", equalTo(List.of(1)))
                .body("gains", equalTo(1))
                .body("losses", equalTo(1))
                .body("regions", hasSize(1))
                .body("regions[0].regionCode", equalTo("35.07"))
                .body("regions[0].eligibleNow", equalTo(2))
                .body("regions[0].eligibleWithDraft", equalTo(2));
        given().auth().oauth2(kemensos).queryParam("level", "district")
                .when().post("/api/v1/programs/BLTS_KESRA_2025/rule-versions/" + version + "/what-if")
                .then().statusCode(200)
                .body("regions.regionCode", equalTo(List.of("35.07.01", "35.07.02")))
                .body("regions.losses", equalTo(List.of(1, 0)))
                .body("regions.gains", equalTo(List.of(0, 1)));
        assertThat(count("select count(*) from determination where village_code like '35.07.%'")).as("what-if writes nothing").isEqualTo(determinationsBefore);

        given().auth().oauth2(kemensos).when().post("/api/v1/programs/BLTS_KESRA_2025/rule-versions/" + version + "/publish")
                .then().statusCode(200).body("status", equalTo("PUBLISHED"));
        given().auth().oauth2(kemensos).when().post("/api/v1/programs/BLTS_KESRA_2025/rule-versions/" + version + "/publish")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(kemensos).when().post("/api/v1/programs/BLTS_KESRA_2025/rule-versions/" + version + "/what-if")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token(Roles.AUDITOR)).when().get("/api/v1/programs/BLTS_KESRA_2025")
                .then().statusCode(200)
                .body("ruleVersions.find { it.version == 1 }.status", equalTo("PUBLISHED"))
                .body("ruleVersions.find { it.version == " + version + " }.status", equalTo("PUBLISHED"));
        // a household of Malang decided after publishing is decided by the new version
        var later = Projected.in("35.07.01.2001", 5).head("Lestari").member("Mbah", "ORANG_TUA", LocalDate.of(1950, 1, 1),
                LifeStatus.ALIVE);
        Projected.project(projector, later.household());
        given().auth().oauth2(kemensos).queryParam("householdId", later.id().toString()).queryParam("programCode", "BLTS_KESRA_2025")
                .when().get("/api/v1/determinations")
                .then().statusCode(200).body("determinations[0].ruleVersion", equalTo(version))
                .body("determinations[0].eligible", equalTo(true));
    }

    @Test
    void refusals() {
        String kemensos = TestTokens.token(Roles.KEMENSOS);
        var good = Map.of("period", "2025-Q4", "rules", Map.of("desil", Map.of("min", 1, "max", 4)));
        given().contentType("application/json").body(good).when().post("/api/v1/programs/PKH/rule-versions")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token(Roles.DINSOS, "33.20")).contentType("application/json").body(good)
                .when().post("/api/v1/programs/PKH/rule-versions").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(kemensos).contentType("application/json")
                .body(Map.of("period", "2025-Q4", "rules", Map.of("requires", List.of(Map.of("condition", "PUNYA_MOBIL")))))
                .when().post("/api/v1/programs/PKH/rule-versions").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("unknown condition"));
        given().auth().oauth2(kemensos).contentType("application/json")
                .body(Map.of("period", "2025-Q4", "rules", Map.of("desil", Map.of("min", 5, "max", 2))))
                .when().post("/api/v1/programs/PKH/rule-versions").then().statusCode(400);
        given().auth().oauth2(kemensos).contentType("application/json")
                .body(Map.of("period", "2025-Q4", "regionPrefix", "00.07", "rules", Map.of()))
                .when().post("/api/v1/programs/PKH/rule-versions").then().statusCode(400);
        given().auth().oauth2(kemensos).contentType("application/json").body(Map.of("rules", Map.of()))
                .when().post("/api/v1/programs/PKH/rule-versions").then().statusCode(400);
        // a region that does not exist, a key no rule knows, a quarter nobody means
        given().auth().oauth2(kemensos).contentType("application/json")
                .body(Map.of("period", "2025-Q4", "regionPrefix", "99.99", "rules", Map.of()))
                .when().post("/api/v1/programs/PKH/rule-versions").then().statusCode(400).body("field", equalTo("regionPrefix"));
        given().auth().oauth2(kemensos).contentType("application/json")
                .body(Map.of("period", "2025-Q4", "rules", Map.of("desil", Map.of("min", 1, "max", 4), "desill", 3)))
                .when().post("/api/v1/programs/PKH/rule-versions").then().statusCode(400)
                .body("detail", containsString("unknown rule keys [desill]"));
        given().auth().oauth2(kemensos).contentType("application/json")
                .body(Map.of("period", "9999-Q4", "rules", Map.of("desil", Map.of("min", 1, "max", 4))))
                .when().post("/api/v1/programs/PKH/rule-versions").then().statusCode(400);
        given().auth().oauth2(kemensos).contentType("application/json").body(good)
                .when().post("/api/v1/programs/BANSOS_FIKTIF/rule-versions").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(kemensos).when().post("/api/v1/programs/PKH/rule-versions/99/what-if")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(kemensos).when().post("/api/v1/programs/PKH/rule-versions/1/what-if")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(kemensos).queryParam("level", "RT")
                .when().post("/api/v1/programs/PKH/rule-versions/1/what-if").then().statusCode(400);
        given().auth().oauth2(kemensos).when().post("/api/v1/programs/PKH/rule-versions/99/publish")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token(Roles.AUDITOR)).when().post("/api/v1/programs/PKH/rule-versions/1/publish")
                .then().statusCode(403);
    }

    long count(String sql) throws Exception {
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
