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

/** The test broker seen from outside: read a topic from the start as an integrator would, or send to it. */
public final class TestTopics {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A record as it sits on the topic: key, the CloudEvent JSON as sent (a JSON null for a tombstone) and the
     * record's headers.
     */
    public record Record(String key, JsonNode event, java.util.Map<String, String> headers) {

        public Record(String key, JsonNode event) {
            this(key, event, java.util.Map.of());
        }

        /** Whether the record is a tombstone (no value): its key is erased. */
        public boolean tombstone() {
            return event.isNull() && headers.containsKey(TOMBSTONE);
        }
    }

    /** The marker {@link #readUntil} gives a record without a value among its headers. */
    private static final String TOMBSTONE = "(no value)";

    private TestTopics() {
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
                    var headers = new java.util.LinkedHashMap<String, String>();
                    r.headers().forEach(h -> headers.put(h.key(), h.value() == null ? null
                            : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)));
                    if (r.value() == null) {
                        headers.put(TOMBSTONE, "");
                        records.add(new Record(r.key(), JSON.nullNode(), headers));
                        continue;
                    }
                    try {
                        records.add(new Record(r.key(), JSON.readTree(r.value()), headers));
                    } catch (java.io.IOException e) {
                        records.add(new Record(r.key(), JSON.nullNode(), headers));
                    }
                }
                if (done.test(records)) {
                    break;
                }
            }
        }
        return records;
    }

    /**
     * Sends a record as another service's outbox relay would (with its content-type header), and waits for
     * the broker's acknowledgement.
     */
    public static void send(String topic, String key, byte[] value) {
        var props = new Properties();
        props.put(org.apache.kafka.clients.producer.ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(org.apache.kafka.clients.producer.ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<>(props,
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            var record = new org.apache.kafka.clients.producer.ProducerRecord<>(topic, key, value);
            record.headers().add("content-type", id.lumbung.platform.events.EventEnvelope.CONTENT_TYPE
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /** Sends a tombstone (no value) for {@code key} with these headers, as an outbox relay does, and waits for the ack. */
    public static void sendTombstone(String topic, String key, java.util.Map<String, String> headers) {
        var props = new Properties();
        props.put(org.apache.kafka.clients.producer.ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(org.apache.kafka.clients.producer.ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<>(props,
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            var record = new org.apache.kafka.clients.producer.ProducerRecord<String, byte[]>(topic, key, null);
            headers.forEach((name, value) -> record.headers().add(name, value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }
}
