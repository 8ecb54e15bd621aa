package id.lumbung.registry.imports;

import id.lumbung.platform.events.OutboxRelay;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs staged imports in the background, one at a time (two cores do not gain from two merges racing
 * for the same indexes): read and check the rows in SQL, then merge them chunk by chunk.
 */
@ApplicationScoped
public class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class);

    private final AgroalDataSource dataSource;
    private final ImportJobs jobs;
    private final OutboxRelay relay;
    private final Clock clock;
    private final int chunkSize;
    private final String source;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("bulk-import-", 0).factory());

    public ImportRunner(AgroalDataSource dataSource, ImportJobs jobs, OutboxRelay relay, Clock clock,
            @ConfigProperty(name = "lumbung.import.chunk-size", defaultValue = "25000") int chunkSize,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.dataSource = dataSource;
        this.jobs = jobs;
        this.relay = relay;
        this.clock = clock;
        this.chunkSize = chunkSize;
        this.source = "/lumbung/" + service;
    }

    void submit(UUID job) {
        worker.submit(() -> run(job));
    }

    /** A restart loses the worker's queue: those jobs are failed, their staging dropped, and can be uploaded again. */
    void onStart(@Observes StartupEvent event) {
        for (UUID job : jobs.interrupted()) {
            dropStaging(new StagingTables(job));
            jobs.failed(job, "interrupted by a restart of the service; upload the file again");
        }
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void run(UUID id) {
        var tables = new StagingTables(id);
        long started = System.nanoTime();
        try {
            var job = jobs.find(id).orElseThrow();
            boolean ndjson = "NDJSON".equals(job.view().format());
            List<String> scope = job.scopePatterns() == null ? null : Arrays.asList(job.scopePatterns());
            LocalDate today = LocalDate.now(clock);
            jobs.phase(id, "RUNNING", "VALIDATING");
            try (var c = dataSource.getConnection()) {
                // a job that dies is run again from its upload: nothing here needs to wait for the WAL flush
                execute(c, List.of("set work_mem = '64MB'", "set synchronous_commit = off"));
                execute(c, ImportValidation.read(tables));
                execute(c, ImportValidation.checks(tables, id, ndjson, scope, today));
                execute(c, ImportValidation.good(tables, id, ndjson));
                execute(c, List.of("""
                        update import_job set
                            bad_rows = (select count(*) from (select distinct file, line_no from import_error where job_id = '%1$s') b),
                            rows_done = (select count(*) from (select distinct file, line_no from import_error where job_id = '%1$s') b)
                        where id = '%1$s'""".formatted(id), "reset work_mem", "reset synchronous_commit"));
            }
            jobs.phase(id, "RUNNING", "MERGING");
            merge(id, tables, ndjson, job.actor());
            try (var c = dataSource.getConnection(); var s = c.prepareStatement("""
                    update import_job set status = 'COMPLETED', phase = 'DONE', rows_done = rows_read, finished_at = ?
                    where id = ?""")) {
                s.setTimestamp(1, java.sql.Timestamp.from(clock.instant()));
                s.setObject(2, id);
                s.executeUpdate();
            }
            relay.wake();
            var done = jobs.find(id).orElseThrow().view();
            LOG.infof("import %s completed in %.1f s: %d rows, %d bad, %d households created, %d updated, %d unchanged",
                    id, (System.nanoTime() - started) / 1e9, done.rowsRead(), done.badRows(), done.householdsCreated(),
                    done.householdsUpdated(), done.householdsUnchanged());
        } catch (Exception e) {
            LOG.errorf(e, "import %s failed", id);
            jobs.failed(id, "the import stopped: " + e.getMessage());
        } finally {
            dropStaging(tables);
        }
    }

    private void merge(UUID id, StagingTables tables, boolean ndjson, String actor) throws SQLException {
        var now = clock.instant();
        var context = new ImportMerge.Context(tables, id, LocalDate.ofInstant(now, ZoneOffset.UTC).toString(),
                now.toString(), DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(now.atOffset(ZoneOffset.UTC)), source);
        try (var c = dataSource.getConnection()) {
            execute(c, List.of(ImportMerge.prepare(context), "set work_mem = '64MB'", "set synchronous_commit = off"));
            long households;
            try (var s = c.createStatement(); var rs = s.executeQuery("select count(*) from " + tables.goodHouseholds())) {
                rs.next();
                households = rs.getLong(1);
            }
            var chunk = ImportMerge.chunk(context);
            c.setAutoCommit(false);
            try {
                int chunkNo = 0;
                for (long lo = 1; lo <= households; lo += chunkSize) {
                    long hi = Math.min(households, lo + chunkSize - 1);
                    chunkNo++;
                    for (String sql : chunk) {
                        long t0 = System.nanoTime();
                        if (sql.strip().startsWith("create temp table chunk_after") && Integer.bitCount(chunkNo) == 1) {
                            // the registry grows fastest on the first imports: without fresh statistics the planner
                            // takes a growing table for an empty one and probes it row by row
                            execute(c, List.of("analyze household, person, membership"));
                        }
                        try (var s = c.prepareStatement(sql.replace("?1", Long.toString(lo)).replace("?2", Long.toString(hi)))) {
                            if (sql.contains("insert into change_log")) {
                                s.setString(1, actor);
                            }
                            s.executeUpdate();
                        }
                        slow(sql, t0);
                    }
                    try (var s = c.prepareStatement("""
                            update import_job set
                                households_created = households_created + (select count(*) from chunk_change where not existing),
                                households_updated = households_updated + (select count(*) from chunk_change where existing),
                                households_unchanged = households_unchanged + ? - (select count(*) from chunk_change),
                                rows_done = rows_done + ? + (case when ? then 0 else (select count(*) from %s where ord between ? and ?) end)
                            where id = ?""".formatted(tables.goodPersons()))) {
                        s.setLong(1, hi - lo + 1);
                        s.setLong(2, hi - lo + 1);
                        s.setBoolean(3, ndjson);
                        s.setLong(4, lo);
                        s.setLong(5, hi);
                        s.setObject(6, id);
                        s.executeUpdate();
                    }
                    c.commit();
                }
                for (String sql : ImportMerge.others(context)) {
                    try (var s = c.prepareStatement(sql)) {
                        if (sql.contains("insert into change_log")) {
                            s.setString(1, actor);
                        }
                        s.executeUpdate();
                    }
                }
                try (var s = c.prepareStatement(
                        "update import_job set other_households_updated = (select count(*) from chunk_change) where id = ?")) {
                    s.setObject(1, id);
                    s.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
                execute(c, List.of("reset work_mem", "reset synchronous_commit"));
            }
        }
    }

    void dropStaging(StagingTables tables) {
        try (var c = dataSource.getConnection()) {
            execute(c, tables.dropAll());
        } catch (SQLException e) {
            LOG.warnf("could not drop the staging tables of import %s: %s", tables.job(), e.getMessage());
        }
    }

    static void execute(Connection c, List<String> statements) throws SQLException {
        try (var s = c.createStatement()) {
            for (String sql : statements) {
                long t0 = System.nanoTime();
                s.execute(sql);
                slow(sql, t0);
            }
        }
    }

    /** Where an import spends its time, statement by statement, for tuning. */
    private static void slow(String sql, long startNanos) {
        long ms = (System.nanoTime() - startNanos) / 1_000_000;
        if (ms >= 500 && LOG.isDebugEnabled()) {
            LOG.debugf("%6d ms  %s", ms, sql.strip().lines().limit(3).map(String::strip).reduce((a, b) -> a + " " + b).orElse(""));
        }
    }
}
