package id.lumbung.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lumbung.platform.events.EventEnvelope;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.callback.QuarkusTestAfterEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every event a service writes follows the event contract: after each test, the {@code outbox_event} rows written
 * since the last check (by the Java outbox, by a bulk SQL writer, by a migration, by anything) are checked against
 * {@code docs/asyncapi.yaml} ({@link EventContract}), and the test after which one does not follow it fails, naming
 * its topic, type, key and what is wrong. The first check of a test run starts with the rows written since the JVM
 * started; rows whose transaction commits after a later row was checked are picked up by the next check.
 *
 * <p>{@code -Dlumbung.event-contract=record} only writes the findings to {@code target/event-contract-violations.txt};
 * {@code -Dlumbung.event-contract=off} leaves the check out (the million-event benchmarks).
 */
public class EventContractCheck implements QuarkusTestAfterEachCallback {

    static final String MODE = "lumbung.event-contract";
    private static final String VALIDATOR = "com.networknt.schema.SchemaRegistry";
    /** The platform's own tests write fixtures to {@code platform.*} topics, which are no part of the contract. */
    private static final String PLATFORM_FIXTURES = "platform.";

    /** The CloudEvents source the service under test gives its events, as its relay does. */
    private static String source() {
        return "/lumbung/" + org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("quarkus.application.name", String.class).orElse("unknown");
    }
    private static final int BATCH = 2_000;
    private static final int EVENTS_REPORTED = 10;
    private static final int VIOLATIONS_REPORTED = 20;
    /** A sequence gap not filled by then was a rolled-back insert, not a transaction still running. */
    private static final Duration GAP_PATIENCE = Duration.ofMinutes(2);
    /** A wider gap is a rolled-back bulk write; a running one writes in chunks far smaller. */
    private static final int GAP_TRACKED = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static volatile EventContract contract;
    /** Per database: sequence numbers skipped by the last checks, with when they were first seen missing. */
    private static final Map<String, NavigableMap<Long, Instant>> GAPS = new ConcurrentHashMap<>();

    /** One outbox row that does not follow the contract. */
    record Finding(long seq, String topic, String type, String key, List<String> violations) {
        @Override
        public String toString() {
            var text = new StringBuilder("  ").append(topic).append(" type ").append(type).append(" key ").append(key)
                    .append(" (outbox seq ").append(seq).append("):");
            violations.stream().limit(VIOLATIONS_REPORTED).forEach(v -> text.append("\n    - ").append(v));
            if (violations.size() > VIOLATIONS_REPORTED) {
                text.append("\n    - and ").append(violations.size() - VIOLATIONS_REPORTED).append(" more");
            }
            return text.toString();
        }
    }

    @Override
    public void afterEach(QuarkusTestMethodContext context) {
        String mode = System.getProperty(MODE, "check");
        if ("off".equals(mode)) {
            return;
        }
        requireValidator();
        var container = Arc.container();
        if (container == null || !container.isRunning()) {
            return;
        }
        var handle = container.instance(AgroalDataSource.class);
        if (!handle.isAvailable()) {
            return;
        }
        String test = context.getTestInstance().getClass().getSimpleName() + "#" + context.getTestMethod().getName();
        List<Finding> findings;
        try {
            findings = check(handle.get(), test);
        } catch (SQLException e) {
            throw new IllegalStateException("the outbox could not be read for the event contract check: " + e.getMessage(), e);
        }
        if (findings.isEmpty()) {
            return;
        }
        var report = new StringBuilder().append(findings.size()).append(" event(s) written by the time ").append(test)
                .append(" ended do not follow ").append(EventContract.DOCUMENT).append(':');
        findings.stream().limit(EVENTS_REPORTED).forEach(f -> report.append('\n').append(f));
        if (findings.size() > EVENTS_REPORTED) {
            report.append("\n  and ").append(findings.size() - EVENTS_REPORTED).append(" more");
        }
        if ("record".equals(mode)) {
            record(test, findings);
            return;
        }
        throw new AssertionError(report.toString());
    }

    /** Checks the rows written since the last check of this database; returns those that break the contract. */
    static synchronized List<Finding> check(AgroalDataSource dataSource, String test) throws SQLException {
        var findings = new ArrayList<Finding>();
        try (var c = dataSource.getConnection()) {
            if (!hasOutbox(c)) {
                return findings;
            }
            String database = database(c);
            String markProperty = "lumbung.event-contract.checked-seq." + database;
            String countProperty = "lumbung.event-contract.checked." + database;
            String stored = System.getProperty(markProperty);
            long mark = stored == null ? startingMark(c) : Long.parseLong(stored);
            var gaps = GAPS.computeIfAbsent(database, d -> new TreeMap<>());
            var byTopic = new TreeMap<String, Integer>();
            if (!gaps.isEmpty()) {
                try (var s = c.prepareStatement("select seq, topic, event_key, event_type, payload::text, id, created_at from outbox_event"
                        + " where seq = any(?) order by seq")) {
                    s.setArray(1, c.createArrayOf("bigint", gaps.keySet().toArray()));
                    read(s, findings, byTopic, seq -> gaps.remove(seq));
                }
                var now = Instant.now();
                gaps.values().removeIf(seen -> seen.plus(GAP_PATIENCE).isBefore(now));
            }
            try (var s = c.prepareStatement("select seq, topic, event_key, event_type, payload::text, id, created_at from outbox_event"
                    + " where seq > ? order by seq limit " + BATCH)) {
                while (true) {
                    s.setLong(1, mark);
                    long[] last = {mark};
                    Instant now = Instant.now();
                    int n = read(s, findings, byTopic, seq -> {
                        if (seq - last[0] - 1 <= GAP_TRACKED) {
                            for (long missing = last[0] + 1; missing < seq; missing++) {
                                gaps.put(missing, now);
                            }
                        }
                        last[0] = seq;
                    });
                    mark = last[0];
                    if (n < BATCH) {
                        break;
                    }
                }
            }
            System.setProperty(markProperty, Long.toString(mark));
            int checked = byTopic.values().stream().mapToInt(Integer::intValue).sum();
            if (checked > 0) {
                long total = Long.getLong(countProperty, 0L) + checked;
                System.setProperty(countProperty, Long.toString(total));
                System.out.printf("[event contract] %d event(s) checked against %s after %s %s (%d in this run), %d not following it%n",
                        checked, EventContract.DOCUMENT, test, byTopic, total, findings.size());
            }
        }
        return findings;
    }

    private interface SeqSeen {
        void seen(long seq);
    }

    /** Checks the rows {@code s} selects; returns how many it read, counting the checked ones per topic. */
    private static int read(PreparedStatement s, List<Finding> findings, Map<String, Integer> byTopic, SeqSeen seen)
            throws SQLException {
        int n = 0;
        try (var rs = s.executeQuery()) {
            while (rs.next()) {
                n++;
                long seq = rs.getLong(1);
                seen.seen(seq);
                String topic = rs.getString(2);
                String key = rs.getString(3);
                String type = rs.getString(4);
                if (!contract().describes(topic) && topic.startsWith(PLATFORM_FIXTURES)) {
                    continue;
                }
                byTopic.merge(topic, 1, Integer::sum);
                List<String> violations;
                String payload = rs.getString(5);
                if (payload == null) {
                    // a tombstone: the headers the relay gives it
                    var headers = EventEnvelope.tombstoneHeaders(rs.getObject(6, java.util.UUID.class), source(), type, key,
                            rs.getTimestamp(7).toInstant());
                    violations = contract().tombstoneViolations(topic, type, key, headers);
                } else {
                    try {
                        JsonNode event = JSON.readTree(payload);
                        violations = contract().violations(topic, type, key, event);
                    } catch (IOException e) {
                        violations = List.of("the payload is not JSON: " + e.getMessage());
                    }
                }
                if (!violations.isEmpty()) {
                    findings.add(new Finding(seq, topic, type, key, violations));
                }
            }
        }
        return n;
    }

    /** The last row written before this JVM started: what earlier runs (and other code versions) wrote is theirs. */
    private static long startingMark(Connection c) throws SQLException {
        try (var s = c.prepareStatement("select seq from outbox_event where created_at < ? order by seq desc limit 1")) {
            s.setTimestamp(1, Timestamp.from(Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime())));
            try (var rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static boolean hasOutbox(Connection c) throws SQLException {
        try (var s = c.createStatement(); var rs = s.executeQuery("select to_regclass('outbox_event') is not null")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static String database(Connection c) throws SQLException {
        try (var s = c.createStatement(); var rs = s.executeQuery("select current_database()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static EventContract contract() {
        if (contract == null) {
            contract = EventContract.load();
        }
        return contract;
    }

    /** The schema validator is a test dependency every module that runs this check must declare: without it, fail. */
    private static void requireValidator() {
        try {
            Class.forName(VALIDATOR, false, EventContractCheck.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError("the event contract cannot be checked: " + VALIDATOR + " is not on this module's "
                    + "test classpath; declare <dependency><groupId>com.networknt</groupId>"
                    + "<artifactId>json-schema-validator</artifactId><scope>test</scope></dependency> in its pom");
        }
    }

    private static void record(String test, List<Finding> findings) {
        var text = new StringBuilder();
        findings.forEach(f -> text.append(test).append('\n').append(f).append('\n'));
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "event-contract-violations.txt"), text, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
