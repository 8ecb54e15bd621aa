package id.lumbung.complaint.rest;

import static id.lumbung.complaint.rest.Cases.VILLAGE;
import static id.lumbung.complaint.rest.Cases.act;
import static id.lumbung.complaint.rest.Cases.get;
import static id.lumbung.complaint.rest.Cases.submit;
import static id.lumbung.complaint.rest.Cases.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import id.lumbung.complaint.TestClock;
import id.lumbung.complaint.service.SlaService;
import id.lumbung.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SlaTest {

    static final String DINSOS = token(Roles.DINSOS, "33.20");
    static final String OPERATOR = token(Roles.OPERATOR_DESA, VILLAGE);

    @Inject
    SlaService sla;

    @BeforeEach
    void present() {
        TestClock.reset();
    }

    @Test
    void aSanggahNobodyVerifiesInFourteenDaysIsVoid() {
        String late = submit(Cases.sanggah(VILLAGE, UUID.randomUUID(), VILLAGE)).statusCode(201).extract().path("number");
        String verified = submit(Cases.sanggah(VILLAGE, UUID.randomUUID(), VILLAGE)).statusCode(201).extract().path("number");

        TestClock.CLOCK.advance(Duration.ofDays(13));
        act(DINSOS, verified, "VERIFY", "survei").statusCode(200);
        get(DINSOS, late).statusCode(200).body("sla.breaches", hasSize(0)).body("allowedActions", hasItem("VERIFY"));
        sla.voidOverdueSanggah();
        get(DINSOS, late).statusCode(200).body("status", equalTo("SUBMITTED"));

        TestClock.CLOCK.advance(Duration.ofDays(1).plusMinutes(1));
        get(DINSOS, late).statusCode(200)
                .body("sla.breaches[0].rule", equalTo("SANGGAH_VERIFY"))
                .body("allowedActions", not(hasItem("VERIFY")));
        var breaches = given().auth().oauth2(DINSOS).when().get("/api/v1/cases/sla-breaches")
                .then().statusCode(200).extract().jsonPath();
        assertThat(breaches.getList("cases.number", String.class)).contains(late).doesNotContain(verified);
        assertThat(openCount(breaches, "SANGGAH_VERIFY")).isPositive();
        act(DINSOS, late, "VERIFY", "terlambat").statusCode(409).body("detail", containsString("void"));

        assertThat(sla.voidOverdueSanggah()).isPositive();
        get(DINSOS, late).statusCode(200)
                .body("status", equalTo("VOID"))
                .body("allowedActions", equalTo(List.of("NOTE")))
                .body("activity[-1].action", equalTo("VOID"))
                .body("activity[-1].actor", equalTo("system:sla"));
        get(DINSOS, verified).statusCode(200).body("status", equalTo("VERIFYING"));
        assertThat(sla.voidOverdueSanggah()).isZero();

        // still counted as breached once void, no longer open
        var after = given().auth().oauth2(DINSOS).when().get("/api/v1/cases/sla-breaches").then().statusCode(200).extract().jsonPath();
        assertThat(after.getList("cases.number", String.class)).contains(late);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("lumbung_complaint_sanggah_voided_total"))
                .body(containsString("lumbung_complaint_sla_breaches_open{rule=\"SANGGAH_VERIFY\"}"));
    }

    @Test
    void anAduanBreachesVerificationAfterThreeDaysAndFollowUpFiveDaysLater() {
        String number = submit(Cases.aduan(VILLAGE, null, null)).statusCode(201).extract().path("number");
        TestClock.CLOCK.advance(Duration.ofDays(3).minusMinutes(1));
        get(OPERATOR, number).statusCode(200).body("sla.breaches", hasSize(0));

        TestClock.CLOCK.advance(Duration.ofHours(1));
        get(OPERATOR, number).statusCode(200).body("sla.breaches.rule", equalTo(List.of("ADUAN_VERIFY")));
        var scoped = given().auth().oauth2(OPERATOR).when().get("/api/v1/cases/sla-breaches").then().statusCode(200)
                .extract().jsonPath();
        assertThat(scoped.getList("cases.number", String.class)).contains(number);
        assertThat(scoped.getList("cases.villageCode", String.class)).containsOnly(VILLAGE);
        var elsewhere = given().auth().oauth2(token(Roles.OPERATOR_DESA, "11.01.01.2001"))
                .when().get("/api/v1/cases/sla-breaches").then().statusCode(200).extract().jsonPath();
        assertThat(elsewhere.getList("cases.number", String.class)).doesNotContain(number);

        act(OPERATOR, number, "VERIFY", "terlambat sejam").statusCode(200);
        TestClock.CLOCK.advance(Duration.ofDays(5).plusMinutes(1));
        get(OPERATOR, number).statusCode(200)
                .body("sla.breaches.rule", equalTo(List.of("ADUAN_VERIFY", "ADUAN_FOLLOW_UP")))
                .body("sla.breaches[1].metAt", equalTo(null));
        act(OPERATOR, number, "RESOLVE", "sudah dijelaskan").statusCode(200)
                .body("sla.breaches[1].metAt", not(equalTo(null)));
    }

    private static long openCount(JsonPath summary, String rule) {
        List<Map<String, Object>> counts = summary.getList("counts");
        return counts.stream().filter(c -> rule.equals(c.get("rule")))
                .mapToLong(c -> ((Number) c.get("stillOpen")).longValue()).sum();
    }
}
