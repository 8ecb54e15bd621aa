package id.lumbung.complaint.rest;

import static id.lumbung.complaint.rest.Cases.NEIGHBOUR;
import static id.lumbung.complaint.rest.Cases.OTHER_REGENCY_VILLAGE;
import static id.lumbung.complaint.rest.Cases.VILLAGE;
import static id.lumbung.complaint.rest.Cases.act;
import static id.lumbung.complaint.rest.Cases.get;
import static id.lumbung.complaint.rest.Cases.submit;
import static id.lumbung.complaint.rest.Cases.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import id.lumbung.complaint.TestClock;
import id.lumbung.platform.security.Roles;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CaseHandlingTest {

    static final String OPERATOR = token(Roles.OPERATOR_DESA, VILLAGE);
    static final String DINSOS = token(Roles.DINSOS, "33.20");

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void present() {
        TestClock.reset();
    }

    @Test
    void aCaseIsRoutedToItsVillageAndSeenOnlyWithinScope() {
        String number = submit(Cases.aduan(VILLAGE, null, null)).statusCode(201).extract().path("number");
        String elsewhere = submit(Cases.aduan(OTHER_REGENCY_VILLAGE, null, null)).statusCode(201).extract().path("number");

        get(OPERATOR, number).statusCode(200)
                .body("handledBy.level", equalTo("VILLAGE"))
                .body("handledBy.team", equalTo("desa-" + VILLAGE))
                .body("handledBy.regionCode", equalTo(VILLAGE))
                .body("allowedActions", containsInAnyOrder("VERIFY", "ESCALATE", "ASSIGN", "NOTE"));
        get(DINSOS, number).statusCode(200);
        get(token(Roles.KEMENSOS), number).statusCode(200);
        get(token(Roles.AUDITOR), number).statusCode(200).body("allowedActions", hasSize(0));

        get(token(Roles.OPERATOR_DESA, NEIGHBOUR), number).statusCode(403).contentType("application/problem+json");
        get(DINSOS, elsewhere).statusCode(403).contentType("application/problem+json");
        get(token(Roles.PETUGAS_BAYAR, "33.20"), number).statusCode(403);
        given().when().get("/api/v1/cases/" + number).then().statusCode(401);
        given().when().get("/api/v1/cases").then().statusCode(401);
        given().contentType("application/json").body("{\"action\": \"NOTE\", \"note\": \"x\"}")
                .when().post("/api/v1/cases/" + number + "/actions").then().statusCode(401);

        given().auth().oauth2(OPERATOR).queryParam("size", 100)
                .when().get("/api/v1/cases")
                .then().statusCode(200)
                .body("items.villageCode", everyItem(equalTo(VILLAGE)))
                .body("items.number", hasItem(number))
                .body("items.number", not(hasItem(elsewhere)));
        given().auth().oauth2(token(Roles.KEMENSOS)).queryParam("type", "ADUAN").queryParam("villageCode", OTHER_REGENCY_VILLAGE)
                .when().get("/api/v1/cases")
                .then().statusCode(200).body("items.number", hasItem(elsewhere));
        given().auth().oauth2(OPERATOR).queryParam("villageCode", NEIGHBOUR)
                .when().get("/api/v1/cases").then().statusCode(403);
        given().auth().oauth2(OPERATOR).queryParam("status", "LOST")
                .when().get("/api/v1/cases").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(OPERATOR).queryParam("size", 1000)
                .when().get("/api/v1/cases").then().statusCode(400).contentType("application/problem+json");

        assertThat(audited(number)).contains("READ");
    }

    @Test
    void aCaseGoesThroughItsWholeLifeAndRefusedStepsSayWhy() {
        String number = submit(Cases.aduan(VILLAGE, null, Cases.NIK)).statusCode(201).extract().path("number");

        act(OPERATOR, number, "{\"action\": \"ASSIGN\", \"assignee\": \"budi.operator\", \"note\": \"cek SIKS-NG\"}")
                .statusCode(200).body("handledBy.assignee", equalTo("budi.operator"));
        act(OPERATOR, number, "{\"action\": \"ASSIGN\"}").statusCode(400).body("violations.field", hasItem("assignee"));
        act(OPERATOR, number, "RESOLVE", "terlalu cepat")
                .statusCode(409).contentType("application/problem+json")
                .body("currentStatus", equalTo("SUBMITTED"))
                .body("allowedActions", containsInAnyOrder("VERIFY", "ESCALATE", "ASSIGN", "NOTE"))
                .body("detail", containsString("RESOLVE refused"));

        // escalation hands the case to the social office; the village operator may then only add notes
        act(OPERATOR, number, "ESCALATE", "butuh verifikasi lapangan Dinsos").statusCode(200)
                .body("handledBy.level", equalTo("REGENCY"))
                .body("handledBy.team", equalTo("dinsos-33.20"))
                .body("handledBy.assignee", equalTo(null))
                .body("allowedActions", equalTo(List.of("NOTE")));
        act(OPERATOR, number, "VERIFY", "saya saja").statusCode(403).body("allowedActions", equalTo(List.of("NOTE")));
        act(OPERATOR, number, "NOTE", "warga datang lagi").statusCode(200);
        act(DINSOS, number, "ESCALATE", "lagi").statusCode(409).body("detail", containsString("already"));

        act(DINSOS, number, "VERIFY", "data dicek").statusCode(200).body("status", equalTo("VERIFYING"))
                .body("sla.followUpDueAt", not(equalTo(null)));
        act(DINSOS, number, "{\"action\": \"RESOLVE\", \"outcomeDetail\": \"desil diperbarui\", \"attachments\": [\"docs/ba-musdes.pdf\"]}")
                .statusCode(200).body("status", equalTo("RESOLVED"))
                .body("outcomeDetail", equalTo("desil diperbarui"));
        act(DINSOS, number, "VERIFY", "lagi").statusCode(409)
                .body("currentStatus", equalTo("RESOLVED"))
                .body("allowedActions", containsInAnyOrder("CLOSE", "APPEAL", "NOTE"));
        act(DINSOS, number, "APPEAL", "pelapor belum puas").statusCode(200).body("status", equalTo("VERIFYING"))
                .body("decidedAt", equalTo(null));
        act(DINSOS, number, "{\"action\": \"REJECT\"}").statusCode(400).body("violations.field", hasItem("note"));
        act(DINSOS, number, "REJECT", "data sudah benar").statusCode(200).body("status", equalTo("REJECTED"));
        act(DINSOS, number, "CLOSE", "selesai").statusCode(200).body("status", equalTo("CLOSED"))
                .body("allowedActions", equalTo(List.of("NOTE")))
                .body("activity.action", equalTo(List.of("ASSIGN", "ESCALATE", "NOTE", "VERIFY", "RESOLVE", "APPEAL",
                        "REJECT", "CLOSE")))
                .body("activity[4].attachments", equalTo(List.of("docs/ba-musdes.pdf")))
                .body("activity[0].actor", equalTo("test-operator-desa"));
        act(DINSOS, number, "APPEAL", "lagi").statusCode(409).body("currentStatus", equalTo("CLOSED"));

        act(token(Roles.AUDITOR), number, "NOTE", "x").statusCode(403);
        act(DINSOS, "ADU-1999-999999", "NOTE", "x").statusCode(404).contentType("application/problem+json");
        act(DINSOS, number, "{\"action\": \"FLY\"}").statusCode(400).contentType("application/problem+json");
        assertThat(audited(number)).contains("UPDATE");
    }

    private List<String> audited(String number) {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement("select action from audit_log where subject = 'case' and subject_id = ?")) {
            s.setString(1, number);
            try (var rs = s.executeQuery()) {
                var out = new java.util.ArrayList<String>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
