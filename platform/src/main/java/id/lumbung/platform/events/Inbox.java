package id.lumbung.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The idempotent consumer: an event's id is recorded in {@code inbox_event} in the same transaction as its
 * effect, so a redelivered event (relay retry, consumer restart, rebalance) changes nothing.
 * <p>
 * A consumer never stops for one event. A failure that passes by itself (database or broker away, deadlock)
 * is retried with backoff until it goes through. An event that fails for a reason retrying cannot cure is
 * moved to {@link Quarantine} (and its dead-letter topic) in a transaction of its own, and the consumer goes on
 * with the next event; later events with the same key are held behind it, so state never moves past a hole.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    /** A batch span links to at most this many producer traces. */
    private static final int MAX_LINKS = 128;

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final Quarantine quarantine;
    private final Tracer tracer;
    private final MeterRegistry metrics;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private volatile boolean stopping;

    public Inbox(AgroalDataSource dataSource, ObjectMapper json, Quarantine quarantine, Tracer tracer, MeterRegistry metrics,
            @ConfigProperty(name = "lumbung.inbox.retry.first-delay", defaultValue = "200ms") Duration firstDelay,
            @ConfigProperty(name = "lumbung.inbox.retry.max-delay", defaultValue = "30s") Duration maxDelay) {
        this.dataSource = dataSource;
        this.json = json;
        this.quarantine = quarantine;
        this.tracer = tracer;
        this.metrics = metrics;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping(true);
    }

    /**
     * Once the service is stopping, nothing is quarantined: the database, the broker or the persistence layer may
     * already be closed under a batch, and its records come again after the restart (their offsets are not committed).
     */
    void stopping(boolean stopping) {
        this.stopping = stopping;
    }

    /** A record as it came off the topic, with its CloudEvent, or {@code event == null} when it is not one. */
    record Arrival(ConsumerRecord<String, byte[]> record, EventEnvelope.Received event, String id, String key,
            String malformed) {
    }

    /** Applies one record once; returns 1 if it took effect now, 0 for a repeat, a held or a quarantined event. */
    public int process(EventHandler handler, ConsumerRecord<String, byte[]> record) {
        return processBatch(handler, List.of(record));
    }

    /**
     * Applies the records of a polled batch that {@code handler} has not seen, in the order received and in one
     * transaction with their inbox records: a bulk flow (an import announcing a million households) costs one
     * commit per poll instead of one per event. If the batch fails for a lasting reason, every event is applied
     * on its own, so only the event that keeps failing is quarantined. Returns how many events took effect.
     */
    public int processBatch(EventHandler handler, Iterable<ConsumerRecord<String, byte[]>> records) {
        var arrivals = new ArrayList<Arrival>();
        for (var record : records) {
            arrivals.add(arrive(record));
        }
        if (arrivals.isEmpty()) {
            return 0;
        }
        Span span = consuming(handler, arrivals);
        try (Scope scope = span.makeCurrent()) {
            int applied = processArrivals(handler, arrivals);
            span.setAttribute("lumbung.events.applied", applied);
            Counter.builder("lumbung.events.applied").description("events a consumer applied (repeats not counted)")
                    .tag("consumer", handler.consumer()).register(metrics).increment(applied);
            return applied;
        } catch (RuntimeException failure) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR, Failures.firstLine(failure));
            throw failure;
        } finally {
            span.end();
        }
    }

    /**
     * The span of applying a batch: a child of the producer's span when the batch continues one trace (the usual
     * case: one change, its events), else linked to the traces of its events.
     */
    private Span consuming(EventHandler handler, List<Arrival> arrivals) {
        var builder = tracer.spanBuilder(handler.topic() + " process").setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", handler.topic())
                .setAttribute("messaging.consumer.group.name", handler.consumer())
                .setAttribute("messaging.batch.message_count", (long) arrivals.size());
        var contexts = arrivals.stream().filter(a -> a.event() != null)
                .map(a -> Tracing.parse(a.event().traceparent())).filter(SpanContext::isValid).toList();
        if (!contexts.isEmpty() && contexts.stream().map(SpanContext::getTraceId).distinct().count() == 1) {
            builder.setParent(Context.root().with(Span.wrap(contexts.get(0))));
        } else {
            builder.setNoParent();
            contexts.stream().limit(MAX_LINKS).forEach(builder::addLink);
        }
        return builder.startSpan();
    }

    private int processArrivals(EventHandler handler, List<Arrival> arrivals) {
        try {
            return retrying(handler, () -> QuarkusTransaction.requiringNew().call(() -> apply(handler, arrivals)));
        } catch (RuntimeException batchFailure) {
            if (Failures.isTransient(batchFailure) || stopping) {
                throw batchFailure; // the service is stopping: the records come again after the restart
            }
            if (arrivals.size() > 1) {
                LOG.warnf("%s could not apply a batch of %d events (%s): applying them one by one", handler.consumer(),
                        arrivals.size(), Failures.firstLine(batchFailure));
            }
            int applied = 0;
            for (var arrival : arrivals) {
                try {
                    applied += retrying(handler, () -> QuarkusTransaction.requiringNew().call(() -> apply(handler, List.of(arrival))));
                } catch (RuntimeException failure) {
                    if (Failures.isTransient(failure) || stopping) {
                        throw failure;
                    }
                    retrying(handler, () -> QuarkusTransaction.requiringNew().call(() -> {
                        if (recordFirstTimes(handler.consumer(), List.of(arrival)).isEmpty()) {
                            return 0; // another replica took it meanwhile
                        }
                        quarantine.hold(handler, arrival, Failures.describe(failure), false);
                        return 0;
                    }));
                }
            }
            return applied;
        }
    }

    private Arrival arrive(ConsumerRecord<String, byte[]> record) {
        String position = record.topic() + "/" + record.partition() + "@" + record.offset();
        if (record.value() == null) {
            if (record.key() == null) {
                return new Arrival(record, null, position, null, "a tombstone without a key erases nothing");
            }
            var headers = new java.util.HashMap<String, String>();
            record.headers().forEach(h -> {
                if (h.value() != null) {
                    headers.put(h.key(), new String(h.value(), java.nio.charset.StandardCharsets.UTF_8));
                }
            });
            var tombstone = EventEnvelope.tombstone(record.key(), headers, position);
            return new Arrival(record, tombstone, tombstone.id(), record.key(), null);
        }
        try {
            var event = EventEnvelope.parse(json, record.value());
            if (event.id() == null || event.id().isBlank()) {
                throw new IllegalArgumentException("the CloudEvent has no id");
            }
            return new Arrival(record, event, event.id(), record.key() != null ? record.key() : event.subject(), null);
        } catch (IllegalArgumentException e) {
            return new Arrival(record, null, position, record.key(), e.getMessage());
        }
    }

    /** In the caller's transaction: the events seen for the first time, less the held and the malformed, applied. */
    private int apply(EventHandler handler, List<Arrival> arrivals) {
        var fresh = recordFirstTimes(handler.consumer(), arrivals);
        if (fresh.isEmpty()) {
            return 0;
        }
        Set<String> held = quarantine.openKeys(handler.consumer(), fresh.stream().map(Arrival::key).toList());
        var ready = new ArrayList<EventEnvelope.Received>(fresh.size());
        for (var arrival : fresh) {
            if (arrival.event() == null) {
                quarantine.hold(handler, arrival, "not a CloudEvent: " + arrival.malformed(), held.contains(arrival.key()));
            } else if (arrival.key() != null && held.contains(arrival.key())) {
                quarantine.hold(handler, arrival, "held behind an earlier event of key " + arrival.key()
                        + " that is in quarantine", true);
            } else {
                ready.add(arrival.event());
                continue;
            }
            if (arrival.key() != null) {
                held.add(arrival.key());
            }
        }
        applyInRuns(handler, ready);
        return ready.size();
    }

    /**
     * Hands {@code events} to the handler in their order: runs of events to {@link EventHandler#apply}, runs of
     * tombstones to {@link EventHandler#erase}.
     */
    static void applyInRuns(EventHandler handler, List<EventEnvelope.Received> events) {
        int from = 0;
        for (int i = 1; i <= events.size(); i++) {
            if (i == events.size() || events.get(i).tombstone() != events.get(from).tombstone()) {
                var run = events.subList(from, i);
                if (run.get(0).tombstone()) {
                    handler.erase(run);
                } else {
                    handler.apply(run);
                }
                from = i;
            }
        }
    }

    /** Retries {@code work} with backoff while it fails for a passing reason; a lasting failure propagates. */
    private <T> T retrying(EventHandler handler, Supplier<T> work) {
        long delay = firstDelay.toMillis();
        for (int attempt = 1;; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (!Failures.isTransient(e) || stopping) {
                    throw e;
                }
                if (attempt == 1 || attempt % 10 == 0) {
                    LOG.warnf("%s cannot apply events for now (attempt %d, next in %d ms): %s", handler.consumer(),
                            attempt, delay, Failures.firstLine(e));
                }
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                delay = Math.min(delay * 2, maxDelay.toMillis());
            }
        }
    }

    /** Records the arrivals' ids for {@code consumer}; returns those seen for the first time, in order. */
    private List<Arrival> recordFirstTimes(String consumer, List<Arrival> arrivals) {
        Set<String> inserted = new HashSet<>();
        try (var connection = dataSource.getConnection(); var insert = connection.prepareStatement("""
                insert into inbox_event (consumer, event_id) select ?, unnest(?::text[])
                on conflict do nothing returning event_id""")) {
            insert.setString(1, consumer);
            insert.setArray(2, connection.createArrayOf("text", arrivals.stream().map(Arrival::id).toArray()));
            try (var rs = insert.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("inbox write failed", e);
        }
        var fresh = new ArrayList<Arrival>(inserted.size());
        for (var arrival : arrivals) {
            if (inserted.remove(arrival.id())) {
                fresh.add(arrival);
            }
        }
        return fresh;
    }
}
