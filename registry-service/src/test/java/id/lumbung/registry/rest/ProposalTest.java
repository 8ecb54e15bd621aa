package id.lumbung.registry.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import id.lumbung.platform.security.Roles;
import id.lumbung.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProposalTest {

    static final String VILLAGE = "33.20.06.1001";
    static final String OPERATOR = TestTokens.token(Roles.OPERATOR_DESA, VILLAGE);
    static final String DINSOS = TestTokens.token(Roles.DINSOS, "33.20");
    static final String MUSDES = """
            "musdes": {"beritaAcaraRef": "BA/MUSDES/412/2025", "date": "2025-10-02", "attendance": 37}""";

    static String propose(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"household\": " + Households.family(VILLAGE, 2) + ", " + MUSDES + "}")
                .when().post("/api/v1/proposals/new-households")
                .then().extract().path("id");
    }

    @Test
    void aVillageProposesDinsosVerifiesAndApprovalRegistersTheFamily() {
        String id = propose(OPERATOR);
        given().auth().oauth2(DINSOS).contentType(ContentType.JSON).body("{\"approve\": true, \"reason\": \"ok\"}")
                .when().post("/api/v1/proposals/" + id + "/decision")
                .then().statusCode(409).body("detail", org.hamcrest.Matchers.containsString("field check"));
        given().auth().oauth2(TestTokens.token(Roles.DINSOS, "33.21")).contentType(ContentType.JSON)
                .body("{\"result\": \"SESUAI\", \"notes\": \"rumah sesuai\"}")
                .when().post("/api/v1/proposals/" + id + "/verification")
                .then().statusCode(403);
        given().auth().oauth2(DINSOS).contentType(ContentType.JSON)
                .body("{\"result\": \"SESUAI\", \"notes\": \"rumah semi permanen, lantai tanah\"}")
                .when().post("/api/v1/proposals/" + id + "/verification")
                .then().statusCode(200).body("status", equalTo("VERIFIED"));
        String household = given().auth().oauth2(DINSOS).contentType(ContentType.JSON)
                .body("{\"approve\": true, \"reason\": \"layak, sesuai musdes\"}")
                .when().post("/api/v1/proposals/" + id + "/decision")
                .then().statusCode(200).body("status", equalTo("APPROVED"))
                .body("appliedHouseholdId", notNullValue()).extract().path("appliedHouseholdId");
        given().auth().oauth2(OPERATOR).when().get("/api/v1/households/" + household)
                .then().statusCode(200).body("villageCode", equalTo(VILLAGE));
        given().auth().oauth2(DINSOS).contentType(ContentType.JSON).body("{\"approve\": false, \"reason\": \"late\"}")
                .when().post("/api/v1/proposals/" + id + "/decision")
                .then().statusCode(409);

        // the list shows it to the office, filtered by status and region
        given().auth().oauth2(DINSOS).queryParam("status", "APPROVED").queryParam("region", "33.20")
                .when().get("/api/v1/proposals")
                .then().statusCode(200).body("id", org.hamcrest.Matchers.hasItem(id));
        given().auth().oauth2(DINSOS).when().get("/api/v1/proposals").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItem(id));
    }

    @Test
    void aProposalIsHeldToTheRulesOfARegistrationWhenItIsMade() {
        // day 32 of month 13 is no birth date: the NIK is refused now, not at the decision
        String family = Households.family(VILLAGE, 2);
        String badNik = family.replaceFirst("\"nik\": \"3320060107850(\\d{3})\"", "\"nik\": \"3320063213850$1\"");
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body("{\"household\": " + badNik + ", " + MUSDES + "}")
                .when().post("/api/v1/proposals/new-households")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aFieldCheckThatDisagreesEndsInRejection() {
        String id = propose(OPERATOR);
        given().auth().oauth2(DINSOS).contentType(ContentType.JSON)
                .body("{\"result\": \"TIDAK_SESUAI\", \"notes\": \"rumah permanen, mobil\"}")
                .when().post("/api/v1/proposals/" + id + "/verification").then().statusCode(200);
        given().auth().oauth2(DINSOS).contentType(ContentType.JSON).body("{\"approve\": true, \"reason\": \"x\"}")
                .when().post("/api/v1/proposals/" + id + "/decision").then().statusCode(409);
        given().auth().oauth2(DINSOS).contentType(ContentType.JSON)
                .body("{\"approve\": false, \"reason\": \"tidak memenuhi kriteria\"}")
                .when().post("/api/v1/proposals/" + id + "/decision")
                .then().statusCode(200).body("status", equalTo("REJECTED")).body("appliedHouseholdId", equalTo(null));
    }

    @Test
    void anOperatorProposesOnlyInItsOwnVillageAndOnlyWithMinutes() {
        given().auth().oauth2(TestTokens.token(Roles.OPERATOR_DESA, "33.20.06.1002")).contentType(ContentType.JSON)
                .body("{\"household\": " + Households.family(VILLAGE, 2) + ", " + MUSDES + "}")
                .when().post("/api/v1/proposals/new-households")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body("{\"household\": " + Households.family(VILLAGE, 2) + "}")
                .when().post("/api/v1/proposals/new-households")
                .then().statusCode(400).body("violations.field", org.hamcrest.Matchers.hasItem("musdes"));
        given().auth().oauth2(DINSOS).contentType(ContentType.JSON)
                .body("{\"household\": " + Households.family(VILLAGE, 2) + ", " + MUSDES + "}")
                .when().post("/api/v1/proposals/new-households")
                .then().statusCode(403);
    }
}
