package id.lumbung.disbursement.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import id.lumbung.disbursement.Scheduling;
import id.lumbung.platform.security.Roles;
import id.lumbung.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PayPointResourceTest {

    private static Map<String, Object> point(String code, String kind, String region, Object capacity) {
        var body = new LinkedHashMap<String, Object>();
        body.put("code", code);
        body.put("kind", kind);
        body.put("name", "KPC Jepara " + code);
        body.put("regionCode", region);
        body.put("capacityPerDay", capacity);
        return body;
    }

    private static String code() {
        return "KPC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @Test
    void dinsosManagesThePayPointsOfItsRegion() {
        String code = code();
        given().auth().oauth2(Scheduling.dinsos()).contentType(ContentType.JSON)
                .body(point(code, "POST_OFFICE", "33.20.05", 400))
                .when().post("/api/v1/pay-points")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/pay-points/" + code))
                .body("kind", equalTo("POST_OFFICE"))
                .body("regionCode", equalTo("33.20.05"))
                .body("capacityPerDay", equalTo(400));

        // the same code twice is a conflict, not a second pay point
        given().auth().oauth2(Scheduling.dinsos()).contentType(ContentType.JSON)
                .body(point(code, "COMMUNITY_POINT", "33.20.05", 10))
                .when().post("/api/v1/pay-points")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", containsString("pay-point-exists"));

        given().auth().oauth2(TestTokens.token(Roles.PETUGAS_BAYAR, "33.20.05"))
                .when().get("/api/v1/pay-points/" + code)
                .then().statusCode(200).body("name", equalTo("KPC Jepara " + code));
        given().auth().oauth2(TestTokens.token(Roles.OPERATOR_DESA, "33.20.05.2001"))
                .queryParam("regionCode", "33.20.05")
                .when().get("/api/v1/pay-points")
                .then().statusCode(200).body("items.code", hasItem(code));
        given().auth().oauth2(TestTokens.token(Roles.OPERATOR_DESA, "33.21.01"))
                .when().get("/api/v1/pay-points")
                .then().statusCode(200).body("items.code", not(hasItem(code)));

        var change = new LinkedHashMap<>(point(code, "COMMUNITY_POINT", "3320052001", 120));
        change.remove("code");
        change.put("name", "Balai Desa");
        given().auth().oauth2(Scheduling.dinsos()).contentType(ContentType.JSON).body(change)
                .when().put("/api/v1/pay-points/" + code)
                .then().statusCode(200)
                .body("kind", equalTo("COMMUNITY_POINT"))
                .body("regionCode", equalTo("33.20.05.2001"))
                .body("capacityPerDay", equalTo(120))
                .body("name", equalTo("Balai Desa"));

        given().auth().oauth2(Scheduling.dinsos()).when().delete("/api/v1/pay-points/" + code)
                .then().statusCode(204);
        given().auth().oauth2(Scheduling.dinsos()).when().get("/api/v1/pay-points/" + code)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void badPayPointsAndWrongCallersAreRefused() {
        given().auth().oauth2(Scheduling.dinsos()).contentType(ContentType.JSON)
                .body(point("kpc lower", "KIOS", "33.20.05", 0))
                .when().post("/api/v1/pay-points")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Scheduling.dinsos()).contentType(ContentType.JSON)
                .body(point(code(), "POST_OFFICE", "33.20.05", 0))
                .when().post("/api/v1/pay-points")
                .then().statusCode(400).body("violations.field", hasItem("capacityPerDay"));
        given().auth().oauth2(Scheduling.dinsos()).contentType(ContentType.JSON)
                .body(point(code(), "POST_OFFICE", "33.00", 10))
                .when().post("/api/v1/pay-points")
                .then().statusCode(400).body("field", equalTo("regionCode"));
        // well formed, but no such district in the Kemendagri list
        given().auth().oauth2(Scheduling.dinsos()).contentType(ContentType.JSON)
                .body(point(code(), "POST_OFFICE", "33.20.99", 10))
                .when().post("/api/v1/pay-points")
                .then().statusCode(400).body("field", equalTo("regionCode"));
        // a regency's dinsos cannot place a pay point in another regency
        given().auth().oauth2(Scheduling.dinsos()).contentType(ContentType.JSON)
                .body(point(code(), "POST_OFFICE", "33.21.01", 10))
                .when().post("/api/v1/pay-points")
                .then().statusCode(403).contentType("application/problem+json");
        // pay officers and village operators read pay points, they do not manage them
        given().auth().oauth2(TestTokens.token(Roles.PETUGAS_BAYAR, "33.20")).contentType(ContentType.JSON)
                .body(point(code(), "POST_OFFICE", "33.20.05", 10))
                .when().post("/api/v1/pay-points")
                .then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(point(code(), "POST_OFFICE", "33.20.05", 10))
                .when().post("/api/v1/pay-points")
                .then().statusCode(401).contentType("application/problem+json");

        String foreign = code();
        given().auth().oauth2(TestTokens.token(Roles.KEMENSOS)).contentType(ContentType.JSON)
                .body(point(foreign, "POST_OFFICE", "33.21.01", 10))
                .when().post("/api/v1/pay-points").then().statusCode(201);
        given().auth().oauth2(Scheduling.dinsos()).when().delete("/api/v1/pay-points/" + foreign)
                .then().statusCode(403);
        given().auth().oauth2(Scheduling.dinsos()).when().get("/api/v1/pay-points/" + foreign)
                .then().statusCode(403);
        given().auth().oauth2(Scheduling.dinsos()).when().delete("/api/v1/pay-points/NOPE-" + code())
                .then().statusCode(404).contentType("application/problem+json");
    }
}
