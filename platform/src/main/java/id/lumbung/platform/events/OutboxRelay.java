package id.lumbung.platform.events;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka in commit order with an idempotent producer (acks=all) and marks
 * them published in the same database transaction that read them. A crash between send and commit
 * re-sends the batch; consumers drop the repeat through {@link Inbox}. An advisory lock keeps one
 * relay per database active, so per-key order holds even with several replicas.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x4c756d62756e67L; // "Lumbung"

    private final AgroalDataSource dataSource;
    private final Map<String, Object> kafkaConfig;
    private final int batchSize;
    private final boolean enabled;
    private final Counter published;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestAge = new AtomicLong();
    private final Duration pollInterval;
    private final Duration retryDelay;
    private final Semaphore wakeups = new Semaphore(0);
    /** The CloudEvents source of this service's tombstones, as {@link Outbox} writes it in its events. */
    private final String source;
    private KafkaProducer<String, byte[]> producer;
    private volatile boolean failing;
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(AgroalDataSource dataSource, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "lumbung.outbox.batch-size", defaultValue = "500") int batchSize,
            @ConfigProperty(name = "lumbung.outbox.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "lumbung.outbox.poll-interval", defaultValue = "500ms") Duration pollInterval,
            @ConfigProperty(name = "lumbung.outbox.retry-delay", defaultValue = "1s") Duration retryDelay,
            @ConfigProperty(name = "quarkus.application.name") String service, MeterRegistry registry) {
        this.source = "/lumbung/" + service;
        this.pollInterval = pollInterval;
        this.retryDelay = retryDelay;
        this.dataSource = dataSource;
        this.kafkaConfig = kafkaConfig;
        this.batchSize = batchSize;
        this.enabled = enabled;
        this.published = Counter.builder("lumbung.outbox.published").description("events published from the outbox")
                .register(registry);
        Gauge.builder("lumbung.outbox.pending", pending, AtomicLong::get)
                .description("events in the outbox not yet published to Kafka").register(registry);
        Gauge.builder("lumbung.outbox.oldest.age", oldestAge, AtomicLong::get).baseUnit("seconds")
                .description("age of the oldest event not yet published (0 when the outbox is drained)")
                .register(registry);
    }

    /** Wakes the relay: called after a transaction that wrote to the outbox commits. */
    public void wake() {
        wakeups.release();
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    private void loop() {
        while (running) {
            try {
                int sent = relayBatch();
                if (failing) {
                    LOG.info("outbox relay is publishing again");
                    failing = false;
                }
                if (sent < batchSize) {
                    // idle until a commit wakes us, polling anyway in case another replica wrote
                    wakeups.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wakeups.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!failing) {
                    LOG.warnf("outbox relay cannot publish, will retry: %s", e.getMessage());
                    failing = true;
                }
                resetProducer();
                try {
                    Thread.sleep(retryDelay.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** Publishes one batch; returns how many events it published. */
    public synchronized int relayBatch() {
        return QuarkusTransaction.requiringNew().timeout(60).call(() -> {
            try (var connection = dataSource.getConnection()) {
                try (var lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
                    lock.setLong(1, RELAY_LOCK);
                    try (var rs = lock.executeQuery()) {
                        rs.next();
                        if (!rs.getBoolean(1)) {
                            return 0;
                        }
                    }
                }
                List<Long> seqs = new ArrayList<>();
                List<Future<RecordMetadata>> sends = new ArrayList<>();
                try (var select = connection.prepareStatement("""
                        select seq, topic, event_key, payload::text, id, event_type, created_at from outbox_event
                        where published_at is null order by seq limit ? for update skip locked""")) {
                    select.setInt(1, batchSize);
                    try (var rs = select.executeQuery()) {
                        while (rs.next()) {
                            seqs.add(rs.getLong(1));
                            String payload = rs.getString(4);
                            ProducerRecord<String, byte[]> record;
                            if (payload == null) {
                                record = new ProducerRecord<>(rs.getString(2), rs.getString(3), null);
                                for (var header : EventEnvelope.tombstoneHeaders(rs.getObject(5, java.util.UUID.class), source,
                                        rs.getString(6), rs.getString(3), rs.getTimestamp(7).toInstant()).entrySet()) {
                                    record.headers().add(header.getKey(), header.getValue().getBytes(StandardCharsets.UTF_8));
                                }
                            } else {
                                record = new ProducerRecord<>(rs.getString(2), rs.getString(3),
                                        payload.getBytes(StandardCharsets.UTF_8));
                                record.headers().add("content-type", EventEnvelope.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                            }
                            sends.add(producer().send(record));
                        }
                    }
                }
                if (seqs.isEmpty()) {
                    return 0;
                }
                producer().flush();
                for (var send : sends) {
                    send.get(30, TimeUnit.SECONDS);
                }
                try (var mark = connection.prepareStatement(
                        "update outbox_event set published_at = now() where seq = any(?)")) {
                    Array array = connection.createArrayOf("bigint", seqs.toArray());
                    mark.setArray(1, array);
                    mark.executeUpdate();
                }
                published.increment(seqs.size());
                return seqs.size();
            } catch (SQLException e) {
                throw new IllegalStateException("outbox relay database error: " + e.getMessage(), e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("Kafka refused an outbox event: " + e.getCause(), e);
            }
        });
    }

    /** Measures the backlog for the gauges: how many events wait, and how long the oldest has waited. */
    @Scheduled(every = "${lumbung.outbox.backlog-probe:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void probeBacklog() {
        try (var connection = dataSource.getConnection(); var probe = connection.prepareStatement("""
                select (select count(*) from outbox_event where published_at is null),
                       coalesce((select extract(epoch from now() - created_at)::bigint from outbox_event
                                 where published_at is null order by seq limit 1), 0)""")) {
            try (var rs = probe.executeQuery()) {
                rs.next();
                pending.set(rs.getLong(1));
                oldestAge.set(Math.max(0, rs.getLong(2)));
            }
        } catch (SQLException e) {
            LOG.debugf("outbox backlog probe failed: %s", e.getMessage());
        }
    }

    /** Drops published rows older than the retention; the topic keeps them for consumers. */
    @Scheduled(every = "1h", delay = 1, delayUnit = TimeUnit.MINUTES)
    void purge() {
        QuarkusTransaction.requiringNew().run(() -> {
            try (var connection = dataSource.getConnection(); var delete = connection.prepareStatement(
                    "delete from outbox_event where published_at < now() - interval '7 days'")) {
                delete.executeUpdate();
            } catch (SQLException e) {
                LOG.warnf("outbox purge failed: %s", e.getMessage());
            }
        });
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig(kafkaConfig), new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    /**
     * The relay's producer settings: the service's whole Kafka configuration (every {@code kafka.*} property and
     * {@code KAFKA_*} variable, so the broker address and the security settings: {@code security.protocol},
     * {@code sasl.*}, {@code ssl.*}) with the delivery guarantees of the outbox on top.
     */
    static Map<String, Object> producerConfig(Map<String, Object> kafkaConfig) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaConfig.get("bootstrap.servers"));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        return config;
    }

    private synchronized void resetProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        resetProducer();
    }
}
