package id.lumbung.platform.security;

import static io.restassured.RestAssured.given;

import id.lumbung.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A token must not claim to come from the future; answers with personal data are never stored by caches. */
@QuarkusTest
class TokenTimeAndCachingTest {

    @Test
    void aTokenIssuedInTheFutureIsRefused() {
        given().header("Authorization", "Bearer " + TestTokens.issuedAt("kemensos", Instant.now().plus(Duration.ofDays(365))))
                .get("/api/v1/quarantined-events").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + TestTokens.issuedAt("kemensos", Instant.now().minusSeconds(30)))
                .get("/api/v1/quarantined-events").then().statusCode(200);
    }

    @Test
    void apiAnswersAreNotStored() {
        given().header("Authorization", TestTokens.bearer("kemensos")).get("/api/v1/quarantined-events")
                .then().statusCode(200).header("Cache-Control", "no-store");
        given().get("/api/v1/quarantined-events").then().statusCode(401).header("Cache-Control", "no-store");
    }
}
