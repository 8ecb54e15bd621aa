package id.lumbung.complaint.rest;

import static io.restassured.RestAssured.given;

import id.lumbung.platform.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;

/** Request bodies and calls the case tests share. */
public final class Cases {

    public static final String VILLAGE = "33.20.01.2001";
    public static final String NEIGHBOUR = "33.20.01.2002";
    public static final String OTHER_REGENCY_VILLAGE = "33.21.01.2001";
    /** A NIK first issued in district 33.20.01 (male, born 1 July 1985). */
    public static final String NIK = "3320010107850001";

    private Cases() {
    }

    public static String aduan(String village, UUID household, String reporterNik) {
        return """
                {"type": "ADUAN", "channel": "APP", "villageCode": "%s", %s "programCode": "BLTS_KESRA",
                 "description": "Saya merasa layak tetapi tidak menerima BLTS Kesra." %s}"""
                .formatted(village, household == null ? "" : "\"householdId\": \"" + household + "\",",
                        reporterNik == null ? "" : ", \"reporter\": {\"nik\": \"" + reporterNik + "\", \"villageCode\": \"" + village + "\"}");
    }

    public static String sanggah(String village, UUID household, String reporterVillage) {
        return """
                {"type": "SANGGAH", "channel": "WEB", "villageCode": "%s", "householdId": "%s", "programCode": "BLTS_KESRA",
                 "description": "Penerima ini mampu.",
                 "reporter": {"nik": "%s", "villageCode": "%s"},
                 "sanggah": {"reason": "Rumah layak dan punya mobil", "statement": "Saya tetangga, melihat sendiri.",
                             "photoRef": "photos/%s.jpg", "latitude": -6.5887, "longitude": 110.6684}}"""
                .formatted(village, household, NIK, reporterVillage, household);
    }

    public static String simple(String type, String channel, String village, UUID household) {
        return """
                {"type": "%s", "channel": "%s", "villageCode": "%s", %s "programCode": "BLTS_KESRA",
                 "description": "Keluarga ini %s.", "reporter": {"nik": "%s", "villageCode": "%s"}}"""
                .formatted(type, channel, village, household == null ? "" : "\"householdId\": \"" + household + "\",",
                        type.toLowerCase(), NIK, village);
    }

    public static ValidatableResponse submit(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/cases").then();
    }

    public static ValidatableResponse act(String token, String number, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases/" + number + "/actions").then();
    }

    public static ValidatableResponse act(String token, String number, String action, String note) {
        return act(token, number, "{\"action\": \"%s\", \"note\": \"%s\"}".formatted(action, note));
    }

    public static ValidatableResponse get(String token, String number) {
        return given().auth().oauth2(token).when().get("/api/v1/cases/" + number).then();
    }

    public static String token(String role, String... regions) {
        return TestTokens.token(role, regions);
    }
}
