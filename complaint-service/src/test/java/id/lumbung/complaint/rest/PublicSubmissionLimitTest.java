package id.lumbung.complaint.rest;

import static id.lumbung.complaint.rest.Cases.VILLAGE;
import static id.lumbung.complaint.rest.Cases.submit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Citizens submit without a token; a flood from one address is told to wait, as problem+json with Retry-After. */
@QuarkusTest
@TestProfile(PublicSubmissionLimitTest.SmallBucket.class)
class PublicSubmissionLimitTest {

    public static class SmallBucket implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lumbung.cases.public-rate-limit.capacity", "3", "lumbung.cases.public-rate-limit.per-minute", "1",
                    "lumbung.cases.track-rate-limit.capacity", "3", "lumbung.cases.track-rate-limit.per-minute", "1");
        }
    }

    @Test
    void aFloodOfAnonymousCasesFromOneAddressIsToldToWait() {
        for (int i = 0; i < 3; i++) {
            submit(Cases.aduan(VILLAGE, null, null)).statusCode(201);
        }
        var refused = submit(Cases.aduan(VILLAGE, null, null)).statusCode(429).contentType("application/problem+json")
                .extract();
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
    }

    @Test
    void probingCaseSecretsFromOneAddressIsToldToWait() {
        for (int i = 0; i < 3; i++) {
            given().queryParam("number", "ADU-2025-000001").queryParam("secret", "guess" + i)
                    .when().get("/api/v1/cases/track").then().statusCode(404);
        }
        var refused = given().queryParam("number", "ADU-2025-000001").queryParam("secret", "guess")
                .when().get("/api/v1/cases/track").then().statusCode(429).contentType("application/problem+json").extract();
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
    }
}
