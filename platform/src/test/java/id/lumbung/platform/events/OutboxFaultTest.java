package id.lumbung.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Kills the broker mid-stream (SIGKILL) and replays a batch as a relay that crashed between send and
 * commit would: every event, consumed in polled batches, still takes effect exactly once.
 */
@QuarkusTest
@QuarkusTestResource(value = FaultBroker.class, restrictToAnnotatedClass = true)
class OutboxFaultTest {

    static final String TOPIC = "platform.fault-test.v1";
    static final int BEFORE_KILL = 300;
    static final int WHILE_DOWN = 300;

    @Inject
    Outbox outbox;
    @Inject
    Inbox inbox;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyEventTakesEffectOnceThroughBrokerDeathAndRelayReplay() throws Exception {
        var stop = new AtomicBoolean();
        var consumer = new Thread(() -> consume(stop), "fault-test-consumer");
        consumer.start();
        try {
            write(0, BEFORE_KILL);
            // one event in the stream that can never be applied: it must not stop the others
            QuarkusTransaction.requiringNew().run(() -> outbox.publish(TOPIC, "poison", "id.lumbung.test.happened",
                    Map.of("seq", "not a number")));
            awaitApplied(50, Duration.ofSeconds(60));

            FaultBroker.script("kill", FaultBroker.NAME);
            write(BEFORE_KILL, WHILE_DOWN);
            assertThat(unpublished()).as("events wait in the outbox while the broker is down").isPositive();

            FaultBroker.script("start", FaultBroker.NAME, String.valueOf(FaultBroker.PORT));
            awaitApplied(BEFORE_KILL + WHILE_DOWN, Duration.ofSeconds(90));

            // A relay that died after Kafka acknowledged but before its commit sends the batch again.
            sql("update outbox_event set published_at = null where seq in (select seq from outbox_event order by seq limit 100)");
            var deadline = Instant.now().plusSeconds(60);
            while (unpublished() > 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            assertThat(unpublished()).isZero();
            Thread.sleep(3000); // give the repeats time to arrive and be dropped

            assertThat(count("select n from test_counter where id = 1")).isEqualTo(BEFORE_KILL + WHILE_DOWN);
            assertThat(count("select count(distinct event_id) from test_effect")).isEqualTo(BEFORE_KILL + WHILE_DOWN);
            assertThat(count("select count(*) from test_effect")).isEqualTo(BEFORE_KILL + WHILE_DOWN);
            assertThat(count("select count(distinct seq) from test_effect")).isEqualTo(BEFORE_KILL + WHILE_DOWN);
            assertThat(count("select count(*) from event_quarantine where consumer = 'platform.fault-test' and event_key = 'poison'"
                    + " and status = 'QUARANTINED'")).as("the poison event is quarantined once").isEqualTo(1);
            assertThat(count("select count(*) from outbox_event where topic = '" + TOPIC + ".platform-test.dlq'"
                    + " and published_at is not null")).as("and its dead letter published").isEqualTo(1);
        } finally {
            stop.set(true);
            consumer.join(10_000);
        }
    }

    @Test
    void aTombstoneLeavesTheOutboxAsARecordWithoutValueCarryingItsCloudEventsHeaders() throws Exception {
        String topic = "platform.tombstone-test.v1";
        String key = "aggregate-" + java.util.UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(topic, key, "id.lumbung.test.happened", Map.of("seq", 1)));
        var deadline = Instant.now().plusSeconds(60);
        while (count("select count(*) from outbox_event where event_key = '" + key + "' and published_at is null") > 0
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        QuarkusTransaction.requiringNew().run(() -> outbox.erase(topic, List.of(new Outbox.Tombstone(key, "id.lumbung.test.erased"))));
        assertThat(count("select count(*) from outbox_event where event_key = '" + key + "' and payload is not null"))
                .as("the key's earlier events leave the outbox with it").isZero();

        var props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + FaultBroker.PORT);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "tombstone-test-" + key);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        var seen = new java.util.ArrayList<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>>();
        try (var kafka = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            kafka.subscribe(List.of(topic));
            var end = Instant.now().plusSeconds(60);
            while (seen.size() < 2 && Instant.now().isBefore(end)) {
                kafka.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        seen.add(r);
                    }
                });
            }
        }
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0).value()).isNotNull();
        var tombstone = seen.get(1);
        assertThat(tombstone.value()).isNull();
        var headers = new java.util.HashMap<String, String>();
        tombstone.headers().forEach(h -> headers.put(h.key(), new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(headers).containsEntry("ce_specversion", "1.0").containsEntry("ce_type", "id.lumbung.test.erased")
                .containsEntry("ce_source", "/lumbung/platform-test").containsEntry("ce_subject", key).containsKey("ce_time");

        // and a consumer applies it once, as an erasure
        var received = EventEnvelope.tombstone(key, headers, "unused");
        assertThat(received.tombstone()).isTrue();
        assertThat(received.id()).isEqualTo(headers.get("ce_id"));
    }

    private void write(int from, int count) {
        for (int i = from; i < from + count; i += 10) {
            int first = i;
            QuarkusTransaction.requiringNew().run(() -> {
                for (int j = first; j < first + 10; j++) {
                    outbox.publish(TOPIC, "aggregate-" + (j % 7), "id.lumbung.test.happened", Map.of("seq", j));
                }
            });
        }
    }

    /** Not idempotent by itself, so a repeat would show; an event whose seq is not a number cannot be applied. */
    private final EventHandler effect = new EventHandler() {
        @Override
        public String consumer() {
            return "platform.fault-test";
        }

        @Override
        public String topic() {
            return TOPIC;
        }

        @Override
        public void apply(List<EventEnvelope.Received> events) {
            try (var c = dataSource.getConnection();
                    var insert = c.prepareStatement("insert into test_effect (event_id, seq) values (?, ?::bigint)");
                    var counter = c.prepareStatement("update test_counter set n = n + 1 where id = 1")) {
                for (var event : events) {
                    insert.setString(1, event.id());
                    insert.setString(2, event.data().get("seq").asText());
                    insert.executeUpdate();
                    counter.executeUpdate();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("effect failed", e);
            }
        }
    };

    private void consume(AtomicBoolean stop) {
        var props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + FaultBroker.PORT);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "fault-test");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (var kafka = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            kafka.subscribe(List.of(TOPIC));
            while (!stop.get()) {
                try {
                    var records = kafka.poll(Duration.ofMillis(200));
                    inbox.processBatch(effect, records);
                    if (!records.isEmpty()) {
                        kafka.commitSync(Duration.ofSeconds(5));
                    }
                } catch (RuntimeException e) {
                    // broker away: offsets not committed, the records come again later
                }
            }
        }
    }

    private void awaitApplied(long expected, Duration timeout) throws InterruptedException {
        var deadline = Instant.now().plus(timeout);
        while (count("select n from test_counter where id = 1") < expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(count("select n from test_counter where id = 1")).isGreaterThanOrEqualTo(expected);
    }

    private long unpublished() {
        return count("select count(*) from outbox_event where published_at is null");
    }

    private long count(String query) {
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void sql(String statement) {
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            s.executeUpdate(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
