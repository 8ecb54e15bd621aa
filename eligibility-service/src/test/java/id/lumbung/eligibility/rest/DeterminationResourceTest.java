package id.lumbung.eligibility.rest;

import static id.lumbung.eligibility.events.RegistryEvents.family;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import id.lumbung.eligibility.events.RegistryEvents;
import id.lumbung.platform.security.Roles;
import id.lumbung.platform.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may read a household's determinations, and what a bad request gets back. */
@QuarkusTest
class DeterminationResourceTest {

    static final String VILLAGE = "33.20.06.1001";

    @Inject
    AgroalDataSource dataSource;

    RegistryEvents.Family family;

    @BeforeEach
    void aProjectedHousehold() {
        family = family(VILLAGE, 1).head().wife();
        family.send();
        id.lumbung.eligibility.events.DeterminationFlowTestSupport.await(family.id);
    }

    @Test
    void anOperatorOfTheVillageReadsItAndTheReadIsAudited() throws Exception {
        given().auth().oauth2(TestTokens.token(Roles.OPERATOR_DESA, VILLAGE))
                .queryParam("householdId", family.id.toString())
                .when().get("/api/v1/determinations")
                .then().statusCode(200)
                .body("householdId", equalTo(family.id.toString()))
                .body("villageCode", equalTo(VILLAGE))
                .body("desil", equalTo(1))
                .body("determinations", hasSize(6))
                .body("determinations.programCode", hasItem("SEMBAKO"));

        given().auth().oauth2(TestTokens.token(Roles.DINSOS, "33.20"))
                .queryParam("householdId", family.id.toString()).queryParam("programCode", "BLTS_KESRA_2025")
                .queryParam("period", "2025-Q4")
                .when().get("/api/v1/determinations")
                .then().statusCode(200)
                .body("determinations", hasSize(1))
                .body("determinations[0].eligible", equalTo(true));

        try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                "select actor, action from audit_log where subject = 'household' and subject_id = ?")) {
            s.setString(1, family.id.toString());
            try (var rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(2)).isEqualTo("READ");
            }
        }
    }

    @Test
    void anotherVillagesOperatorIsRefused() {
        given().auth().oauth2(TestTokens.token(Roles.OPERATOR_DESA, "33.20.06.1002"))
                .queryParam("householdId", family.id.toString())
                .when().get("/api/v1/determinations")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403))
                .body("detail", containsString("outside your scope"));
        given().auth().oauth2(TestTokens.token(Roles.DINSOS, "33.21"))
                .queryParam("householdId", family.id.toString())
                .when().get("/api/v1/determinations")
                .then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void badInputIsAProblem() {
        String token = TestTokens.token(Roles.KEMENSOS);
        given().auth().oauth2(token).queryParam("householdId", "rumah-pak-slamet")
                .when().get("/api/v1/determinations")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("householdId"));
        given().auth().oauth2(token)
                .when().get("/api/v1/determinations")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("householdId"));
        given().auth().oauth2(token).queryParam("householdId", family.id.toString()).queryParam("period", "Q4")
                .when().get("/api/v1/determinations")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("period"));
        given().auth().oauth2(token).queryParam("householdId", UUID.randomUUID().toString())
                .when().get("/api/v1/determinations")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("instance", notNullValue());
    }

    @Test
    void withoutATokenOrWithTheWrongRoleNothingIsShown() {
        given().queryParam("householdId", family.id.toString())
                .when().get("/api/v1/determinations").then().statusCode(401);
        given().auth().oauth2(TestTokens.token(Roles.PETUGAS_BAYAR, VILLAGE)).queryParam("householdId", family.id.toString())
                .when().get("/api/v1/determinations").then().statusCode(403);
    }
}
