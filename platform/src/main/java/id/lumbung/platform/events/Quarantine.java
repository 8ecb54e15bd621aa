package id.lumbung.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lumbung.platform.audit.AuditLog;
import id.lumbung.platform.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Events a consumer could not apply, kept with their error in {@code event_quarantine} and sent to the
 * consumer's dead-letter topic {@code <topic>.<service>.dlq} through the outbox. A quarantined event is the
 * head of its key's queue: later events of the same key wait behind it as HELD. An operator replays it once
 * the cause is fixed (the held events follow in order), or discards it with a reason (the held events are
 * then applied); every action is audited and applies an event at most once.
 */
@ApplicationScoped
public class Quarantine {

    public static final String QUARANTINED = "QUARANTINED";
    public static final String HELD = "HELD";
    public static final String REPLAYED = "REPLAYED";
    public static final String DISCARDED = "DISCARDED";
    /** The CloudEvents type of a dead-letter record. */
    public static final String DEAD_LETTER_TYPE = "id.lumbung.event.quarantined";
    /** A dead-letter record carries the original event up to this size; the quarantine table keeps all of it. */
    static final int DEAD_LETTER_PAYLOAD_LIMIT = 256 * 1024;
    private static final Logger LOG = Logger.getLogger(Quarantine.class);
    private static final String COLUMNS = """
            id, consumer, topic, partition_no, record_offset, event_id, event_key, event_type, status, error, attempts,
            quarantined_at, resolved_at, resolved_by, resolution""";

    /** One quarantined event, without its payload. */
    @Schema(name = "QuarantinedEvent", description = "An event a consumer of this service could not apply, without its payload")
    public record Entry(long id, String consumer, String topic, Integer partition, Long offset, String eventId,
            String eventKey, String eventType, String status, String error, int attempts, Instant quarantinedAt,
            Instant resolvedAt, String resolvedBy, String resolution) {
    }

    /** One quarantined event with the record as received: JSON when it is JSON, else its text. */
    @Schema(name = "QuarantinedEventDetail", description = "A quarantined event with the record as it was received")
    public record Detail(Entry entry, JsonNode payload, String payloadText, int payloadBytes) {
    }

    @Schema(name = "QuarantinedEventPage", description = "A page of quarantined events, oldest first")
    public record Page(List<Entry> items, int page, int size, long total) {
    }

    /** What a replay or discard did: the events that took effect, in order, and the one left in quarantine, if any. */
    @Schema(name = "QuarantineOutcome", description = "What a replay or discard did")
    public record Outcome(List<Entry> applied, Entry stillQuarantined) {
    }

    /** Open (quarantined or held) events of one consumer: how many and the age of the oldest in seconds. */
    public record Backlog(long open, long oldestAgeSeconds) {
    }

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final Outbox outbox;
    private final Instance<EventHandler> handlers;
    private final AuditLog audit;
    private final Clock clock;
    private final MeterRegistry meters;
    private final String service;
    private final Map<String, Backlog> backlogs = new ConcurrentHashMap<>();

    public Quarantine(AgroalDataSource dataSource, ObjectMapper json, Outbox outbox, Instance<EventHandler> handlers,
            AuditLog audit, Clock clock, MeterRegistry meters,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.dataSource = dataSource;
        this.json = json;
        this.outbox = outbox;
        this.handlers = handlers;
        this.audit = audit;
        this.clock = clock;
        this.meters = meters;
        this.service = service;
    }

    /** The dead-letter topic of a consumer of {@code topic} in this service. */
    public String deadLetterTopic(String topic) {
        return topic + "." + service + ".dlq";
    }

    void onStart(@Observes StartupEvent event) {
        for (var handler : handlers) {
            String consumer = handler.consumer();
            backlogs.put(consumer, new Backlog(0, 0));
            Gauge.builder("lumbung.events.quarantined", backlogs, b -> b.getOrDefault(consumer, new Backlog(0, 0)).open())
                    .description("events this consumer could not apply and keeps in quarantine (quarantined and held)")
                    .tag("consumer", consumer).register(meters);
            Gauge.builder("lumbung.events.quarantine.oldest.age", backlogs,
                    b -> b.getOrDefault(consumer, new Backlog(0, 0)).oldestAgeSeconds())
                    .description("age in seconds of this consumer's oldest event in quarantine, 0 when none")
                    .baseUnit("seconds").tag("consumer", consumer).register(meters);
        }
        refresh();
    }

    /** The open events per consumer, as the gauges and the health check show them. */
    public Map<String, Backlog> backlogs() {
        return new TreeMap<>(backlogs);
    }

    @Scheduled(every = "${lumbung.quarantine.refresh:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        var seen = new HashSet<String>();
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("""
                select consumer, count(*), min(quarantined_at) from event_quarantine
                where status in ('QUARANTINED', 'HELD') group by consumer""");
                var rs = s.executeQuery()) {
            while (rs.next()) {
                Instant oldest = rs.getTimestamp(3).toInstant();
                backlogs.put(rs.getString(1), new Backlog(rs.getLong(2),
                        Math.max(0, Duration.between(oldest, clock.instant()).toSeconds())));
                seen.add(rs.getString(1));
            }
        } catch (SQLException e) {
            LOG.debugf("quarantine backlog not refreshed: %s", e.getMessage());
            return;
        }
        backlogs.replaceAll((consumer, backlog) -> seen.contains(consumer) ? backlog : new Backlog(0, 0));
    }

    /** The keys among {@code keys} that have an open event for {@code consumer}: their later events must wait. */
    Set<String> openKeys(String consumer, List<String> keys) {
        var wanted = keys.stream().filter(Objects::nonNull).distinct().toArray();
        var open = new HashSet<String>();
        if (wanted.length == 0) {
            return open;
        }
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("""
                select distinct event_key from event_quarantine
                where consumer = ? and status in ('QUARANTINED', 'HELD') and event_key = any(?)""")) {
            s.setString(1, consumer);
            s.setArray(2, c.createArrayOf("text", wanted));
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    open.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("quarantine read failed", e);
        }
        return open;
    }

    /**
     * In the caller's transaction: keeps the arrival in quarantine (HELD when it waits behind an earlier event
     * of its key) and records its dead letter in the outbox.
     */
    void hold(EventHandler handler, Inbox.Arrival arrival, String error, boolean behindEarlier) {
        var record = arrival.record();
        byte[] payload = record.value() == null ? new byte[0] : record.value();
        String status = behindEarlier || (arrival.key() != null
                && !openKeys(handler.consumer(), List.of(arrival.key())).isEmpty()) ? HELD : QUARANTINED;
        String type = arrival.event() == null ? null : arrival.event().type();
        try (var c = dataSource.getConnection(); var insert = c.prepareStatement("""
                insert into event_quarantine (consumer, topic, partition_no, record_offset, event_id, event_key,
                    event_type, payload, status, error, quarantined_at, tombstone)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (consumer, event_id) do nothing""")) {
            insert.setString(1, handler.consumer());
            insert.setString(2, record.topic());
            insert.setInt(3, record.partition());
            insert.setLong(4, record.offset());
            insert.setString(5, arrival.id());
            insert.setString(6, arrival.key());
            insert.setString(7, type);
            insert.setBytes(8, payload);
            insert.setString(9, status);
            insert.setString(10, error);
            insert.setTimestamp(11, Timestamp.from(clock.instant()));
            insert.setBoolean(12, arrival.event() != null && arrival.event().tombstone());
            if (insert.executeUpdate() == 0) {
                return;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("quarantine write failed", e);
        }
        var letter = new LinkedHashMap<String, Object>();
        letter.put("consumer", handler.consumer());
        letter.put("topic", record.topic());
        letter.put("partition", record.partition());
        letter.put("offset", record.offset());
        letter.put("eventId", arrival.id());
        letter.put("eventType", type);
        letter.put("key", arrival.key());
        letter.put("status", status);
        letter.put("error", error);
        letter.put("payloadBytes", payload.length);
        letter.put("payloadSha256", sha256(payload));
        letter.put("payload", payload.length <= DEAD_LETTER_PAYLOAD_LIMIT ? readable(payload) : null);
        outbox.publish(deadLetterTopic(record.topic()), arrival.key() == null ? arrival.id() : arrival.key(),
                DEAD_LETTER_TYPE, letter);
        if (QUARANTINED.equals(status)) {
            LOG.errorf("%s quarantined event %s (%s, %s/%d@%d): %s", handler.consumer(), arrival.id(), type,
                    record.topic(), record.partition(), record.offset(), Failures.firstLine(error));
        } else {
            LOG.warnf("%s holds event %s of type %s behind an earlier event of its key in quarantine", handler.consumer(),
                    arrival.id(), type);
        }
        var backlog = backlogs.getOrDefault(handler.consumer(), new Backlog(0, 0));
        backlogs.put(handler.consumer(), new Backlog(backlog.open() + 1, backlog.oldestAgeSeconds()));
    }

    public Page list(String consumer, String status, int page, int size) {
        String where = " where (?::text is null or consumer = ?) and (?::text is null or status = ?)";
        try (var c = dataSource.getConnection();
                var count = c.prepareStatement("select count(*) from event_quarantine" + where);
                var select = c.prepareStatement("select " + COLUMNS + " from event_quarantine" + where
                        + " order by id limit ? offset ?")) {
            for (var s : List.of(count, select)) {
                s.setString(1, consumer);
                s.setString(2, consumer);
                s.setString(3, status);
                s.setString(4, status);
            }
            select.setInt(5, size);
            select.setLong(6, (long) page * size);
            long total;
            try (var rs = count.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            var items = new ArrayList<Entry>();
            try (var rs = select.executeQuery()) {
                while (rs.next()) {
                    items.add(entry(rs));
                }
            }
            return new Page(items, page, size, total);
        } catch (SQLException e) {
            throw new IllegalStateException("quarantine read failed", e);
        }
    }

    /** One event with its payload; the read is audited, since payloads carry personal data. */
    public Detail get(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                    "select " + COLUMNS + ", payload from event_quarantine where id = ?")) {
                s.setLong(1, id);
                try (var rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw ProblemException.notFound("Quarantined event", id);
                    }
                    var entry = entry(rs);
                    byte[] payload = rs.getBytes("payload");
                    audit.record("READ", "quarantined-event", String.valueOf(id), entry.consumer() + " " + entry.eventId());
                    JsonNode node = readable(payload);
                    return new Detail(entry, node, node == null ? new String(payload, StandardCharsets.UTF_8) : null,
                            payload.length);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("quarantine read failed", e);
            }
        });
    }

    /**
     * Applies a quarantined event again (after its cause is fixed), then the events held behind it, in order.
     * Only the first open event of a key can be replayed; one that fails again stays, with the new error.
     */
    public Outcome replay(long id, String actor) {
        var entry = find(id);
        if (!isOpen(entry)) {
            throw ProblemException.conflict("quarantined event " + id + " is already " + entry.status().toLowerCase());
        }
        var head = headOf(entry);
        if (head.id() != id) {
            throw ProblemException.conflict("quarantined event " + id + " waits behind event " + head.id()
                    + " of the same key: replay or discard that one first");
        }
        return release(entry, actor);
    }

    /** Replays the first open event of every key (of one consumer, or all), up to {@code limit} keys. */
    public List<Outcome> replayAll(String consumer, String actor, int limit) {
        var outcomes = new ArrayList<Outcome>();
        for (var head : heads(consumer, limit)) {
            outcomes.add(release(head, actor));
        }
        return outcomes;
    }

    /** Gives up on an event with a reason; the events held behind it are then applied in order. */
    public Outcome discard(long id, String reason, String actor) {
        var entry = find(id);
        var head = isOpen(entry) ? headOf(entry) : null;
        var discarded = QuarkusTransaction.requiringNew().call(() -> {
            try (var c = dataSource.getConnection(); var s = c.prepareStatement("""
                    update event_quarantine set status = 'DISCARDED', resolved_at = ?, resolved_by = ?, resolution = ?
                    where id = ? and status in ('QUARANTINED', 'HELD') returning\s""" + COLUMNS)) {
                s.setTimestamp(1, Timestamp.from(clock.instant()));
                s.setString(2, actor);
                s.setString(3, reason);
                s.setLong(4, id);
                try (var rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw ProblemException.conflict("quarantined event " + id + " is already "
                                + entry.status().toLowerCase());
                    }
                    audit.record("DISCARD", "quarantined-event", String.valueOf(id), reason);
                    return entry(rs);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("quarantine write failed", e);
            }
        });
        LOG.warnf("%s: event %s discarded from quarantine by %s", discarded.consumer(), discarded.eventId(), actor);
        var outcome = head != null && head.id() == id && discarded.eventKey() != null
                ? releaseHeld(discarded.consumer(), discarded.eventKey(), actor, new ArrayList<>())
                : new Outcome(List.of(), null);
        refresh();
        return outcome;
    }

    /** Applies {@code head}, then the events held behind it while they succeed. */
    private Outcome release(Entry head, String actor) {
        var applied = new ArrayList<Entry>();
        var failed = applyStored(head, actor);
        if (failed != null) {
            refresh();
            return new Outcome(applied, failed);
        }
        applied.add(find(head.id()));
        var outcome = head.eventKey() == null ? new Outcome(applied, null)
                : releaseHeld(head.consumer(), head.eventKey(), actor, applied);
        refresh();
        return outcome;
    }

    private Outcome releaseHeld(String consumer, String key, String actor, List<Entry> applied) {
        for (Entry next = firstOpen(consumer, key); next != null; next = firstOpen(consumer, key)) {
            var failed = applyStored(next, actor);
            if (failed != null) {
                return new Outcome(applied, failed);
            }
            applied.add(find(next.id()));
        }
        return new Outcome(applied, null);
    }

    /** Applies a stored event through its consumer; returns null when it took effect, else the entry as it stays. */
    private Entry applyStored(Entry entry, String actor) {
        var handler = handlers.stream().filter(h -> h.consumer().equals(entry.consumer())).findFirst()
                .orElseThrow(() -> ProblemException.conflict("no consumer named " + entry.consumer() + " runs in " + service));
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                try (var c = dataSource.getConnection(); var s = c.prepareStatement("""
                        update event_quarantine set status = 'REPLAYED', attempts = attempts + 1, resolved_at = ?,
                            resolved_by = ?, resolution = 'replayed'
                        where id = ? and status in ('QUARANTINED', 'HELD') returning payload, tombstone""")) {
                    s.setTimestamp(1, Timestamp.from(clock.instant()));
                    s.setString(2, actor);
                    s.setLong(3, entry.id());
                    byte[] payload;
                    boolean tombstone;
                    try (var rs = s.executeQuery()) {
                        if (!rs.next()) {
                            throw ProblemException.conflict("quarantined event " + entry.id() + " was resolved meanwhile");
                        }
                        payload = rs.getBytes(1);
                        tombstone = rs.getBoolean(2);
                    }
                    EventEnvelope.Received event;
                    if (tombstone) {
                        event = EventEnvelope.tombstone(entry.eventKey(), entry.eventType() == null ? java.util.Map.of()
                                : java.util.Map.of(EventEnvelope.HEADER_TYPE, entry.eventType()), entry.eventId());
                    } else {
                        try {
                            event = EventEnvelope.parse(json, payload);
                        } catch (IllegalArgumentException e) {
                            throw new EventRejectedException("not a CloudEvent: " + e.getMessage(), e);
                        }
                    }
                    audit.record("REPLAY", "quarantined-event", String.valueOf(entry.id()), entry.consumer() + " " + entry.eventId());
                    Inbox.applyInRuns(handler, List.of(event));
                } catch (SQLException e) {
                    throw new IllegalStateException("quarantine write failed", e);
                }
            });
            LOG.infof("%s: event %s replayed from quarantine by %s", entry.consumer(), entry.eventId(), actor);
            return null;
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            if (Failures.isTransient(e)) {
                throw new ProblemException(503, "unavailable", "Service unavailable",
                        "the event could not be applied for now, try again: " + Failures.firstLine(e));
            }
            String error = Failures.describe(e);
            LOG.warnf("%s: replay of event %s failed again: %s", entry.consumer(), entry.eventId(), Failures.firstLine(e));
            return QuarkusTransaction.requiringNew().call(() -> {
                try (var c = dataSource.getConnection(); var s = c.prepareStatement("""
                        update event_quarantine set status = 'QUARANTINED', attempts = attempts + 1, error = ?
                        where id = ? returning\s""" + COLUMNS)) {
                    s.setString(1, error);
                    s.setLong(2, entry.id());
                    audit.record("REPLAY_FAILED", "quarantined-event", String.valueOf(entry.id()),
                            entry.consumer() + " " + entry.eventId());
                    try (var rs = s.executeQuery()) {
                        rs.next();
                        return entry(rs);
                    }
                } catch (SQLException sql) {
                    throw new IllegalStateException("quarantine write failed", sql);
                }
            });
        }
    }

    private Entry find(long id) {
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                "select " + COLUMNS + " from event_quarantine where id = ?")) {
            s.setLong(1, id);
            try (var rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound("Quarantined event", id);
                }
                return entry(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("quarantine read failed", e);
        }
    }

    private Entry headOf(Entry entry) {
        if (entry.eventKey() == null) {
            return entry;
        }
        var first = firstOpen(entry.consumer(), entry.eventKey());
        return first == null ? entry : first;
    }

    private Entry firstOpen(String consumer, String key) {
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("select " + COLUMNS + """
                 from event_quarantine where consumer = ? and event_key = ? and status in ('QUARANTINED', 'HELD')
                order by id limit 1""")) {
            s.setString(1, consumer);
            s.setString(2, key);
            try (var rs = s.executeQuery()) {
                return rs.next() ? entry(rs) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("quarantine read failed", e);
        }
    }

    /** The first open event of every key (and every open event without a key), oldest first. */
    private List<Entry> heads(String consumer, int limit) {
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("select " + COLUMNS + """
                 from event_quarantine q where status in ('QUARANTINED', 'HELD') and (?::text is null or consumer = ?)
                  and (event_key is null or not exists (select 1 from event_quarantine e where e.consumer = q.consumer
                       and e.event_key = q.event_key and e.status in ('QUARANTINED', 'HELD') and e.id < q.id))
                order by id limit ?""")) {
            s.setString(1, consumer);
            s.setString(2, consumer);
            s.setInt(3, limit);
            var heads = new ArrayList<Entry>();
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    heads.add(entry(rs));
                }
            }
            return heads;
        } catch (SQLException e) {
            throw new IllegalStateException("quarantine read failed", e);
        }
    }

    private static boolean isOpen(Entry entry) {
        return QUARANTINED.equals(entry.status()) || HELD.equals(entry.status());
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        int partition = rs.getInt("partition_no");
        Integer partitionNo = rs.wasNull() ? null : partition;
        long offset = rs.getLong("record_offset");
        Long recordOffset = rs.wasNull() ? null : offset;
        Timestamp resolved = rs.getTimestamp("resolved_at");
        return new Entry(rs.getLong("id"), rs.getString("consumer"), rs.getString("topic"), partitionNo, recordOffset,
                rs.getString("event_id"), rs.getString("event_key"), rs.getString("event_type"), rs.getString("status"),
                rs.getString("error"), rs.getInt("attempts"), rs.getTimestamp("quarantined_at").toInstant(),
                resolved == null ? null : resolved.toInstant(), rs.getString("resolved_by"), rs.getString("resolution"));
    }

    private JsonNode readable(byte[] payload) {
        try {
            return payload.length == 0 ? null : json.readTree(payload);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
