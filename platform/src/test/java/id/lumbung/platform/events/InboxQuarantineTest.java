package id.lumbung.platform.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.lumbung.platform.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A consumer never stops for one event: a polled batch is applied once per event id and in order; an event that
 * cannot be applied is quarantined (with its dead letter) while the others go in; later events of its key wait
 * behind it; a replay after the fix applies it and the held events exactly once; passing failures are retried.
 */
@QuarkusTest
class InboxQuarantineTest {

    private static final AtomicLong OFFSETS = new AtomicLong();

    @Inject
    Inbox inbox;
    @Inject
    TestEventHandler handler;
    @Inject
    ObjectMapper json;
    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void ruleInForce() {
        sql("alter table test_applied drop constraint if exists test_applied_seq_in_range");
        sql("alter table test_applied add constraint test_applied_seq_in_range check (seq < 1000000) not valid");
        handler.failPassing(0);
    }

    @Test
    void appliesEachNewEventOnceAndQuarantinesWhatCannotBeAppliedWhileTheRestGoesIn() {
        String k1 = key(), k2 = key(), k3 = key(), k4 = key();
        var a = record(k1, 1);
        var poison = record(k2, 1_000_001);
        var b = record(k3, 2);
        var behind = record(k2, 3);
        var garbage = raw(k4, "not an event");
        var d = record(k1, 4);

        int applied = inbox.processBatch(handler, List.of(a, poison, b, behind, garbage, d, a));

        assertThat(applied).isEqualTo(3);
        assertThat(seqs(k1, k2, k3, k4)).containsExactly(1L, 2L, 4L);
        assertThat(status(poison)).isEqualTo("QUARANTINED");
        assertThat(status(behind)).as("a later event of the poisoned key waits behind it").isEqualTo("HELD");
        assertThat(count("select count(*) from event_quarantine where event_key = '" + k4
                + "' and status = 'QUARANTINED' and error like 'not a CloudEvent%'")).isEqualTo(1);
        assertThat(count("select count(*) from outbox_event where topic = 'platform.test.v1.platform-test.dlq' and event_key in ('"
                + k2 + "', '" + k4 + "')")).as("each quarantined event has its dead letter").isEqualTo(3);
        assertThat(count("select count(*) from outbox_event where topic = 'platform.test.v1.platform-test.dlq' and event_key = '"
                + k2 + "' and payload->'data'->>'error' like '%test_applied_seq_in_range%'")).isEqualTo(1);

        // redelivered after a restart: nothing applied or quarantined twice
        assertThat(inbox.processBatch(handler, List.of(a, poison, b, behind, garbage, d))).isZero();
        assertThat(count("select count(*) from event_quarantine where event_key in ('" + k2 + "', '" + k4 + "')")).isEqualTo(3);

        // a new event of the poisoned key keeps waiting
        var later = record(k2, 5);
        assertThat(inbox.process(handler, later)).isZero();
        assertThat(status(later)).isEqualTo("HELD");

        // visible to the ministry, and the health group says so
        given().header("Authorization", TestTokens.bearer("kemensos"))
                .queryParam("consumer", TestEventHandler.CONSUMER).queryParam("status", "HELD")
                .get("/api/v1/quarantined-events").then().statusCode(200).body("total", equalTo(count(
                        "select count(*) from event_quarantine where status = 'HELD'")));
        given().get("/q/health/group/events").then().statusCode(503).body("status", equalTo("DOWN"));
        given().header("Authorization", TestTokens.bearer("operator-desa")).get("/api/v1/quarantined-events")
                .then().statusCode(403);

        // only the first event of a key can be replayed
        given().header("Authorization", TestTokens.bearer("kemensos"))
                .post("/api/v1/quarantined-events/{id}/replay", id(behind)).then().statusCode(409)
                .contentType("application/problem+json");

        // replayed before the cause is fixed: still quarantined, with the error counted
        given().header("Authorization", TestTokens.bearer("kemensos"))
                .post("/api/v1/quarantined-events/{id}/replay", id(poison)).then().statusCode(200)
                .body("applied.size()", equalTo(0)).body("stillQuarantined.attempts", equalTo(2));

        // fixed: the poison and the two held behind it go in, once, in their order
        sql("alter table test_applied drop constraint test_applied_seq_in_range");
        given().header("Authorization", TestTokens.bearer("kemensos"))
                .post("/api/v1/quarantined-events/{id}/replay", id(poison)).then().statusCode(200)
                .body("applied.size()", equalTo(3)).body("stillQuarantined", equalTo(null));
        assertThat(seqsOf(k2)).containsExactly(1_000_001L, 3L, 5L);
        assertThat(status(behind)).isEqualTo("REPLAYED");
        given().header("Authorization", TestTokens.bearer("kemensos"))
                .post("/api/v1/quarantined-events/{id}/replay", id(poison)).then().statusCode(409);
        assertThat(seqsOf(k2)).as("a second replay applies nothing").hasSize(3);

        // the record that is not an event is given up on, with a reason, audited
        long garbageId = count("select id from event_quarantine where event_key = '" + k4 + "'");
        given().header("Authorization", TestTokens.bearer("kemensos")).contentType(ContentType.JSON)
                .body(Map.of("reason", "")).post("/api/v1/quarantined-events/{id}/discard", garbageId)
                .then().statusCode(400);
        given().header("Authorization", TestTokens.bearer("kemensos")).contentType(ContentType.JSON)
                .body(Map.of("reason", "bukan CloudEvent")).post("/api/v1/quarantined-events/{id}/discard", garbageId)
                .then().statusCode(200);
        assertThat(count("select count(*) from audit_log where action = 'DISCARD' and subject_id = '" + garbageId + "'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from audit_log where action in ('REPLAY', 'REPLAY_FAILED') and subject = 'quarantined-event'"))
                .isGreaterThanOrEqualTo(4);
        assertThat(inbox.process(handler, record(k2, 6))).as("the key flows again").isEqualTo(1);
    }

    @Test
    void discardingTheFirstEventOfAKeyAppliesTheEventsHeldBehindIt() {
        String k = key();
        var poison = record(k, 2_000_000);
        var next = record(k, 7);
        assertThat(inbox.processBatch(handler, List.of(poison, next))).isZero();
        assertThat(status(next)).isEqualTo("HELD");

        given().header("Authorization", TestTokens.bearer("kemensos")).contentType(ContentType.JSON)
                .body(Map.of("reason", "nilai di luar batas, sudah dikoreksi di sumber"))
                .post("/api/v1/quarantined-events/{id}/discard", id(poison))
                .then().statusCode(200).body("applied.size()", equalTo(1));

        assertThat(seqsOf(k)).containsExactly(7L);
        assertThat(status(poison)).isEqualTo("DISCARDED");
    }

    @Test
    void aPassingFailureIsRetriedUntilItGoesThroughAndNothingIsQuarantined() {
        String k = key();
        handler.failPassing(3);
        int before = handler.calls();

        assertThat(inbox.processBatch(handler, List.of(record(k, 8), record(k, 9)))).isEqualTo(2);

        assertThat(handler.calls() - before).isEqualTo(4);
        assertThat(seqsOf(k)).containsExactly(8L, 9L);
        assertThat(count("select count(*) from event_quarantine where event_key = '" + k + "'")).isZero();
    }

    @Test
    void anEventThatBreaksTheContractIsQuarantinedNotSkipped() {
        String k = key();
        var broken = new ConsumerRecord<>(TestEventHandler.TOPIC, 0, OFFSETS.incrementAndGet(), k,
                EventEnvelope.serialize(json, "/lumbung/test", "id.lumbung.test.happened", k, Instant.now(), Map.of("other", 1)));
        assertThat(inbox.process(handler, broken)).isZero();
        assertThat(count("select count(*) from event_quarantine where event_key = '" + k
                + "' and status = 'QUARANTINED' and error like '%seq is missing%'")).isEqualTo(1);
    }

    @Test
    void aTombstoneErasesItsKeyInTheOrderReceivedAndOnce() {
        String k = key(), other = key();
        var first = record(k, 11);
        var erased = tombstone(k, true);
        var after = record(k, 12);
        var kept = record(other, 13);

        assertThat(inbox.processBatch(handler, List.of(first, kept, erased, after))).isEqualTo(4);
        assertThat(seqsOf(k)).as("what came before the tombstone is gone, what came after stays").containsExactly(12L);
        assertThat(seqsOf(other)).containsExactly(13L);

        // redelivered: the tombstone is not applied again (it would erase 12)
        assertThat(inbox.processBatch(handler, List.of(erased))).isZero();
        assertThat(seqsOf(k)).containsExactly(12L);

        // one written with the broker's own tools has no CloudEvents headers: its position names it
        var bare = tombstone(k, false);
        assertThat(inbox.process(handler, bare)).isEqualTo(1);
        assertThat(inbox.process(handler, bare)).isZero();
        assertThat(seqsOf(k)).isEmpty();
        assertThat(count("select count(*) from inbox_event where consumer = '" + TestEventHandler.CONSUMER
                + "' and event_id = '" + TestEventHandler.TOPIC + "/0@" + bare.offset() + "'")).isEqualTo(1);
    }

    @Test
    void aTombstoneWaitsBehindAQuarantinedEventOfItsKeyAndErasesWhenReplayed() {
        String k = key();
        var poison = record(k, 3_000_000);
        var erased = tombstone(k, true);
        assertThat(inbox.processBatch(handler, List.of(poison, erased))).isZero();
        assertThat(text("select status || ' ' || tombstone || ' ' || event_type from event_quarantine where event_key = '"
                + k + "' and tombstone")).isEqualTo("HELD true id.lumbung.test.erased");

        sql("alter table test_applied drop constraint test_applied_seq_in_range");
        given().header("Authorization", TestTokens.bearer("kemensos"))
                .post("/api/v1/quarantined-events/{id}/replay", id(poison)).then().statusCode(200)
                .body("applied.size()", equalTo(2));
        assertThat(seqsOf(k)).as("the poison went in, then the tombstone erased it").isEmpty();
    }

    @Test
    void aConsumerThatDoesNotEraseQuarantinesATombstone() {
        String k = key();
        var noEraser = new EventHandler() {
            @Override
            public String consumer() {
                return "platform.test-no-erasure";
            }

            @Override
            public String topic() {
                return TestEventHandler.TOPIC;
            }

            @Override
            public void apply(List<EventEnvelope.Received> events) {
            }
        };
        assertThat(inbox.process(noEraser, tombstone(k, true))).isZero();
        assertThat(text("select status from event_quarantine where consumer = 'platform.test-no-erasure' and event_key = '"
                + k + "' and error like '%does not erase%'")).isEqualTo("QUARANTINED");
    }

    @Test
    void aServiceThatIsStoppingQuarantinesNothingAndLeavesTheRecordsForItsRestart() {
        String k = key();
        var poison = record(k, 4_000_000);
        inbox.stopping(true);
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> inbox.process(handler, poison))
                    .isInstanceOf(RuntimeException.class);
            assertThat(count("select count(*) from event_quarantine where event_key = '" + k + "'")).isZero();
            assertThat(count("select count(*) from inbox_event where event_id = '" + eventId(poison) + "'"))
                    .as("not marked as seen: it is applied when it comes again").isZero();
        } finally {
            inbox.stopping(false);
        }
        // after the restart the record comes again and is handled as usual
        assertThat(inbox.process(handler, poison)).isZero();
        assertThat(status(poison)).isEqualTo("QUARANTINED");
    }

    private static ConsumerRecord<String, byte[]> tombstone(String key, boolean withHeaders) {
        var record = new ConsumerRecord<String, byte[]>(TestEventHandler.TOPIC, 0, OFFSETS.incrementAndGet(), key, null);
        if (withHeaders) {
            EventEnvelope.tombstoneHeaders(UUID.randomUUID(), "/lumbung/test", "id.lumbung.test.erased", key, Instant.now())
                    .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        }
        return record;
    }

    private ConsumerRecord<String, byte[]> record(String key, long seq) {
        return new ConsumerRecord<>(TestEventHandler.TOPIC, 0, OFFSETS.incrementAndGet(), key,
                EventEnvelope.serialize(json, "/lumbung/test", "id.lumbung.test.happened", key, Instant.now(),
                        Map.of("seq", seq)));
    }

    private static ConsumerRecord<String, byte[]> raw(String key, String value) {
        return new ConsumerRecord<>(TestEventHandler.TOPIC, 0, OFFSETS.incrementAndGet(), key,
                value.getBytes(StandardCharsets.UTF_8));
    }

    private static String key() {
        return "k-" + UUID.randomUUID();
    }

    private String status(ConsumerRecord<String, byte[]> record) {
        return text("select status from event_quarantine where event_id = '" + eventId(record) + "'");
    }

    private long id(ConsumerRecord<String, byte[]> record) {
        return count("select id from event_quarantine where event_id = '" + eventId(record) + "'");
    }

    private String eventId(ConsumerRecord<String, byte[]> record) {
        return EventEnvelope.parse(json, record.value()).id();
    }

    private List<Long> seqs(String... keys) {
        return longs("select seq from test_applied where key in ('" + String.join("', '", keys) + "') order by n");
    }

    private List<Long> seqsOf(String key) {
        return seqs(key);
    }

    private List<Long> longs(String query) {
        var values = new ArrayList<Long>();
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int count(String query) {
        var values = longs(query);
        return values.isEmpty() ? 0 : values.get(0).intValue();
    }

    private String text(String query) {
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(query)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void sql(String statement) {
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
