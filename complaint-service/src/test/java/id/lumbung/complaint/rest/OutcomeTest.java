package id.lumbung.complaint.rest;

import static id.lumbung.complaint.rest.Cases.VILLAGE;
import static id.lumbung.complaint.rest.Cases.act;
import static id.lumbung.complaint.rest.Cases.submit;
import static id.lumbung.complaint.rest.Cases.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import id.lumbung.complaint.TestClock;
import id.lumbung.complaint.events.OutcomeEvents;
import id.lumbung.platform.security.Roles;
import id.lumbung.platform.testing.TestTopics;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutcomeTest {

    static final String DINSOS = token(Roles.DINSOS, "33.20");
    static final String OPERATOR = token(Roles.OPERATOR_DESA, VILLAGE);

    @BeforeEach
    void present() {
        TestClock.reset();
    }

    @Test
    void anUpheldSanggahIsPublishedForTheRegistryInTheContractsShape() {
        var household = UUID.randomUUID();
        String number = submit(Cases.sanggah(VILLAGE, household, VILLAGE)).statusCode(201).extract().path("number");
        // a sanggah is verified by the regency/city: the village operator cannot decide it
        act(OPERATOR, number, "VERIFY", "cek").statusCode(403);
        act(DINSOS, number, "VERIFY", "survei rumah dijadwalkan").statusCode(200);
        Instant decidedAt = TestClock.CLOCK.instant();
        act(DINSOS, number, "{\"action\": \"RESOLVE\", \"outcomeDetail\": \"rumah layak, punya mobil\", "
                + "\"attachments\": [\"photos/survei-1.jpg\"]}").statusCode(200).body("status", equalTo("RESOLVED"));

        var record = TestTopics.await(OutcomeEvents.TOPIC, r -> household.toString().equals(r.key()), Duration.ofSeconds(30));
        var event = record.event();
        assertThat(event.get("type").asText()).isEqualTo(OutcomeEvents.DECIDED);
        assertThat(event.get("source").asText()).isEqualTo("/lumbung/complaint-service");
        assertThat(event.get("subject").asText()).isEqualTo(household.toString());
        JsonNode data = event.get("data");
        var fields = new ArrayList<String>();
        data.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("caseNumber", "caseType", "outcome", "householdId", "programCode",
                "villageCode", "detail", "decidedAt");
        assertThat(data.get("caseNumber").asText()).isEqualTo(number);
        assertThat(data.get("caseType").asText()).isEqualTo("SANGGAH");
        assertThat(data.get("outcome").asText()).isEqualTo("SANGGAH_UPHELD");
        assertThat(data.get("householdId").asText()).isEqualTo(household.toString());
        assertThat(data.get("programCode").asText()).isEqualTo("BLTS_KESRA");
        assertThat(data.get("villageCode").asText()).isEqualTo(VILLAGE);
        assertThat(data.get("detail").asText()).isEqualTo("rumah layak, punya mobil");
        assertThat(Instant.parse(data.get("decidedAt").asText())).isEqualTo(decidedAt);
    }

    @Test
    void anAcceptedTolakAndAnAcceptedUsulArePublishedToo() {
        var decliner = UUID.randomUUID();
        String tolak = submit(Cases.simple("TOLAK", "APP", VILLAGE, decliner)).statusCode(201).extract().path("number");
        act(OPERATOR, tolak, "VERIFY", "KPM datang sendiri").statusCode(200);
        act(OPERATOR, tolak, "RESOLVE", "sudah berdaya, mundur dari BLTS Kesra").statusCode(200);

        var proposed = UUID.randomUUID();
        String usul = submit(Cases.simple("USUL", "APP", VILLAGE, null)).statusCode(201).extract().path("number");
        act(OPERATOR, usul, "VERIFY", "hasil musdes").statusCode(200);
        act(OPERATOR, usul, "RESOLVE", "diterima musdes").statusCode(400).body("violations.field", hasItem("householdId"));
        act(OPERATOR, usul, "{\"action\": \"RESOLVE\", \"note\": \"diterima musdes\", \"householdId\": \"" + proposed + "\"}")
                .statusCode(200).body("householdId", equalTo(proposed.toString()));

        var tolakEvent = TestTopics.await(OutcomeEvents.TOPIC, r -> decliner.toString().equals(r.key()), Duration.ofSeconds(30));
        assertThat(tolakEvent.event().get("data").get("outcome").asText()).isEqualTo("TOLAK_ACCEPTED");
        assertThat(tolakEvent.event().get("data").get("caseNumber").asText()).isEqualTo(tolak);
        var usulEvent = TestTopics.await(OutcomeEvents.TOPIC, r -> proposed.toString().equals(r.key()), Duration.ofSeconds(30));
        assertThat(usulEvent.event().get("data").get("outcome").asText()).isEqualTo("USUL_ACCEPTED");
        assertThat(usulEvent.event().get("data").get("caseType").asText()).isEqualTo("USUL");
    }
}
