package id.lumbung.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    final ObjectMapper json = new ObjectMapper();

    @Test
    void writesStructuredCloudEventsAPlainConsumerCanRead() throws Exception {
        byte[] bytes = EventEnvelope.serialize(json, "/lumbung/registry", "id.lumbung.registry.household.registered",
                "hh-1", Instant.parse("2025-11-21T01:00:00Z"), Map.of("desil", 3));
        var tree = json.readTree(bytes);
        assertThat(tree.get("specversion").asText()).isEqualTo("1.0");
        assertThat(tree.get("type").asText()).isEqualTo("id.lumbung.registry.household.registered");
        assertThat(tree.get("subject").asText()).isEqualTo("hh-1");
        assertThat(tree.get("data").get("desil").asInt()).isEqualTo(3);
        assertThat(tree.get("time").asText()).startsWith("2025-11-21T01:00");

        var received = EventEnvelope.parse(json, bytes);
        assertThat(received.id()).isEqualTo(tree.get("id").asText());
        assertThat(received.data().get("desil").asInt()).isEqualTo(3);
    }

    @Test
    void refusesWhatIsNotACloudEvent() {
        assertThatThrownBy(() -> EventEnvelope.parse(json, "{\"hello\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
