package id.lumbung.eligibility.status;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;

/** The public status check as a caller uses it: get a challenge, do the work, ask. */
final class StatusClient {

    private StatusClient() {
    }

    static JsonPath challenge() {
        return given().when().post("/api/v1/status/challenges").then().statusCode(200).extract().jsonPath();
    }

    /** A solution found by brute force, as a browser would: SHA-256(nonce + solution) with enough zero bits. */
    static String solve(String nonce, int difficulty) {
        for (long i = 0; ; i++) {
            var candidate = Long.toString(i);
            if (zeroBits(sha256(nonce + candidate)) >= difficulty) {
                return candidate;
            }
        }
    }

    /** A solution that does not solve it. */
    static String wrong(String nonce, int difficulty) {
        for (long i = 0; ; i++) {
            var candidate = Long.toString(i);
            if (zeroBits(sha256(nonce + candidate)) < difficulty) {
                return candidate;
            }
        }
    }

    static Map<String, Object> solved() {
        var c = challenge();
        var body = new HashMap<String, Object>();
        body.put("challenge", c.getString("challenge"));
        body.put("solution", solve(c.getString("nonce"), c.getInt("difficulty")));
        return body;
    }

    static Response ask(Map<String, Object> body) {
        return given().contentType("application/json").body(body).when().post("/api/v1/status");
    }

    static Response byNik(String nik) {
        var body = solved();
        body.put("nik", nik);
        return ask(body);
    }

    static Response byName(String fullName, String villageCode) {
        var body = solved();
        body.put("fullName", fullName);
        body.put("villageCode", villageCode);
        return ask(body);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int zeroBits(byte[] hash) {
        int bits = 0;
        for (byte b : hash) {
            for (int i = 7; i >= 0; i--) {
                if ((b >> i & 1) != 0) {
                    return bits;
                }
                bits++;
            }
        }
        return bits;
    }
}
