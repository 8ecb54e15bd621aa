package id.lumbung.platform.events;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A consumer for the inbox tests: records each event in {@code test_applied}, whose check an event can break. */
@ApplicationScoped
public class TestEventHandler implements EventHandler {

    static final String CONSUMER = "platform.test-events";
    static final String TOPIC = "platform.test.v1";

    /** How many more applications fail as a lost connection would. */
    private final AtomicInteger passingFailures = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    private final AgroalDataSource dataSource;

    public TestEventHandler(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void failPassing(int times) {
        passingFailures.set(times);
    }

    int calls() {
        return calls.get();
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public void apply(List<EventEnvelope.Received> events) {
        calls.incrementAndGet();
        if (passingFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("database away", new SQLException("An I/O error occurred", "08006"));
        }
        if (events.stream().anyMatch(e -> !e.data().has("seq"))) {
            throw new EventRejectedException("seq is missing");
        }
        try (var c = dataSource.getConnection();
                var insert = c.prepareStatement("insert into test_applied (event_id, key, seq) values (?, ?, ?)")) {
            for (var event : events) {
                insert.setString(1, event.id());
                insert.setString(2, event.subject());
                insert.setLong(3, event.data().get("seq").asLong());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("test effect failed", e);
        }
    }

    /** A tombstone erases what its key applied. */
    @Override
    public void erase(List<EventEnvelope.Received> tombstones) {
        try (var c = dataSource.getConnection(); var delete = c.prepareStatement("delete from test_applied where key = ?")) {
            for (var tombstone : tombstones) {
                delete.setString(1, tombstone.subject());
                delete.addBatch();
            }
            delete.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("test erasure failed", e);
        }
    }
}
