package id.lumbung.registry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import id.lumbung.platform.security.Roles;
import id.lumbung.platform.testing.TestTokens;
import id.lumbung.platform.testing.TestTopics;
import id.lumbung.registry.events.HouseholdEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HouseholdResourceTest {

    static final String VILLAGE = "33.20.06.1001";

    @Test
    void registersAFamilyAndPublishesItsStateThroughTheBroker() {
        String id = given().auth().oauth2(TestTokens.token(Roles.OPERATOR_DESA, VILLAGE))
                .contentType(ContentType.JSON).body(Households.family(VILLAGE, 3))
                .when().post("/api/v1/households")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/households/"))
                .header("ETag", equalTo("\"0\""))
                .body("members", hasSize(2))
                .body("members.relationship", hasItem("KEPALA_KELUARGA"))
                .body("desil", equalTo(3))
                .extract().path("id");

        given().auth().oauth2(TestTokens.token(Roles.DINSOS, "33.20"))
                .when().get("/api/v1/households/" + id)
                .then().statusCode(200)
                .body("members[1].fullName", equalTo("SITI AMINAH"))
                .body("members[1].employment", hasItem("PERANGKAT_DESA"));

        var record = TestTopics.await(HouseholdEvents.TOPIC, r -> id.equals(r.key()), Duration.ofSeconds(30));
        assertThat(record.event().get("type").asText()).isEqualTo(HouseholdEvents.REGISTERED);
        assertThat(record.event().get("source").asText()).isEqualTo("/lumbung/registry-service");
        assertThat(record.event().get("data").get("villageCode").asText()).isEqualTo(VILLAGE);
        assertThat(record.event().get("data").get("members")).hasSize(2);
    }

    @Test
    void refusesAFamilyWhoseNikContradictsItsMembers() {
        String body = Households.family(VILLAGE, 2).replace("\"birthDate\": \"1987-07-01\"", "\"birthDate\": \"1987-07-02\"");
        given().auth().oauth2(TestTokens.token(Roles.OPERATOR_DESA, VILLAGE))
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/households")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.code", hasItem("NIK_MISMATCH"))
                .body("violations.field", hasItem("members[1].nik"));
    }

    @Test
    void refusesMalformedInputWithProblemJson() {
        given().auth().oauth2(TestTokens.token(Roles.OPERATOR_DESA, VILLAGE))
                .contentType(ContentType.JSON).body("{\"noKk\": \"12\", \"villageCode\": \"33\", \"members\": []}")
                .when().post("/api/v1/households")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Request is not valid"))
                .body("violations.field", hasItem("noKk"))
                .body("violations.field", hasItem("members"));

        given().auth().oauth2(TestTokens.token(Roles.OPERATOR_DESA, VILLAGE))
                .contentType(ContentType.JSON).body("{\"desil\": \"tinggi\"")
                .when().post("/api/v1/households")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void refusesFieldsLargerThanAnyConsumerCanStoreAndWritesNothing() {
        String family = Households.family(VILLAGE, 3);
        String noKk = family.substring(family.indexOf("\"noKk\": \"") + 9, family.indexOf("\"noKk\": \"") + 25);
        var bodies = java.util.List.of(
                family.replace("\"wallType\": \"BAMBU\"", "\"wallType\": \"" + "B".repeat(1_001) + "\""),
                family.replace("\"Slamet Riyadi\"", "\"" + "S".repeat(6_477) + "\""),
                family.replace("[\"SEPEDA_MOTOR\"]", "[" + String.join(", ", java.util.Collections.nCopies(51, "\"TV\"")) + "]"),
                family.replace("\"floorAreaM2\": 36.0", "\"floorAreaM2\": 1e30"),
                family.replace("\"electricityVa\": 450", "\"electricityVa\": 2000000000"),
                family.replace("\"desil\": 3", "\"desil\": \"3\""),
                family.replace("\"desil\": 3", "\"desil\": 2.5"),
                family.replace("\"2025-Q4\"", "\"9999-Q4\""),
                family.replace(noKk, "0000000000000000"),
                family.replace(noKk, "3399990101250001"));
        for (String body : bodies) {
            given().auth().oauth2(TestTokens.token(Roles.OPERATOR_DESA, VILLAGE))
                    .contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/households")
                    .then().statusCode(400)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(TestTokens.token(Roles.KEMENSOS)).header("X-Purpose", "verifikasi data").queryParam("noKk", noKk)
                .when().get("/api/v1/households").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void anOperatorOnlyRegistersInItsOwnVillage() {
        given().auth().oauth2(TestTokens.token(Roles.OPERATOR_DESA, "33.20.01.2001"))
                .contentType(ContentType.JSON).body(Households.family(VILLAGE, 3))
                .when().post("/api/v1/households")
                .then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void aPersonIsInOneHouseholdAtATime() {
        String first = Households.family(VILLAGE, 4);
        given().auth().oauth2(TestTokens.token(Roles.KEMENSOS))
                .contentType(ContentType.JSON).body(first)
                .when().post("/api/v1/households").then().statusCode(201);
        // same members, another KK
        String second = first.replaceFirst("\"noKk\": \"332006010120(\\d{4})\"", "\"noKk\": \"3320060101209999\"");
        given().auth().oauth2(TestTokens.token(Roles.KEMENSOS))
                .contentType(ContentType.JSON).body(second)
                .when().post("/api/v1/households")
                .then().statusCode(409)
                .body("niks", hasSize(2))
                .body("detail", containsString("332006**********"));
    }

    @Test
    void withoutATokenNothingIsShownOrWritten() {
        given().contentType(ContentType.JSON).body(Households.family(VILLAGE, 3))
                .when().post("/api/v1/households").then().statusCode(401);
        given().auth().oauth2(TestTokens.token(Roles.PETUGAS_BAYAR))
                .contentType(ContentType.JSON).body(Households.family(VILLAGE, 3))
                .when().post("/api/v1/households").then().statusCode(403);
    }

    @Test
    void unknownHouseholdIsA404Problem() {
        given().auth().oauth2(TestTokens.token(Roles.KEMENSOS))
                .when().get("/api/v1/households/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("instance", notNullValue());
    }
}
