package id.lumbung.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A polled batch is applied once per event id, in order, and a failing event cannot hold the others back. */
@QuarkusTest
class InboxBatchTest {

    @Inject
    Inbox inbox;
    @Inject
    ObjectMapper json;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void appliesEachNewEventOnceInOrderAndSkipsRepeatsAndForeignRecords() {
        String consumer = "batch-" + UUID.randomUUID();
        var a = event(1);
        var b = event(2);
        var c = event(3);
        var applied = new ArrayList<Long>();

        int first = inbox.processBatch(consumer, List.of(a, b, a, "not an event".getBytes(StandardCharsets.UTF_8)),
                events -> events.forEach(e -> applied.add(e.data().get("seq").asLong())));
        int second = inbox.processBatch(consumer, List.of(b, c, a),
                events -> events.forEach(e -> applied.add(e.data().get("seq").asLong())));

        assertThat(first).isEqualTo(2);
        assertThat(second).isEqualTo(1);
        assertThat(applied).containsExactly(1L, 2L, 3L);
        assertThat(recorded(consumer)).isEqualTo(3);
    }

    @Test
    void aFailingBatchIsRetriedEventByEventSoOnlyTheFailingEventIsLeft() {
        String consumer = "batch-" + UUID.randomUUID();
        var good = event(10);
        var poison = event(11);
        var later = event(12);
        var applied = new ArrayList<Long>();

        // the batch fails on the poison event: nothing of it stays, then each event is tried alone in order,
        // and the poison event's failure propagates so the broker delivers it again
        assertThatThrownBy(() -> inbox.processBatch(consumer, List.of(good, poison, later), events -> events.forEach(e -> {
            long seq = e.data().get("seq").asLong();
            if (seq == 11) {
                throw new IllegalStateException("cannot apply event 11");
            }
            applied.add(seq);
        }))).hasMessageContaining("cannot apply event 11");

        assertThat(applied).as("10 in the rolled back batch, then 10 alone").containsExactly(10L, 10L);
        assertThat(recorded(consumer)).as("only the event applied alone is recorded").isEqualTo(1);

        // redelivered once the cause is gone: the rest goes in, the applied event is not applied again
        applied.clear();
        int retried = inbox.processBatch(consumer, List.of(good, poison, later),
                events -> events.forEach(e -> applied.add(e.data().get("seq").asLong())));
        assertThat(retried).isEqualTo(2);
        assertThat(applied).containsExactly(11L, 12L);
        assertThat(recorded(consumer)).isEqualTo(3);
    }

    private byte[] event(long seq) {
        return EventEnvelope.serialize(json, "/lumbung/test", "id.lumbung.test.happened", "aggregate", Instant.now(),
                Map.of("seq", seq));
    }

    private long recorded(String consumer) {
        try (var c = dataSource.getConnection();
                var select = c.prepareStatement("select count(*) from inbox_event where consumer = ?")) {
            select.setString(1, consumer);
            try (var rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
