package id.lumbung.eligibility.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import id.lumbung.platform.security.Roles;
import id.lumbung.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The seeded programs as operators and integrators read them. */
@QuarkusTest
class ProgramResourceTest {

    @Test
    void everySeededProgramIsListedWithItsPublishedRules() {
        given().auth().oauth2(TestTokens.token(Roles.INTEGRATOR))
                .when().get("/api/v1/programs")
                .then().statusCode(200)
                .body("code", containsInAnyOrder("PKH", "SEMBAKO", "PBI_JKN", "BLT_DD", "BLT_KD", "BLTS_KESRA_2025"))
                .body("find { it.code == 'BLTS_KESRA_2025' }.published[0].amountPerMonth", equalTo(300000))
                .body("find { it.code == 'BLTS_KESRA_2025' }.published[0].months", equalTo(3))
                .body("find { it.code == 'BLTS_KESRA_2025' }.published[0].lumpSum", equalTo(true))
                .body("find { it.code == 'SEMBAKO' }.published", hasSize(2));
    }

    @Test
    void aProgramShowsItsRuleVersionsAndRegionalVariants() {
        given().auth().oauth2(TestTokens.token(Roles.DINSOS, "33.20"))
                .when().get("/api/v1/programs/SEMBAKO")
                .then().statusCode(200)
                .body("ruleVersions", hasSize(2))
                .body("ruleVersions[0].regionPrefix", nullValue())
                .body("ruleVersions[0].amountPerMonth", equalTo(200000))
                .body("ruleVersions[1].version", equalTo(2))
                .body("ruleVersions[1].regionPrefix", equalTo("33.20"))
                .body("ruleVersions[1].status", equalTo("PUBLISHED"))
                .body("ruleVersions[1].rules.desil.max", equalTo(4))
                .body("ruleVersions[1].rules.requires.condition",
                        containsInAnyOrder("VULNERABLE_MEMBER", "INCOME_BELOW_POVERTY_LINE", "NO_OTHER_AID"))
                .body("ruleVersions[1].rules.exclusions", hasItem("ASN"));

        given().auth().oauth2(TestTokens.token(Roles.AUDITOR))
                .when().get("/api/v1/programs/BLTS_KESRA_2025")
                .then().statusCode(200)
                .body("ruleVersions[0].period", equalTo("2025-Q4"))
                .body("ruleVersions[0].totalAmount", equalTo(900000))
                .body("ruleVersions[0].lumpSum", equalTo(true));

        given().auth().oauth2(TestTokens.token(Roles.KEMENSOS))
                .when().get("/api/v1/programs/BLT_KD")
                .then().statusCode(200)
                .body("ruleVersions[0].rules.notCombinedWith", containsInAnyOrder("PKH", "SEMBAKO", "BLT_DD"));
    }

    @Test
    void unknownOrMalformedProgramCodesAreProblems() {
        given().auth().oauth2(TestTokens.token(Roles.KEMENSOS))
                .when().get("/api/v1/programs/BANSOS_FIKTIF")
                .then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token(Roles.KEMENSOS))
                .when().get("/api/v1/programs/sembako!")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void programsNeedAToken() {
        given().when().get("/api/v1/programs").then().statusCode(401);
    }
}
