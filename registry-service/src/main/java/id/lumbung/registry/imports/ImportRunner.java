package id.lumbung.registry.imports;

import id.lumbung.platform.events.OutboxRelay;
import id.lumbung.platform.jobs.JobLeases;
import io.quarkus.scheduler.Scheduled;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs staged imports in the background, one job at a time: read and check the rows in SQL, then merge
 * them chunk by chunk. Chunks of fresh households are merged by {@code lumbung.import.merge-workers}
 * connections side by side; chunks that move persons between families run one after another.
 */
@ApplicationScoped
public class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class);

    private final AgroalDataSource dataSource;
    private final ImportJobs jobs;
    private final OutboxRelay relay;
    private final Clock clock;
    private final int chunkSize;
    private final int mergeWorkers;
    private volatile boolean replicaModeRefusedLogged;
    private final String source;
    private final MeterRegistry metrics;
    private final JobLeases leases;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("bulk-import-", 0).factory());

    public ImportRunner(AgroalDataSource dataSource, ImportJobs jobs, OutboxRelay relay, Clock clock, JobLeases leases,
            @ConfigProperty(name = "lumbung.import.chunk-size", defaultValue = "25000") int chunkSize,
            @ConfigProperty(name = "lumbung.import.merge-workers", defaultValue = "2") int mergeWorkers,
            @ConfigProperty(name = "quarkus.application.name") String service, MeterRegistry metrics) {
        this.metrics = metrics;
        this.leases = leases;
        this.dataSource = dataSource;
        this.jobs = jobs;
        this.relay = relay;
        this.clock = clock;
        this.chunkSize = chunkSize;
        this.mergeWorkers = mergeWorkers;
        this.source = "/lumbung/" + service;
    }

    void submit(UUID job) {
        worker.submit(() -> run(job));
    }

    /** The kind of job lease an import holds from its upload until it is done. */
    static final String LEASE = "import";

    /** The replica that receives an upload leases the job before it exists, and runs it. */
    void lease(UUID job) {
        leases.hold(LEASE, job);
    }

    void release(UUID job) {
        leases.release(LEASE, job);
    }

    void onStart(@Observes StartupEvent event) {
        recover();
    }

    /**
     * Imports whose replica stopped (their lease expired) are taken over here: one whose file was staged whole and
     * not yet started runs here from its staging; one that was still uploading, validating or merging is failed,
     * its staging dropped, and can be uploaded again (households it had merged are found by their No. KK then).
     */
    @Scheduled(every = "${lumbung.jobs.recovery-every:30s}", delayed = "${lumbung.jobs.recovery-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void recover() {
        var unfinished = jobs.unfinished();
        var phases = new java.util.HashMap<String, String>();
        unfinished.forEach(u -> phases.put(u.id().toString(), u.phase()));
        for (String taken : leases.takeOver(LEASE, phases.keySet())) {
            UUID job = UUID.fromString(taken);
            String phase = phases.get(taken);
            if ("QUEUED".equals(phase)) {
                LOG.infof("import %s taken over from a stopped replica: it runs here from its staged file", job);
                submit(job);
                continue;
            }
            dropStaging(new StagingTables(job));
            jobs.failed(job, "the replica running it stopped while " + phase.toLowerCase(java.util.Locale.ROOT)
                    + "; upload the file again");
            release(job);
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
                // a job that dies is run again from its upload: nothing here needs to wait for the WAL flush;
                // the duplicate-NIK aggregate holds every NIK of the file in one hash table
                execute(c, List.of("set work_mem = '256MB'", "set synchronous_commit = off"));
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
            count("lumbung.import.rows", "DTSEN extract lines imported (accepted) or refused (bad)", "outcome",
                    "accepted", done.rowsRead() - done.badRows());
            count("lumbung.import.rows", "DTSEN extract lines imported (accepted) or refused (bad)", "outcome", "bad",
                    done.badRows());
            count("lumbung.import.households", "households an import created or changed", "change", "created",
                    done.householdsCreated());
            count("lumbung.import.households", "households an import created or changed", "change", "updated",
                    done.householdsUpdated());
            LOG.infof("import %s completed in %.1f s: %d rows, %d bad, %d households created, %d updated, %d unchanged",
                    id, (System.nanoTime() - started) / 1e9, done.rowsRead(), done.badRows(), done.householdsCreated(),
                    done.householdsUpdated(), done.householdsUnchanged());
        } catch (Exception e) {
            LOG.errorf(e, "import %s failed", id);
            jobs.failed(id, "the import stopped: " + e.getMessage());
        } finally {
            dropStaging(tables);
            release(id);
        }
    }

    private void count(String name, String help, String tag, String value, long amount) {
        Counter.builder(name).description(help).tag(tag, value).register(metrics).increment(amount);
    }

    private void merge(UUID id, StagingTables tables, boolean ndjson, String actor) throws Exception {
        var now = clock.instant();
        var context = new ImportMerge.Context(tables, id, LocalDate.ofInstant(now, ZoneOffset.UTC).toString(),
                now.toString(), DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(now.atOffset(ZoneOffset.UTC)), source);
        long households;
        long fresh;
        try (var c = dataSource.getConnection()) {
            execute(c, List.of(ImportMerge.prepare(context)));
            try (var s = c.createStatement(); var rs = s.executeQuery(
                    "select count(*), count(*) filter (where fresh) from " + tables.goodHouseholds())) {
                rs.next();
                households = rs.getLong(1);
                fresh = rs.getLong(2);
            }
        }
        var freshProgress = new ChunkProgress(id, tables, ndjson, actor, ImportMerge.freshChunk(context), true);
        var progress = new ChunkProgress(id, tables, ndjson, actor, ImportMerge.chunk(context), false);
        // fresh households (new card, no member in a family yet) come first and touch nothing another chunk
        // touches: their chunks run side by side; the rest moves members between families and runs in file order
        var freshChunks = new AtomicLong(1);
        var chunkNo = new AtomicInteger();
        int workers = (int) Math.max(1, Math.min(mergeWorkers, (fresh + chunkSize - 1) / chunkSize));
        var pool = Executors.newFixedThreadPool(workers, Thread.ofVirtual().name("bulk-merge-", 0).factory());
        try {
            var futures = new ArrayList<Future<Void>>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    try (var c = dataSource.getConnection()) {
                        inChunks(c, () -> {
                            long lo = freshChunks.getAndAdd(chunkSize);
                            return lo > fresh ? null : new long[] { lo, Math.min(fresh, lo + chunkSize - 1) };
                        }, chunkNo, freshProgress);
                    } catch (SQLException | RuntimeException e) {
                        freshChunks.set(Long.MAX_VALUE / 2); // the other workers stop after their current chunk
                        throw e;
                    }
                    return null;
                }));
            }
            // every worker has finished its chunk before the job is failed and its staging dropped
            Exception failure = null;
            for (var f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof Exception cause ? cause : e;
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            pool.shutdown();
        }
        var rest = new AtomicLong(fresh + 1);
        try (var c = dataSource.getConnection()) {
            inChunks(c, () -> {
                long lo = rest.getAndAdd(chunkSize);
                return lo > households ? null : new long[] { lo, Math.min(households, lo + chunkSize - 1) };
            }, chunkNo, progress);
            c.setAutoCommit(false);
            try {
                for (String sql : ImportMerge.others(context)) {
                    update(c, sql, actor);
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
            }
        }
    }

    /**
     * What every chunk of one job shares. {@code keysByConstruction}: every row the chunk inserts refers only to
     * rows inserted before it in the same transaction or checked to exist by the validation (villages), and the
     * registry never deletes a household, a person or a region, so the foreign-key triggers may be skipped.
     */
    private record ChunkProgress(UUID job, StagingTables tables, boolean ndjson, String actor, List<String> statements,
            boolean keysByConstruction) {
    }

    /** Merges chunks (ranges of ord) one transaction each on this connection until {@code next} has none left. */
    private void inChunks(Connection c, Supplier<long[]> next, AtomicInteger chunkNo, ChunkProgress p) throws SQLException {
        execute(c, List.of("set work_mem = '64MB'", "set synchronous_commit = off"));
        boolean replica = p.keysByConstruction() && skipForeignKeyChecks(c);
        c.setAutoCommit(false);
        try {
            for (long[] range = next.get(); range != null; range = next.get()) {
                long lo = range[0];
                long hi = range[1];
                int number = chunkNo.incrementAndGet();
                for (String sql : p.statements()) {
                    if (sql.strip().startsWith("create temp table chunk_after") && Integer.bitCount(number) == 1) {
                        // the registry grows fastest on the first imports: without fresh statistics the planner
                        // takes a growing table for an empty one and probes it row by row
                        execute(c, List.of("analyze household, person, membership"));
                    }
                    update(c, sql.replace("?1", Long.toString(lo)).replace("?2", Long.toString(hi)), p.actor());
                }
                try (var s = c.prepareStatement("""
                        update import_job set
                            households_created = households_created + (select count(*) from chunk_change where not existing),
                            households_updated = households_updated + (select count(*) from chunk_change where existing),
                            households_unchanged = households_unchanged + ? - (select count(*) from chunk_change),
                            rows_done = rows_done + ? + (case when ? then 0 else (select count(*) from %s where ord between ? and ?) end)
                        where id = ?""".formatted(p.tables().goodPersons()))) {
                    s.setLong(1, hi - lo + 1);
                    s.setLong(2, hi - lo + 1);
                    s.setBoolean(3, p.ndjson());
                    s.setLong(4, lo);
                    s.setLong(5, hi);
                    s.setObject(6, p.job());
                    s.executeUpdate();
                }
                c.commit();
            }
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
            execute(c, List.of("reset work_mem", "reset synchronous_commit"));
            if (replica) {
                execute(c, List.of("reset session_replication_role"));
            }
        }
    }

    /**
     * Replica mode, as pg_restore --disable-triggers uses: foreign keys are not re-checked row by row (two
     * thirds of the cost of inserting a membership). Needs {@code GRANT SET ON PARAMETER session_replication_role}
     * (deploy/local/postgres.sh gives it); without it the checks simply run.
     */
    private boolean skipForeignKeyChecks(Connection c) {
        try {
            execute(c, List.of("set session_replication_role = replica"));
            return true;
        } catch (SQLException e) {
            if (!replicaModeRefusedLogged) {
                replicaModeRefusedLogged = true;
                LOG.infof("bulk import checks foreign keys row by row (%s); GRANT SET ON PARAMETER "
                        + "session_replication_role to the service's role makes fresh families merge faster", e.getMessage());
            }
            return false;
        }
    }

    void dropStaging(StagingTables tables) {
        try (var c = dataSource.getConnection()) {
            execute(c, tables.dropAll());
        } catch (SQLException e) {
            LOG.warnf("could not drop the staging tables of import %s: %s", tables.job(), e.getMessage());
        }
    }

    /** One merge statement; the change_log statements take the importing actor as their parameter. */
    private static void update(Connection c, String sql, String actor) throws SQLException {
        long t0 = System.nanoTime();
        try (var s = c.prepareStatement(sql)) {
            if (sql.contains("insert into change_log")) {
                s.setString(1, actor);
            }
            s.executeUpdate();
        }
        slow(sql, t0);
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
