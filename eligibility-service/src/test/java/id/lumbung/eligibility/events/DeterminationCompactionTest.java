package id.lumbung.eligibility.events;

import static id.lumbung.eligibility.events.RegistryEvents.family;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lumbung.platform.testing.TestTopics;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * An integrator who rebuilds the current determinations from the compacted topic gets every program and period of
 * every household: the records the relay published are copied, key for key, to a topic that the broker really
 * compacts (small segments, any dirt cleanable), and the state read back from it is the service's own.
 */
@QuarkusTest
class DeterminationCompactionTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String DEMAK = "33.21.01.2001";
    static final String ROLL = "segment-roll";

    @Test
    void theCompactedTopicKeepsTheCurrentDeterminationOfEveryProgramAndPeriod() throws Exception {
        var families = List.of(family(DEMAK, 3).head().wife(), family(DEMAK, 2).head(), family(DEMAK, 4).head().wife());
        for (var f : families) {
            f.sendAsRelay(f.event());
        }
        for (var f : families) {
            DeterminationFlowTest.awaitDeterminations(f.id, d -> d.getList("determinations").size()
                    == DeterminationFlowTest.NATIONAL_PROGRAMS);
        }
        for (var f : families) {
            f.version(1).desil(9);
            f.sendAsRelay(f.event());
        }
        for (var f : families) {
            DeterminationFlowTest.awaitDeterminations(f.id, d -> d.getList("determinations.registryVersion").stream()
                    .allMatch(v -> ((Number) v).longValue() == 1));
        }

        Set<String> households = families.stream().map(f -> f.id.toString()).collect(Collectors.toSet());
        int published = 2 * DeterminationFlowTest.NATIONAL_PROGRAMS * families.size();
        var relayed = TestTopics.readUntil(DeterminationEvents.TOPIC, rs -> rs.stream().filter(r -> ours(r, households))
                .count() >= published, Duration.ofSeconds(60)).stream().filter(r -> ours(r, households)).toList();
        assertThat(relayed).hasSize(published);

        String topic = "test.determinations.compacted." + UUID.randomUUID();
        createCompactedTopic(topic);
        try (var producer = producer()) {
            for (var r : relayed) {
                producer.send(new ProducerRecord<>(topic, r.key(), JSON.writeValueAsBytes(r.event()))).get();
            }
            Thread.sleep(1_500);
            producer.send(new ProducerRecord<>(topic, ROLL, "{}".getBytes())).get();
        }

        int current = DeterminationFlowTest.NATIONAL_PROGRAMS * families.size();
        List<TestTopics.Record> compacted = List.of();
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            compacted = TestTopics.readUntil(topic, rs -> rs.stream().anyMatch(r -> ROLL.equals(r.key())),
                    Duration.ofSeconds(20)).stream().filter(r -> ours(r, households)).toList();
            if (compacted.size() == current) {
                break;
            }
            Thread.sleep(2_000);
        }
        assertThat(compacted).as("records left after the broker compacted the topic").hasSize(current);

        Map<String, Map<String, JsonNode>> rebuilt = new HashMap<>();
        for (var r : compacted) {
            JsonNode data = r.event().get("data");
            rebuilt.computeIfAbsent(data.get("householdId").asText(), h -> new HashMap<>())
                    .put(data.get("programCode").asText() + "/" + data.get("period").asText(), data);
        }
        assertThat(rebuilt.keySet()).isEqualTo(households);
        for (var f : families) {
            var served = DeterminationFlowTest.awaitDeterminations(f.id, d -> true);
            Map<String, JsonNode> state = rebuilt.get(f.id.toString());
            assertThat(state).hasSize(DeterminationFlowTest.NATIONAL_PROGRAMS);
            List<Map<String, Object>> determinations = served.getList("determinations");
            for (var d : determinations) {
                JsonNode kept = state.get(d.get("programCode") + "/" + d.get("period"));
                assertThat(kept).as(f.id + " " + d.get("programCode")).isNotNull();
                assertThat(kept.get("eligible").asBoolean()).isEqualTo(d.get("eligible"));
                assertThat(kept.get("registryVersion").asLong()).isEqualTo(1L);
            }
        }
    }

    private static boolean ours(TestTopics.Record r, Set<String> households) {
        return r.key() != null && households.contains(r.key().split("/", 2)[0]);
    }

    private static void createCompactedTopic(String topic) throws Exception {
        var props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestTopics.bootstrap());
        try (var admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(Map.of(
                    "cleanup.policy", "compact",
                    "segment.ms", "1000",
                    "min.cleanable.dirty.ratio", "0.001",
                    "delete.retention.ms", "100")))).all().get();
        }
    }

    private static KafkaProducer<String, byte[]> producer() {
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestTopics.bootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }
}
