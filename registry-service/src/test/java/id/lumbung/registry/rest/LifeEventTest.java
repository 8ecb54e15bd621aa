package id.lumbung.registry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import id.lumbung.platform.security.Roles;
import id.lumbung.platform.testing.TestTokens;
import id.lumbung.platform.testing.TestTopics;
import id.lumbung.registry.TestClock;
import id.lumbung.registry.events.HouseholdEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LifeEventTest {

    static final String VILLAGE = "33.20.06.1001";
    static final String OPERATOR = TestTokens.token(Roles.OPERATOR_DESA, VILLAGE);
    static final String DINSOS = TestTokens.token(Roles.DINSOS, "33.20");

    static JsonPath registered(String body) {
        return given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/households").then().statusCode(201).extract().jsonPath();
    }

    static String today() {
        return LocalDate.ofInstant(TestClock.CLOCK.instant(), ZoneOffset.UTC).toString();
    }

    @Test
    void aDeathIsRecordedAndTheFamilysNewStatePublished() {
        var family = registered(Households.family(VILLAGE, 3));
        String id = family.getString("id");
        String wife = family.getString("members[1].nik");

        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body("{\"date\": \"" + today() + "\", \"reference\": \"Akta Kematian 3320-KM-2025-001\"}")
                .when().post("/api/v1/persons/" + wife + "/death")
                .then().statusCode(200).body("lifeStatus", equalTo("DECEASED")).body("deathDate", equalTo(today()));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body("{\"date\": \"" + today() + "\", \"reference\": \"again\"}")
                .when().post("/api/v1/persons/" + wife + "/death")
                .then().statusCode(409);
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body("{\"date\": \"2999-01-01\", \"reference\": \"x\"}")
                .when().post("/api/v1/persons/" + family.getString("members[0].nik") + "/death")
                .then().statusCode(400);

        var event = TestTopics.await(HouseholdEvents.TOPIC,
                r -> id.equals(r.key()) && r.event().get("type").asText().equals(HouseholdEvents.MEMBER_DIED),
                Duration.ofSeconds(30));
        var members = event.event().get("data").get("members");
        assertThat(members.get(1).get("lifeStatus").asText()).isEqualTo("DECEASED");
        assertThat(event.event().get("data").get("version").asLong()).isEqualTo(1);
    }

    @Test
    void aChildSplitsOffAndTheOldHeadStays() {
        String body = Households.family(VILLAGE, 3).replace("\"members\": [", """
                "members": [
                    {"nik": "3320061203050%s", "fullName": "Dimas Prasetyo", "sex": "MALE", "birthDate": "2005-03-12",
                     "relationship": "ANAK", "employment": []},""".formatted(Households.serial().substring(1)));
        var family = registered(body);
        String id = family.getString("id");
        String child = family.getString("members.find { it.relationship == 'ANAK' }.nik");
        String newKk = "3320060202260" + Households.serial().substring(1);

        // dated before the child was on the KK: the KK's history refuses it, and nothing changes
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body("""
                {"newNoKk": "%s", "members": ["%s"], "newHead": "%s", "date": "1990-01-01", "reason": "menikah, KK baru"}"""
                .formatted(newKk, child, child))
                .when().post("/api/v1/households/" + id + "/splits")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("date"));

        var result = given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body("""
                {"newNoKk": "%s", "members": ["%s"], "newHead": "%s", "date": "%s", "reason": "menikah, KK baru"}"""
                .formatted(newKk, child, child, today()))
                .when().post("/api/v1/households/" + id + "/splits")
                .then().statusCode(200).body("households", hasSize(2)).extract().jsonPath();
        assertThat(result.getList("households[0].members")).hasSize(2);
        assertThat(result.getString("households[1].members[0].relationship")).isEqualTo("KEPALA_KELUARGA");
        assertThat(result.getString("households[1].noKk")).isEqualTo(newKk);
        assertThat(result.getObject("households[1].desil", Integer.class)).as("a new family waits for its desil").isNull();

        // the person is in one household at a time: the old KK no longer lists them
        given().auth().oauth2(OPERATOR).when().get("/api/v1/persons/" + child)
                .then().statusCode(200).body("currentHouseholdId", equalTo(result.getString("households[1].id")));
    }

    @Test
    void aWholeFamilyMovesToAnotherVillageAndKeepsItsDesil() {
        var family = registered(Households.family(VILLAGE, 2));
        String id = family.getString("id");
        String head = family.getString("members[0].nik");
        String wife = family.getString("members[1].nik");
        String newKk = "3320070303260" + Households.serial().substring(1);

        // the village operator cannot move a family into a village outside its scope
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(move(newKk, head, wife))
                .when().post("/api/v1/households/" + id + "/moves")
                .then().statusCode(403);

        var result = given().auth().oauth2(DINSOS).contentType(ContentType.JSON).body(move(newKk, head, wife))
                .when().post("/api/v1/households/" + id + "/moves")
                .then().statusCode(200).extract().jsonPath();
        assertThat(result.getString("households[0].status")).isEqualTo("DISSOLVED");
        assertThat(result.getString("households[1].villageCode")).isEqualTo("33.20.07.2001");
        assertThat(result.getInt("households[1].desil")).isEqualTo(2);

        TestTopics.await(HouseholdEvents.TOPIC,
                r -> id.equals(r.key()) && r.event().get("type").asText().equals(HouseholdEvents.DISSOLVED),
                Duration.ofSeconds(30));
        // a dissolved KK takes no more changes
        given().auth().oauth2(DINSOS).contentType(ContentType.JSON).body(HouseholdChangeTest.UPDATE).header("If-Match", "\"1\"")
                .when().put("/api/v1/households/" + id).then().statusCode(409);
    }

    @Test
    void twoKksMergeIntoOne() {
        var target = registered(Households.family(VILLAGE, 3));
        var source = registered(Households.family(VILLAGE, 4));
        var result = given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body("""
                {"sourceHouseholdId": "%s", "relationshipOfSourceHead": "FAMILI_LAIN", "date": "%s", "reason": "gabung KK"}"""
                .formatted(source.getString("id"), today()))
                .when().post("/api/v1/households/" + target.getString("id") + "/merges")
                .then().statusCode(200).extract().jsonPath();
        assertThat(result.getList("households[0].members")).hasSize(4);
        assertThat(result.getString("households[1].status")).isEqualTo("DISSOLVED");
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body("""
                {"sourceHouseholdId": "%s", "relationshipOfSourceHead": "KEPALA_KELUARGA", "date": "%s", "reason": "x"}"""
                .formatted(source.getString("id"), today()))
                .when().post("/api/v1/households/" + target.getString("id") + "/merges")
                .then().statusCode(400);
    }

    @Test
    void likelyDuplicatePersonsAreReportedNotMerged() {
        // the same man registered twice under two NIKs (different serials), in two KKs
        String name = "ABADI " + Long.toString(System.nanoTime(), 36).replaceAll("\\d", "X").toUpperCase();
        var a = registered(Households.family(VILLAGE, 3).replace("Slamet Riyadi", name));
        var b = registered(Households.family(VILLAGE, 3).replace("Slamet Riyadi", name));
        given().auth().oauth2(DINSOS).queryParam("size", 1000).when().get("/api/v1/persons/likely-duplicates")
                .then().statusCode(200)
                .body("findAll { it.name == '" + name + "' }", hasSize(1))
                .body("find { it.name == '" + name + "' }.householdA",
                        org.hamcrest.Matchers.oneOf(a.getString("id"), b.getString("id")))
                .body("find { it.name == '" + name + "' }.nikA", equalTo("332006**********"));
        given().auth().oauth2(OPERATOR).when().get("/api/v1/persons/likely-duplicates").then().statusCode(403);
        given().auth().oauth2(DINSOS).when().get("/api/v1/persons/" + a.getString("members[0].nik")).then().statusCode(200)
                .body("deathDate", nullValue()).body("fullName", equalTo(name));
    }

    private static String move(String newKk, String head, String wife) {
        return """
                {"newNoKk": "%s", "villageCode": "33.20.07.2001", "address": "Dukuh Krajan RT 01",
                 "members": ["%s", "%s"], "newHead": "%s", "date": "%s", "reason": "pindah domisili"}"""
                .formatted(newKk, head, wife, head, today());
    }
}
