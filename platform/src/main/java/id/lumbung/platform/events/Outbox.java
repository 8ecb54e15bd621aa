package id.lumbung.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import id.lumbung.platform.sql.SqlArrays;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The transactional outbox: an event is written in the same transaction as the state change it
 * announces, and {@link OutboxRelay} publishes it afterwards. Nothing is sent to Kafka from here.
 */
@ApplicationScoped
public class Outbox {

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final Clock clock;
    private final String source;

    private final OutboxRelay relay;
    private final TransactionSynchronizationRegistry transactions;

    public Outbox(AgroalDataSource dataSource, ObjectMapper json, Clock clock, OutboxRelay relay,
            TransactionSynchronizationRegistry transactions,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.relay = relay;
        this.transactions = transactions;
        this.dataSource = dataSource;
        this.json = json;
        this.clock = clock;
        this.source = "/lumbung/" + service;
    }

    /** An event to record: the aggregate key, the CloudEvents type and the data. */
    public record Pending(String key, String type, Object data) {
    }

    /**
     * Records an event for {@code topic}, keyed by the aggregate id so that order per aggregate holds.
     *
     * @param type CloudEvents type, e.g. {@code id.lumbung.registry.household.registered}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String topic, String key, String type, Object data) {
        publishAll(topic, List.of(new Pending(key, type, data)));
    }

    /**
     * Records many events for {@code topic} in one statement, in their order: the rows arrive as arrays and are
     * inserted as a set, so a poll that decides thousands of households costs one insert, not thousands.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAll(String topic, List<Pending> events) {
        if (events.isEmpty()) {
            return;
        }
        String traceparent = Tracing.traceparent();
        var now = clock.instant();
        var ids = events.stream().map(e -> UUID.randomUUID()).toList();
        try (var connection = dataSource.getConnection(); var insert = connection.prepareStatement("""
                insert into outbox_event (id, topic, event_key, event_type, payload)
                select e.id, ?, e.event_key, e.event_type, e.payload::jsonb
                from unnest(?::uuid[], ?::text[], ?::text[], ?::text[]) with ordinality as e(id, event_key, event_type, payload, n)
                order by e.n""")) {
            insert.setString(1, topic);
            insert.setArray(2, connection.createArrayOf("uuid", ids.toArray()));
            insert.setArray(3, SqlArrays.column(connection, "text", events, Pending::key));
            insert.setArray(4, SqlArrays.column(connection, "text", events, Pending::type));
            var payloads = new ArrayList<String>(events.size());
            for (int i = 0; i < events.size(); i++) {
                var event = events.get(i);
                payloads.add(new String(EventEnvelope.serialize(json, ids.get(i), source, event.type(), event.key(), now,
                        event.data(), traceparent), StandardCharsets.UTF_8));
            }
            insert.setArray(5, connection.createArrayOf("text", payloads.toArray()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write to the outbox", e);
        }
        wakeRelayOnCommit();
    }

    /** A key to erase from a compacted topic, and the CloudEvents type that says why. */
    public record Tombstone(String key, String type) {
    }

    /**
     * Records tombstones for {@code topic}: each erases its key from the compacted topic once the broker has
     * compacted it (every earlier record of the key goes), and tells the topic's consumers that the key no longer
     * exists. A tombstone has no value; its id, type and key travel in CloudEvents headers ({@link EventEnvelope}).
     * Every row of the same keys still in the outbox is dropped first: unpublished ones would only spread what is
     * being erased, published ones are kept a week for nobody but an operator.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(String topic, List<Tombstone> tombstones) {
        if (tombstones.isEmpty()) {
            return;
        }
        var keys = tombstones.stream().map(Tombstone::key).distinct().toArray();
        try (var connection = dataSource.getConnection();
                var drop = connection.prepareStatement("delete from outbox_event where topic = ? and event_key = any(?)");
                var insert = connection.prepareStatement(
                        "insert into outbox_event (id, topic, event_key, event_type, payload) values (?, ?, ?, ?, null)")) {
            drop.setString(1, topic);
            drop.setArray(2, connection.createArrayOf("text", keys));
            drop.executeUpdate();
            for (var tombstone : tombstones) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, topic);
                insert.setString(3, tombstone.key());
                insert.setString(4, tombstone.type());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write to the outbox", e);
        }
        wakeRelayOnCommit();
    }

    private void wakeRelayOnCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
