package id.lumbung.eligibility.rest;

import static id.lumbung.eligibility.events.RegistryEvents.family;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import id.lumbung.eligibility.events.DeterminationFlowTestSupport;
import id.lumbung.platform.security.Roles;
import id.lumbung.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * An operator watching /q/metrics sees what the service does, each metric with its help text: determinations
 * by path and outcome, events applied per consumer, refusals by status and problem type, the outbox backlog and
 * its age, the quarantine, and the lag of every Kafka consumer.
 */
@QuarkusTest
class CapabilityMetricsTest {

    @Test
    void theMetricsNameEachCapabilityWithItsHelpText() {
        var family = family("33.21.01.2001", 2).head();
        family.sendAsRelay(family.event());
        DeterminationFlowTestSupport.await(family.id);
        given().auth().oauth2(TestTokens.token(Roles.KEMENSOS)).queryParam("householdId", "not-a-uuid")
                .when().get("/api/v1/determinations").then().statusCode(400);

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .contains("# HELP lumbung_determinations_decided determinations made")
                .containsPattern("lumbung_determinations_decided_total\\{[^}]*outcome=\"eligible\"[^}]*path=\"event\"[^}]*} [1-9]")
                .contains("# HELP lumbung_determinations_published ")
                .containsPattern("lumbung_events_applied_total\\{[^}]*consumer=\"eligibility.registry-households\"[^}]*} [1-9]")
                .containsPattern("lumbung_requests_refused_total\\{[^}]*problem=\"[a-z-]+\"[^}]*status=\"400\"[^}]*} [1-9]")
                .contains("# HELP lumbung_outbox_pending events in the outbox not yet published")
                .contains("# HELP lumbung_outbox_oldest_age_seconds age of the oldest event not yet published")
                .contains("lumbung_events_quarantined")
                .contains("kafka_consumer_fetch_manager_records_lag_max");
    }
}
