package id.lumbung.registry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lumbung.platform.security.Roles;
import id.lumbung.platform.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "Who read my data?": every read of a person, allowed or refused, is attributable, and the auditor can ask. */
@QuarkusTest
class AuditTrailTest {

    static final String VILLAGE = "33.20.06.1001";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theAuditorFindsEveryReadOfAPersonByTheirNikAndTheLogCannotBeEmptied() throws Exception {
        var family = LifeEventTest.registered(Households.family(VILLAGE, 3));
        String nik = family.getString("members[0].nik");

        given().auth().oauth2(TestTokens.token(Roles.DINSOS, "33.20")).header("X-Purpose", "")
                .when().get("/api/v1/persons/" + nik).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token(Roles.DINSOS, "33.20")).header("X-Purpose", "verifikasi usulan")
                .when().get("/api/v1/persons/" + nik).then().statusCode(200);
        given().auth().oauth2(TestTokens.token(Roles.OPERATOR_DESA, "33.21.01.2001")).header("X-Purpose", "ingin tahu")
                .when().get("/api/v1/persons/" + nik).then().statusCode(403);

        var entries = given().auth().oauth2(TestTokens.token(Roles.AUDITOR)).queryParam("nik", nik)
                .when().get("/api/v1/audit-log").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = entries.getList("items");
        assertThat(items).extracting(i -> i.get("action") + " " + i.get("actor") + " " + i.get("detail"))
                .contains("READ test-dinsos verifikasi usulan", "READ_REFUSED test-operator-desa ingin tahu");
        assertThat(items).allSatisfy(i -> assertThat((String) i.get("subjectId")).startsWith("nik:").doesNotContain(nik));

        // the auditor's own read is on record, and nobody else may read the log
        given().auth().oauth2(TestTokens.token(Roles.AUDITOR)).queryParam("actor", "test-auditor")
                .when().get("/api/v1/audit-log").then().statusCode(200)
                .body("items.subject", org.hamcrest.Matchers.hasItem("audit-log"));
        given().auth().oauth2(TestTokens.token(Roles.KEMENSOS)).when().get("/api/v1/audit-log").then().statusCode(403);

        // a household read outside one's regions is on record as refused, too
        String household = family.getString("id");
        given().auth().oauth2(TestTokens.token(Roles.OPERATOR_DESA, "33.21.01.2001")).header("X-Purpose", "ingin tahu")
                .when().get("/api/v1/households/" + household).then().statusCode(403);
        given().auth().oauth2(TestTokens.token(Roles.AUDITOR)).queryParam("subjectId", household)
                .when().get("/api/v1/audit-log").then().statusCode(200)
                .body("items.action", org.hamcrest.Matchers.hasItem("READ_REFUSED"));

        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("truncate audit_log")).hasMessageContaining("append-only");
        }
    }
}
