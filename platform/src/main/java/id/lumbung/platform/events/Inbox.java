package id.lumbung.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
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
