package id.lumbung.registry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import id.lumbung.platform.security.Roles;
import id.lumbung.platform.testing.TestTokens;
import id.lumbung.platform.testing.TestTopics;
import id.lumbung.registry.TestClock;
import id.lumbung.registry.events.HouseholdEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HouseholdChangeTest {

    static final String VILLAGE = "33.20.06.1001";
    static final String OPERATOR = TestTokens.token(Roles.OPERATOR_DESA, VILLAGE);
    static final String UPDATE = """
            {"address": "Jl. Pemuda 9", "rt": "004", "rw": "001",
             "socioEconomic": {"floorAreaM2": 54.0, "wallType": "TEMBOK", "electricityVa": 900, "kksCard": false},
             "reason": "pindah rumah dalam kelurahan"}""";

    static String register(String body) {
        return given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/households").then().statusCode(201).extract().path("id");
    }

    @Test
    void changesNeedTheCurrentETagAndKeepTheirHistory() {
        var registeredOn = LocalDate.ofInstant(TestClock.CLOCK.instant(), ZoneOffset.UTC);
        String id = register(Households.family(VILLAGE, 3));

        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(UPDATE)
                .when().put("/api/v1/households/" + id)
                .then().statusCode(428).contentType("application/problem+json");

        TestClock.CLOCK.advance(Duration.ofDays(3));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(UPDATE).header("If-Match", "\"0\"")
                .when().put("/api/v1/households/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("address", equalTo("Jl. Pemuda 9"))
                .body("socioEconomic.electricityVa", equalTo(900));

        // a second writer still holding version 0 is refused, and nothing changes
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body(UPDATE.replace("Jl. Pemuda 9", "Jl. Lain")).header("If-Match", "\"0\"")
                .when().put("/api/v1/households/" + id)
                .then().statusCode(412).contentType("application/problem+json");

        given().auth().oauth2(OPERATOR).when().get("/api/v1/households/" + id)
                .then().statusCode(200).body("address", equalTo("Jl. Pemuda 9")).header("ETag", equalTo("\"1\""));

        // point in time: as recorded at registration, and after the change
        given().auth().oauth2(OPERATOR).queryParam("asOf", registeredOn.toString())
                .when().get("/api/v1/households/" + id)
                .then().statusCode(200).body("address", equalTo("Jl. Kartini No. 5")).body("version", equalTo(0));
        given().auth().oauth2(OPERATOR).queryParam("asOf", registeredOn.plusDays(3).toString())
                .when().get("/api/v1/households/" + id)
                .then().statusCode(200).body("address", equalTo("Jl. Pemuda 9"));
        given().auth().oauth2(OPERATOR).queryParam("asOf", registeredOn.minusDays(1).toString())
                .when().get("/api/v1/households/" + id)
                .then().statusCode(404);

        var updated = TestTopics.await(HouseholdEvents.TOPIC,
                r -> id.equals(r.key()) && r.event().get("type").asText().equals(HouseholdEvents.UPDATED),
                Duration.ofSeconds(30));
        assertThat(updated.event().get("data").get("version").asLong()).isEqualTo(1);
    }

    @Test
    void anOperatorCannotReadOrChangeAnotherVillagesFamily() {
        String id = register(Households.family(VILLAGE, 3));
        String other = TestTokens.token(Roles.OPERATOR_DESA, "33.20.06.1002");
        given().auth().oauth2(other).when().get("/api/v1/households/" + id).then().statusCode(403);
        given().auth().oauth2(other).contentType(ContentType.JSON).body(UPDATE).header("If-Match", "\"0\"")
                .when().put("/api/v1/households/" + id).then().statusCode(403);
        given().auth().oauth2(TestTokens.token(Roles.DINSOS, "33.21")).when().get("/api/v1/households/" + id)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.token(Roles.AUDITOR)).when().get("/api/v1/households/" + id)
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.token(Roles.AUDITOR)).contentType(ContentType.JSON).body(UPDATE)
                .header("If-Match", "\"0\"").when().put("/api/v1/households/" + id).then().statusCode(403);
    }

    @Test
    void desilComesPerQuarterWithItsHistory() {
        String id = register(Households.family(VILLAGE, 5));
        String ministry = TestTokens.token(Roles.KEMENSOS);
        given().auth().oauth2(ministry).contentType(ContentType.JSON)
                .body("{\"desil\": 4, \"desilPeriod\": \"2026-Q1\", \"source\": \"DTSEN triwulan 1 2026\"}")
                .when().put("/api/v1/households/" + id + "/desil")
                .then().statusCode(200).body("desil", equalTo(4)).body("desilPeriod", equalTo("2026-Q1"));
        given().auth().oauth2(ministry).contentType(ContentType.JSON)
                .body("{\"desil\": 2, \"desilPeriod\": \"2025-Q3\", \"source\": \"late file\"}")
                .when().put("/api/v1/households/" + id + "/desil")
                .then().statusCode(409);
        given().auth().oauth2(ministry).contentType(ContentType.JSON)
                .body("{\"desil\": 2, \"source\": \"half\"}")
                .when().put("/api/v1/households/" + id + "/desil")
                .then().statusCode(400);
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body("{\"desil\": 1, \"desilPeriod\": \"2026-Q2\", \"source\": \"operator\"}")
                .when().put("/api/v1/households/" + id + "/desil")
                .then().statusCode(403);
        given().auth().oauth2(OPERATOR).when().get("/api/v1/households/" + id + "/desil-history")
                .then().statusCode(200).body("desil", equalTo(java.util.List.of(5, 4)))
                .body("desilPeriod", hasItems("2025-Q4", "2026-Q1"));
    }

    @Test
    void searchFindsByNikKkMisspelledNameAndDesilBandWithinScope() {
        String body = Households.family(VILLAGE, 2);
        String id = register(body);
        String nik = body.replaceAll("(?s).*\"nik\": \"(\\d{16})\".*\"nik\".*", "$1");
        String noKk = body.replaceAll("(?s).*\"noKk\": \"(\\d{16})\".*", "$1");
        String dinsos = TestTokens.token(Roles.DINSOS, "33.20");

        given().auth().oauth2(dinsos).queryParam("nik", nik).when().get("/api/v1/households")
                .then().statusCode(200).body("items.id", equalTo(java.util.List.of(id))).body("total", equalTo(1));
        given().auth().oauth2(dinsos).queryParam("noKk", noKk).when().get("/api/v1/households")
                .then().statusCode(200).body("items[0].id", equalTo(id));
        given().auth().oauth2(dinsos).queryParam("name", "slamet riyadhi").queryParam("region", "33.20.06")
                .when().get("/api/v1/households")
                .then().statusCode(200).body("items.id", hasItems(id));
        given().auth().oauth2(dinsos).queryParam("region", VILLAGE).queryParam("desilMin", 1).queryParam("desilMax", 2)
                .queryParam("size", 500).when().get("/api/v1/households")
                .then().statusCode(200).body("items.id", hasItems(id));
        given().auth().oauth2(dinsos).queryParam("region", VILLAGE).queryParam("desilMin", 6)
                .queryParam("size", 500).when().get("/api/v1/households")
                .then().statusCode(200).body("items.findAll { it.id == '" + id + "' }", hasSize(0));
        // out of scope: another regency sees nothing of Jepara
        given().auth().oauth2(TestTokens.token(Roles.DINSOS, "33.21")).queryParam("nik", nik)
                .when().get("/api/v1/households")
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(dinsos).queryParam("name", "slamet").when().get("/api/v1/households")
                .then().statusCode(400).contentType("application/problem+json");
        // a malformed region code inside a transactional service is still the caller's mistake
        given().auth().oauth2(dinsos).queryParam("region", "33.2").when().get("/api/v1/households")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("regionCode"));
    }
}
