package id.lumbung.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from the start on the real broker, the way an outside integrator would. */
public final class TopicReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A record as it sits on the topic: key, and the CloudEvent JSON as sent. */
    public record Record(String key, JsonNode event) {
    }

    private TopicReader() {
    }

    public static String bootstrap() {
        return System.getProperty("lumbung.test.kafka", System.getenv().getOrDefault("LUMBUNG_TEST_KAFKA", "127.0.0.1:19092"));
    }

    /** Waits until a record matching {@code match} appears on {@code topic}, or fails after {@code timeout}. */
    public static Record await(String topic, Predicate<Record> match, Duration timeout) {
        var found = readUntil(topic, records -> records.stream().anyMatch(match), timeout);
        return found.stream().filter(match).findFirst()
                .orElseThrow(() -> new AssertionError("no matching record on " + topic + " within " + timeout));
    }

    /** Reads {@code topic} from the beginning until {@code done} holds for what was read or time runs out. */
    public static List<Record> readUntil(String topic, Predicate<List<Record>> done, Duration timeout) {
        var props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<Record> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant end = Instant.now().plus(timeout);
            while (Instant.now().isBefore(end)) {
                for (var r : consumer.poll(Duration.ofMillis(200))) {
                    try {
                        records.add(new Record(r.key(), JSON.readTree(r.value())));
                    } catch (java.io.IOException e) {
                        records.add(new Record(r.key(), JSON.nullNode()));
                    }
                }
                if (done.test(records)) {
                    break;
                }
            }
        }
        return records;
    }
}
