package id.lumbung.eligibility.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import id.lumbung.eligibility.service.HouseholdProjector;
import id.lumbung.eligibility.service.Projected;
import id.lumbung.platform.events.EventEnvelope;
import id.lumbung.platform.security.Roles;
import id.lumbung.platform.testing.TestTokens;
import id.lumbung.platform.testing.TestTopics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A household the registry erased (a tombstone on registry.households.v1) is forgotten here: its projection,
 * determinations and place in a draft list go, a tombstone per determination takes it out of the compacted
 * determinations topic, and the tombstone applies once however often it comes.
 */
@QuarkusTest
class HouseholdErasureTest {

    static final String SIDOARJO = "35.15";

    @Inject
    HouseholdProjector projector;
    @Inject
    AgroalDataSource db;

    @Test
    void anErasedHouseholdLeavesTheProjectionItsDeterminationsAndTheDraftList() throws Exception {
        var erased = Projected.in("35.15.01.2001", 1).head("Adi").wife("Ani");
        var kept = Projected.in("35.15.01.2001", 1).head("Budi").wife("Bina");
        Projected.project(projector, erased.household());
        Projected.project(projector, kept.household());
        String id = erased.id().toString();
        long determinations = count("select count(*) from determination where household_id = '" + id + "'");
        assertThat(determinations).isPositive();

        var drafter = TestTokens.token("dinsos-sidoarjo-1", Set.of(Roles.DINSOS), List.of(SIDOARJO));
        String list = given().auth().oauth2(drafter).contentType("application/json")
                .body(Map.of("programCode", "BLTS_KESRA_2025", "period", "2025-Q4", "regionCode", SIDOARJO))
                .when().post("/api/v1/beneficiary-lists")
                .then().statusCode(201).body("totalBeneficiaries", equalTo(2)).extract().path("id");

        var headers = EventEnvelope.tombstoneHeaders(UUID.randomUUID(), "/lumbung/registry-service",
                "id.lumbung.registry.household.erased", id, Instant.now());
        TestTopics.sendTombstone(RegistryEvents.TOPIC, id, headers);
        awaitZero("select count(*) from household_projection where household_id = '" + id + "'");

        assertThat(count("select count(*) from projection_member where household_id = '" + id + "'")).isZero();
        assertThat(count("select count(*) from determination where household_id = '" + id + "'")).isZero();
        assertThat(count("select count(*) from outbox_event where topic = '" + DeterminationEvents.TOPIC
                + "' and event_key like '" + id + "/%' and payload is null and event_type = '" + DeterminationEvents.ERASED + "'"))
                .as("a tombstone for each determination published").isEqualTo(determinations);
        assertThat(count("select count(*) from outbox_event where event_key like '" + id + "/%' and payload is not null"))
                .as("its determination events leave the outbox").isZero();
        given().auth().oauth2(drafter).when().get("/api/v1/beneficiary-lists/" + list)
                .then().statusCode(200).body("totalBeneficiaries", equalTo(1));
        assertThat(count("select count(*) from beneficiary_list_entry where list_id = '" + list + "' and household_id = '"
                + kept.id() + "'")).isEqualTo(1);
        assertThat(count("select count(*) from determination where household_id = '" + kept.id() + "'")).isEqualTo(determinations);

        var tombstone = TestTopics.await(DeterminationEvents.TOPIC, r -> r.key() != null && r.key().startsWith(id + "/")
                && r.tombstone(), Duration.ofSeconds(30));
        assertThat(tombstone.headers()).containsEntry("ce_type", DeterminationEvents.ERASED)
                .containsEntry("ce_source", "/lumbung/eligibility-service").containsEntry("ce_subject", tombstone.key());

        // the same tombstone again (a redelivery) changes nothing, not even the outbox; a later one of the same key
        // (same partition, so applied after it) erases nothing more
        long outbox = count("select count(*) from outbox_event");
        TestTopics.sendTombstone(RegistryEvents.TOPIC, id, headers);
        var later = EventEnvelope.tombstoneHeaders(UUID.randomUUID(), "/lumbung/registry-service",
                "id.lumbung.registry.household.erased", id, Instant.now());
        TestTopics.sendTombstone(RegistryEvents.TOPIC, id, later);
        awaitZero("select 1 - count(*) from inbox_event where consumer = 'eligibility.registry-households' and event_id = '"
                + later.get("ce_id") + "'");
        assertThat(count("select count(*) from inbox_event where consumer = 'eligibility.registry-households' and event_id = '"
                + headers.get("ce_id") + "'")).isEqualTo(1);
        assertThat(count("select count(*) from outbox_event")).isEqualTo(outbox);
    }

    private void awaitZero(String sql) throws Exception {
        var end = Instant.now().plusSeconds(30);
        while (count(sql) > 0 && Instant.now().isBefore(end)) {
            Thread.sleep(100);
        }
        assertThat(count(sql)).isZero();
    }

    private long count(String sql) throws SQLException {
        try (var c = db.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
