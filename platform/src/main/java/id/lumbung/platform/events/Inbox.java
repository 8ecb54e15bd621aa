package id.lumbung.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The idempotent consumer: an event's id is recorded in {@code inbox_event} in the same transaction
 * as its effect, so a redelivered event (relay retry, consumer restart, rebalance) changes nothing.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public Inbox(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /**
     * Applies {@code effect} once per event id for {@code consumer}. Returns false for a repeat or for a
     * payload that is not a CloudEvent (logged and skipped: one bad record must not stop a topic).
     * If the effect throws, nothing is recorded and the exception propagates, so the event comes again.
     */
    public boolean process(String consumer, byte[] payload, Consumer<EventEnvelope.Received> effect) {
        EventEnvelope.Received event;
        try {
            event = EventEnvelope.parse(json, payload);
        } catch (IllegalArgumentException e) {
            LOG.warnf("%s skipped a record that is not a CloudEvent: %s", consumer, e.getMessage());
            return false;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!firstTime(consumer, event.id())) {
                return false;
            }
            effect.accept(event);
            return true;
        });
    }

    /**
     * Applies {@code effect} once to the events of a polled batch that {@code consumer} has not seen, in the
     * order received and in one transaction with their inbox records: a bulk flow (an import announcing a
     * million households) costs one commit per poll instead of one per event. Repeats, within the batch or
     * from before, and records that are not CloudEvents are left out. If the batch fails, every event is
     * retried on its own through {@link #process}, so one event that keeps failing propagates alone and the
     * others still go in. Returns how many events were applied.
     */
    public int processBatch(String consumer, List<byte[]> payloads, Consumer<List<EventEnvelope.Received>> effect) {
        var events = new ArrayList<EventEnvelope.Received>(payloads.size());
        var parsed = new ArrayList<byte[]>(payloads.size());
        for (byte[] payload : payloads) {
            try {
                events.add(EventEnvelope.parse(json, payload));
                parsed.add(payload);
            } catch (IllegalArgumentException e) {
                LOG.warnf("%s skipped a record that is not a CloudEvent: %s", consumer, e.getMessage());
            }
        }
        if (events.isEmpty()) {
            return 0;
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                var fresh = firstTimes(consumer, events);
                if (!fresh.isEmpty()) {
                    effect.accept(fresh);
                }
                return fresh.size();
            });
        } catch (RuntimeException e) {
            LOG.warnf("%s could not apply a batch of %d events (%s): applying them one by one", consumer,
                    events.size(), e.getMessage());
            int applied = 0;
            for (byte[] payload : parsed) {
                if (process(consumer, payload, event -> effect.accept(List.of(event)))) {
                    applied++;
                }
            }
            return applied;
        }
    }

    /** Records the events' ids for {@code consumer}; returns the events seen for the first time, in order. */
    private List<EventEnvelope.Received> firstTimes(String consumer, List<EventEnvelope.Received> events) {
        Set<String> inserted = new HashSet<>();
        try (var connection = dataSource.getConnection(); var insert = connection.prepareStatement("""
                insert into inbox_event (consumer, event_id) select ?, unnest(?::text[])
                on conflict do nothing returning event_id""")) {
            insert.setString(1, consumer);
            insert.setArray(2, connection.createArrayOf("text", events.stream().map(EventEnvelope.Received::id).toArray()));
            try (var rs = insert.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("inbox write failed", e);
        }
        var fresh = new ArrayList<EventEnvelope.Received>(inserted.size());
        for (var event : events) {
            if (inserted.remove(event.id())) {
                fresh.add(event);
            }
        }
        return fresh;
    }

    private boolean firstTime(String consumer, String eventId) {
        try (var connection = dataSource.getConnection(); var insert = connection.prepareStatement(
                "insert into inbox_event (consumer, event_id) values (?, ?) on conflict do nothing")) {
            insert.setString(1, consumer);
            insert.setString(2, eventId);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("inbox write failed", e);
        }
    }
}
