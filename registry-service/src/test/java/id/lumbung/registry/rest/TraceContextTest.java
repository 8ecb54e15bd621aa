package id.lumbung.registry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import id.lumbung.platform.security.Roles;
import id.lumbung.platform.testing.TestTokens;
import id.lumbung.platform.testing.TestTopics;
import id.lumbung.registry.events.HouseholdEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A caller's trace continues into the event its request causes: the household event on the topic carries, in its
 * CloudEvents traceparent extension, the trace the caller started, so the next service's work joins it.
 */
@QuarkusTest
class TraceContextTest {

    @Test
    void theHouseholdEventCarriesTheTraceOfTheRequestThatRegisteredIt() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String id = given().auth().oauth2(TestTokens.token(Roles.OPERATOR_DESA, HouseholdResourceTest.VILLAGE))
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .contentType(ContentType.JSON).body(Households.family(HouseholdResourceTest.VILLAGE, 4))
                .when().post("/api/v1/households")
                .then().statusCode(201).extract().path("id");

        var record = TestTopics.await(HouseholdEvents.TOPIC, r -> id.equals(r.key()), Duration.ofSeconds(30));
        assertThat(record.event().path("traceparent").asText())
                .matches("00-" + traceId + "-[0-9a-f]{16}-[0-9a-f]{2}")
                .doesNotContain("00f067aa0ba902b7");
    }
}
