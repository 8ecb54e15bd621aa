package id.lumbung.disbursement;

import static io.restassured.RestAssured.given;

import id.lumbung.platform.security.Roles;
import id.lumbung.platform.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The pay officer's side of the counter: payment requests as the counter app sends them. */
public final class Counter {

    public static final String PHOTO = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private Counter() {
    }

    public static Map<String, Object> body(UUID orderId, String nik, String role, String noKk) {
        var body = new LinkedHashMap<String, Object>();
        body.put("orderId", orderId.toString());
        body.put("presenterNik", nik);
        body.put("presenterRole", role);
        if (noKk != null) {
            body.put("noKk", noKk);
        }
        body.put("payPointCode", "KPC-JEPARA-59400");
        body.put("latitude", -6.5887);
        body.put("longitude", 110.6684);
        body.put("photoSha256", PHOTO);
        return body;
    }

    /** Pays as an officer of Kabupaten Jepara (33.20). */
    /** The same request at another counter: the pay point that serves the family's village. */
    public static Map<String, Object> at(String payPointCode, Map<String, Object> body) {
        body.put("payPointCode", payPointCode);
        return body;
    }

    public static ValidatableResponse pay(String key, Map<String, Object> body) {
        return pay(TestTokens.token(Roles.PETUGAS_BAYAR, Fixtures.REGION), key, body);
    }

    public static ValidatableResponse pay(String token, String key, Map<String, Object> body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.when().post("/api/v1/payments").then();
    }
}
