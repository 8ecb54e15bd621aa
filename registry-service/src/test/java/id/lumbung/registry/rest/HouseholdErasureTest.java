package id.lumbung.registry.rest;

import static id.lumbung.registry.rest.LifeEventTest.OPERATOR;
import static id.lumbung.registry.rest.LifeEventTest.VILLAGE;
import static id.lumbung.registry.rest.LifeEventTest.registered;
import static id.lumbung.registry.rest.LifeEventTest.today;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import id.lumbung.platform.security.Roles;
import id.lumbung.platform.testing.TestTokens;
import id.lumbung.platform.testing.TestTopics;
import id.lumbung.registry.events.HouseholdEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The ministry erases a household registered in error: the registry forgets it and the persons who were only its
 * members (a member who went on to another KK stays there), one history entry and the audit log say who and why,
 * and a tombstone takes the household's key out of registry.households.v1.
 */
@QuarkusTest
class HouseholdErasureTest {

    static final String KEMENSOS = TestTokens.token(Roles.KEMENSOS);
    static final String DECISION = """
            {"reason": "KK fiktif: tidak ditemukan saat verifikasi lapangan", "reference": "BA-VERVAL/3320/2025/117"}""";

    @Inject
    AgroalDataSource db;

    @Test
    void theRegistryForgetsTheHouseholdAndItsOnlyMembersAndTheTopicGetsATombstone() throws Exception {
        String body = Households.family(VILLAGE, 3).replace("\"members\": [", """
                "members": [
                    {"nik": "3320061203050%s", "fullName": "Dimas Prasetyo", "sex": "MALE", "birthDate": "2005-03-12",
                     "relationship": "ANAK", "employment": []},""".formatted(Households.serial().substring(1)));
        var family = registered(body);
        String id = family.getString("id");
        String head = family.getString("members.find { it.relationship == 'KEPALA_KELUARGA' }.nik");
        String child = family.getString("members.find { it.relationship == 'ANAK' }.nik");
        String newKk = "3320060202260" + Households.serial().substring(1);
        String childKk = given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body("""
                {"newNoKk": "%s", "members": ["%s"], "newHead": "%s", "date": "%s", "reason": "menikah, KK baru"}"""
                .formatted(newKk, child, child, today()))
                .when().post("/api/v1/households/" + id + "/splits")
                .then().statusCode(200).extract().path("households[1].id");
        String etag = given().auth().oauth2(KEMENSOS).header("X-Purpose", "verifikasi penghapusan")
                .when().get("/api/v1/households/" + id).then().statusCode(200).extract().header("ETag");

        // the decision must be about the household as read, by the ministry, with its reason
        erase(id, null, DECISION).statusCode(428);
        erase(id, "\"0\"", DECISION).statusCode(412);
        erase(id, etag, """
                {"reason": "salah", "reference": "BA-1"}""").statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token(Roles.DINSOS, "33.20")).header("If-Match", etag)
                .contentType(ContentType.JSON).body(DECISION).when().post("/api/v1/households/" + id + "/erasure")
                .then().statusCode(403);
        assertThat(count("select count(*) from household where id = '" + id + "'")).isEqualTo(1);

        erase(id, etag, DECISION).statusCode(200)
                .body("householdId", equalTo(id))
                .body("personsErased", equalTo(2))
                .body("membershipsRemoved", equalTo(3))
                .body("reference", equalTo("BA-VERVAL/3320/2025/117"));

        given().auth().oauth2(KEMENSOS).header("X-Purpose", "verifikasi penghapusan")
                .when().get("/api/v1/households/" + id).then().statusCode(404);
        given().auth().oauth2(KEMENSOS).header("X-Purpose", "verifikasi penghapusan")
                .when().get("/api/v1/persons/" + head).then().statusCode(404);
        given().auth().oauth2(KEMENSOS).header("X-Purpose", "verifikasi penghapusan")
                .when().get("/api/v1/persons/" + child).then().statusCode(200).body("currentHouseholdId", equalTo(childKk));
        erase(id, etag, DECISION).statusCode(404);

        assertThat(count("select count(*) from change_log where entity = 'household' and entity_id = '" + id + "'"))
                .as("one entry is left").isEqualTo(1);
        assertThat(count("select count(*) from change_log where entity = 'household' and entity_id = '" + id
                + "' and action = 'ERASED' and before_state is null and after_state is null"
                + " and reason like '%BA-VERVAL/3320/2025/117%'")).isEqualTo(1);
        assertThat(count("select count(*) from change_log where entity = 'person' and entity_id = '" + head + "'")).isZero();
        assertThat(count("select count(*) from audit_log where action = 'ERASE' and subject_id = '" + id + "'")).isEqualTo(1);
        assertThat(count("select count(*) from outbox_event where topic = 'registry.households.v1' and event_key = '" + id
                + "' and payload is not null")).as("its events leave the outbox").isZero();

        var tombstone = TestTopics.await(HouseholdEvents.TOPIC, r -> id.equals(r.key()) && r.tombstone(), Duration.ofSeconds(30));
        assertThat(tombstone.headers()).containsEntry("ce_type", HouseholdEvents.ERASED)
                .containsEntry("ce_source", "/lumbung/registry-service").containsEntry("ce_subject", id);

        // the NIKs are free again: the real family can be registered correctly
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body(Households.family(VILLAGE, 3).replaceFirst("\"nik\": \"[0-9]{16}\"", "\"nik\": \"" + head + "\""))
                .when().post("/api/v1/households").then().statusCode(201);
    }

    private io.restassured.response.ValidatableResponse erase(String id, String ifMatch, String decision) {
        var request = given().auth().oauth2(KEMENSOS).contentType(ContentType.JSON).body(decision);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().post("/api/v1/households/" + id + "/erasure").then();
    }

    private long count(String sql) throws SQLException {
        try (var c = db.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
