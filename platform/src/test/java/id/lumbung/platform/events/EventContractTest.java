package id.lumbung.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lumbung.platform.testing.EventContract;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The event contract check: what follows docs/asyncapi.yaml passes, and each way of breaking it is named. */
class EventContractTest {

    static final EventContract CONTRACT = EventContract.load();
    static final String TOPIC = "registry.households.v1";
    static final String REGISTERED = "id.lumbung.registry.household.registered";
    final ObjectMapper json = new ObjectMapper();
    final String household = "8a1f6b52-3c4d-4e5f-9a6b-7c8d9e0f1a2b";

    @Test
    void everyExampleOfTheDocumentFollowsItsMessage() {
        assertThat(CONTRACT.exampleViolations()).isEmpty();
    }

    @Test
    void anEventAsTheOutboxWritesItFollowsTheContract() throws Exception {
        assertThat(CONTRACT.violations(TOPIC, REGISTERED, household, event(REGISTERED, household, state()))).isEmpty();
        assertThat(CONTRACT.messageName(TOPIC, REGISTERED)).isEqualTo("HouseholdState");
    }

    @Test
    void aTracedEventCarriesItsTraceparent() throws Exception {
        var event = event(REGISTERED, household, state());
        event.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        assertThat(CONTRACT.violations(TOPIC, REGISTERED, household, event)).isEmpty();
        event.put("traceparent", "not a trace");
        assertThat(CONTRACT.violations(TOPIC, REGISTERED, household, event)).singleElement().asString()
                .contains("traceparent");
    }

    @Test
    void aTombstoneAsTheRelayWritesItFollowsTheContractAndItsFaultsAreNamed() throws Exception {
        String erased = "id.lumbung.registry.household.erased";
        var headers = EventEnvelope.tombstoneHeaders(java.util.UUID.randomUUID(), "/lumbung/registry-service", erased,
                household, java.time.Instant.now());
        assertThat(CONTRACT.tombstoneViolations(TOPIC, erased, household, headers)).isEmpty();
        assertThat(CONTRACT.messageName(TOPIC, erased)).isEqualTo("HouseholdErased");

        assertThat(CONTRACT.tombstoneViolations(TOPIC, REGISTERED, household, headers)).singleElement().asString()
                .contains("no tombstone message");
        assertThat(CONTRACT.tombstoneViolations(TOPIC, erased, "not-a-household", headers))
                .anySatisfy(v -> assertThat(v).contains("key"));
        var noId = new java.util.LinkedHashMap<>(headers);
        noId.remove("ce_id");
        assertThat(CONTRACT.tombstoneViolations(TOPIC, erased, household, noId)).singleElement().asString().contains("ce_id");
        // and a tombstone's type written as an event is refused
        assertThat(CONTRACT.violations(TOPIC, erased, household, event(erased, household, state()))).singleElement()
                .asString().contains("without a value");
    }

    @Test
    void aTypeTheTopicDoesNotCarryIsRefused() throws Exception {
        String type = "id.lumbung.registry.household.renamed";
        assertThat(CONTRACT.violations(TOPIC, type, household, event(type, household, state())))
                .singleElement().asString().contains("is no message of channel households");
    }

    @Test
    void aMissingFieldIsNamed() throws Exception {
        var state = state();
        ((Map<?, ?>) ((List<?>) state.get("members")).get(0)).remove("birthDate");
        assertThat(CONTRACT.violations(TOPIC, REGISTERED, household, event(REGISTERED, household, state)))
                .anySatisfy(v -> assertThat(v).contains("birthDate").contains("members"));
    }

    @Test
    void aValueOutOfItsBoundsOrOfTheWrongTypeIsNamed() throws Exception {
        var state = state();
        state.put("desil", 11);
        state.put("version", "3");
        state.put("noKk", "33200612031500");
        assertThat(CONTRACT.violations(TOPIC, REGISTERED, household, event(REGISTERED, household, state)))
                .anySatisfy(v -> assertThat(v).contains("desil"))
                .anySatisfy(v -> assertThat(v).contains("version"))
                .anySatisfy(v -> assertThat(v).contains("noKk"));
    }

    @Test
    void aKeyThatIsNotTheHouseholdIdIsRefused() throws Exception {
        String key = household + "/BLTS_KESRA_2025/2025-Q4";
        var violations = CONTRACT.violations(TOPIC, REGISTERED, key, event(REGISTERED, household, state()));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("key").contains("pattern"));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("is not the event's subject"));
    }

    @Test
    void aDeterminationIsKeyedByHouseholdProgramAndPeriod() throws Exception {
        String type = "id.lumbung.eligibility.determination.made";
        String key = household + "/BLTS_KESRA_2025/2025-Q4";
        var data = new LinkedHashMap<String, Object>(Map.of("householdId", household, "villageCode", "33.20.06.1001",
                "programCode", "BLTS_KESRA_2025", "period", "2025-Q4", "ruleVersion", 1, "registryVersion", 2,
                "eligible", true, "reasons", List.of(), "determinedAt", "2025-10-06T02:15:32.118Z"));
        var event = event("/lumbung/eligibility-service", type, key, data);
        assertThat(CONTRACT.violations("eligibility.determinations.v1", type, key, event)).isEmpty();
        assertThat(CONTRACT.violations("eligibility.determinations.v1", type, household, event(
                "/lumbung/eligibility-service", type, household, data))).anySatisfy(v -> assertThat(v).contains("key"));
        data.put("eligible", false);
        assertThat(CONTRACT.violations("eligibility.determinations.v1", type, key, event("/lumbung/eligibility-service",
                type, key, data))).as("not eligible without a reason").isNotEmpty();
    }

    @Test
    void aTopicTheContractDoesNotDescribeIsRefused() throws Exception {
        assertThat(CONTRACT.violations("registry.persons.v1", REGISTERED, household, event(REGISTERED, household, state())))
                .singleElement().asString().contains("no channel");
    }

    @Test
    void aDeadLetterOfAnyConsumedTopicFollowsTheContract() throws Exception {
        var letter = new LinkedHashMap<String, Object>();
        letter.put("consumer", "eligibility.registry-households");
        letter.put("topic", TOPIC);
        letter.put("partition", 2);
        letter.put("offset", 4711L);
        letter.put("eventId", TOPIC + "/2@4711");
        letter.put("eventType", null);
        letter.put("key", household);
        letter.put("status", "QUARANTINED");
        letter.put("error", "not a CloudEvent: no specversion");
        letter.put("payloadBytes", 5);
        letter.put("payloadSha256", "4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945");
        letter.put("payload", null);
        String topic = TOPIC + ".eligibility-service.dlq";
        var event = event("/lumbung/eligibility-service", Quarantine.DEAD_LETTER_TYPE, household, letter);
        assertThat(CONTRACT.violations(topic, Quarantine.DEAD_LETTER_TYPE, household, event)).isEmpty();
        assertThat(CONTRACT.messageName(topic, Quarantine.DEAD_LETTER_TYPE)).isEqualTo("EventQuarantined");
        letter.put("status", "LOST");
        assertThat(CONTRACT.violations(topic, Quarantine.DEAD_LETTER_TYPE, household, event(
                "/lumbung/eligibility-service", Quarantine.DEAD_LETTER_TYPE, household, letter)))
                .singleElement().asString().contains("status");
    }

    private ObjectNode event(String type, String subject, Object data) throws Exception {
        return event("/lumbung/registry-service", type, subject, data);
    }

    private ObjectNode event(String source, String type, String subject, Object data) throws Exception {
        return (ObjectNode) json.readTree(EventEnvelope.serialize(json, UUID.randomUUID(), source, type, subject,
                Instant.parse("2025-10-06T02:15:31.402518Z"), data));
    }

    private Map<String, Object> state() {
        var member = new LinkedHashMap<String, Object>();
        member.put("nik", "3320061507850001");
        member.put("fullName", "SUPARMAN");
        member.put("sex", "MALE");
        member.put("birthDate", "1985-07-15");
        member.put("relationship", "KEPALA_KELUARGA");
        member.put("disability", null);
        member.put("employment", List.of("PERANGKAT_DESA"));
        member.put("lifeStatus", "ALIVE");
        member.put("deathDate", null);
        var state = new LinkedHashMap<String, Object>();
        state.put("householdId", household);
        state.put("noKk", "3320061203150004");
        state.put("villageCode", "33.20.06.1001");
        state.put("desil", 2);
        state.put("desilPeriod", "2025-Q3");
        state.put("status", "ACTIVE");
        state.put("version", 0L);
        state.put("kksCard", true);
        state.put("monthlyIncome", 1_800_000L);
        state.put("members", List.of(member));
        return state;
    }
}
