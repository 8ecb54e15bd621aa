package id.lumbung.complaint.rest;

import static id.lumbung.complaint.rest.Cases.NEIGHBOUR;
import static id.lumbung.complaint.rest.Cases.NIK;
import static id.lumbung.complaint.rest.Cases.VILLAGE;
import static id.lumbung.complaint.rest.Cases.submit;
import static id.lumbung.complaint.rest.Cases.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import id.lumbung.complaint.TestClock;
import id.lumbung.platform.security.Roles;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CaseSubmissionTest {

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void present() {
        TestClock.reset();
    }

    @Test
    void aCitizenSubmitsAnAnonymousAduanAndFollowsItWithTheSecret() {
        var submitted = submit(Cases.aduan(VILLAGE, null, null))
                .statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/cases/ADU-\\d{4}-\\d{6}"))
                .body("number", matchesPattern("ADU-\\d{4}-\\d{6}"))
                .body("secret", not(emptyOrNullString()))
                .body("status", equalTo("SUBMITTED"))
                .body("handledBy.level", equalTo("VILLAGE"))
                .body("handledBy.team", equalTo("desa-" + VILLAGE))
                .body("verifyDueAt", not(emptyOrNullString()))
                .extract();
        String number = submitted.path("number");
        String secret = submitted.path("secret");

        given().queryParam("number", number).queryParam("secret", secret)
                .when().get("/api/v1/cases/track")
                .then().statusCode(200)
                .body("number", equalTo(number))
                .body("status", equalTo("SUBMITTED"))
                .body("reporterNik", nullValue())
                .body("handledBy", equalTo("VILLAGE"));
    }

    @Test
    void aWrongNumberOrSecretGetsTheSameAnswer() {
        var submitted = submit(Cases.aduan(VILLAGE, null, NIK)).statusCode(201).extract();
        String number = submitted.path("number");
        String secret = submitted.path("secret");

        Map<String, Object> wrongSecret = given().queryParam("number", number).queryParam("secret", secret + "x")
                .when().get("/api/v1/cases/track")
                .then().statusCode(404).contentType("application/problem+json").extract().as(Map.class);
        Map<String, Object> wrongNumber = given().queryParam("number", "ADU-1999-000001").queryParam("secret", secret)
                .when().get("/api/v1/cases/track")
                .then().statusCode(404).contentType("application/problem+json").extract().as(Map.class);
        Map<String, Object> garbage = given().queryParam("number", "'; drop table x").queryParam("secret", "s")
                .when().get("/api/v1/cases/track")
                .then().statusCode(404).extract().as(Map.class);
        assertThat(wrongNumber).isEqualTo(wrongSecret).isEqualTo(garbage);
        assertThat(wrongSecret).doesNotContainKey("number");
    }

    @Test
    void theReportersNikIsStoredButShownOnlyMasked() {
        var household = UUID.randomUUID();
        var submitted = submit(Cases.sanggah(VILLAGE, household, VILLAGE)).statusCode(201)
                .body("number", matchesPattern("SGH-\\d{4}-\\d{6}"))
                .body("handledBy.level", equalTo("REGENCY"))
                .body("handledBy.team", equalTo("dinsos-33.20"))
                .extract();
        String number = submitted.path("number");
        String tracked = given().queryParam("number", number).queryParam("secret", submitted.<String>path("secret"))
                .when().get("/api/v1/cases/track")
                .then().statusCode(200)
                .body("reporterNik", equalTo("332001**********"))
                .extract().asString();
        assertThat(tracked).doesNotContain(NIK).doesNotContain("Rumah layak");

        String operatorView = Cases.get(token(Roles.DINSOS, "33.20"), number).statusCode(200)
                .body("reporter.nik", equalTo("332001**********"))
                .body("reporter.anonymous", equalTo(false))
                .body("sanggah.latitude", equalTo(-6.5887f))
                .extract().asString();
        assertThat(operatorView).doesNotContain(NIK);
    }

    @Test
    void badInputIsRefusedWithProblemJsonAndNothingIsWritten() {
        submit("{\"channel\": \"APP\", \"villageCode\": \"" + VILLAGE + "\"}")
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("type"))
                .body("violations.field", hasItem("description"));
        submit(Cases.aduan("33.20.01", null, null))
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("villageCode"));
        submit(Cases.aduan("99.99.99.9999x", null, null))
                .statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("regionCode"));
        submit(Cases.aduan(VILLAGE, null, "3320013207850001"))
                .statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("nik"));
        submit(Cases.aduan(VILLAGE, null, null).replace("\"ADUAN\"", "\"GOSSIP\""))
                .statusCode(400).contentType("application/problem+json");
        // well formed, but no such village in the Kemendagri list
        submit(Cases.aduan("33.20.01.2999", null, null))
                .statusCode(400).contentType("application/problem+json").body("field", equalTo("villageCode"));
        submit("{\"type\": \"ADUAN\",").statusCode(400).contentType("application/problem+json");

        var household = UUID.randomUUID();
        // a sanggah is not anonymous, and only about one's own village
        submit(Cases.sanggah(VILLAGE, household, VILLAGE).replaceAll("\"reporter\": \\{[^}]*},", ""))
                .statusCode(400).body("violations.field", hasItem("reporter"));
        submit(Cases.sanggah(VILLAGE, household, NEIGHBOUR))
                .statusCode(400).body("violations.field", hasItem("reporter.villageCode"))
                .body("detail", containsString("own village"));
        submit(Cases.simple("TOLAK", "APP", VILLAGE, null))
                .statusCode(400).body("violations.field", hasItem("householdId"));
        assertThat(casesAbout(household)).isZero();
    }

    @Test
    void walkInCasesAreEnteredByAnOperatorOfThatVillage() {
        String walkIn = Cases.simple("USUL", "WALK_IN", VILLAGE, null);
        submit(walkIn).statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(token(Roles.PETUGAS_BAYAR, "33.20")).contentType(ContentType.JSON).body(walkIn)
                .when().post("/api/v1/cases").then().statusCode(403);
        given().auth().oauth2(token(Roles.OPERATOR_DESA, NEIGHBOUR)).contentType(ContentType.JSON).body(walkIn)
                .when().post("/api/v1/cases").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(token(Roles.OPERATOR_DESA, VILLAGE)).contentType(ContentType.JSON).body(walkIn)
                .when().post("/api/v1/cases").then().statusCode(201)
                .body("number", matchesPattern("USL-\\d{4}-\\d{6}"));
        given().auth().oauth2("not-a-token").contentType(ContentType.JSON).body(Cases.aduan(VILLAGE, null, null))
                .when().post("/api/v1/cases").then().statusCode(401);
    }

    @Test
    void theOpenApiDocumentSaysWhatTheServiceOwns() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo("Lumbung complaint-service"))
                .body("info.description", containsString("sanggah"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/cases/{number}/actions"));
    }

    private long casesAbout(UUID household) {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement("select count(*) from complaint_case where household_id = ?")) {
            s.setObject(1, household);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
