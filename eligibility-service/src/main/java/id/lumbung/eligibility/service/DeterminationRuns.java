package id.lumbung.eligibility.service;

import id.lumbung.eligibility.domain.ProgramPeriod;
import id.lumbung.eligibility.persistence.BatchDeterminations;
import id.lumbung.eligibility.persistence.DeterminationRunEntity;
import id.lumbung.eligibility.persistence.HouseholdProjectionEntity;
import id.lumbung.eligibility.persistence.ProgramEntity;
import id.lumbung.eligibility.persistence.RuleSql;
import id.lumbung.eligibility.rest.DeterminationRunApi;
import id.lumbung.platform.events.OutboxRelay;
import id.lumbung.platform.jobs.JobLeases;
import id.lumbung.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Batch determination of a program period over every projected household: set-based, chunk by chunk of
 * households (by id range), each chunk one transaction with its progress, on a thread of its own.
 */
@ApplicationScoped
public class DeterminationRuns {

    private static final Logger LOG = Logger.getLogger(DeterminationRuns.class);

    private final BatchDeterminations batch;
    private final RuleCatalog rules;
    private final OutboxRelay relay;
    private final Clock clock;
    private final int chunkSize;
    private final DeterminationMetrics metrics;
    private final JobLeases leases;
    /** The kind of job lease a run holds while it runs. */
    static final String LEASE = "determination-run";

    public DeterminationRuns(BatchDeterminations batch, RuleCatalog rules, OutboxRelay relay, Clock clock,
            @ConfigProperty(name = "lumbung.determination-run.chunk-size", defaultValue = "20000") int chunkSize,
            DeterminationMetrics metrics, JobLeases leases) {
        this.metrics = metrics;
        this.leases = leases;
        this.batch = batch;
        this.rules = rules;
        this.relay = relay;
        this.clock = clock;
        this.chunkSize = chunkSize;
    }

    /** The rules of one program period in their set-based form, each with the id of its row. */
    record Scoped(RuleSql sql, long ruleVersionId) {
    }

    void onStart(@Observes StartupEvent event) {
        recover();
    }

    /**
     * Runs whose replica stopped (their lease expired) are taken over here and run again from the start: a run
     * decides nothing twice, since a determination is written and published only when it changes.
     */
    @Scheduled(every = "${lumbung.jobs.recovery-every:30s}", delayed = "${lumbung.jobs.recovery-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void recover() {
        List<String> running = QuarkusTransaction.requiringNew().call(() -> DeterminationRunEntity
                .<DeterminationRunEntity>list("status", DeterminationRunEntity.RUNNING).stream().map(r -> r.id.toString())
                .toList());
        for (String taken : leases.takeOver(LEASE, running)) {
            resume(UUID.fromString(taken));
        }
    }

    private void resume(UUID id) {
        long started = System.nanoTime();
        var run = QuarkusTransaction.requiringNew().call(() -> {
            DeterminationRunEntity r = DeterminationRunEntity.findById(id);
            r.done = 0;
            r.decided = 0;
            r.eligible = 0;
            r.changed = 0;
            r.elapsedMs = 0;
            return r;
        });
        List<Scoped> scoped;
        try {
            scoped = QuarkusTransaction.requiringNew().call(() -> scopedRules(run.programCode, ProgramPeriod.parse(run.period)));
        } catch (ProblemException e) {
            finish(id, DeterminationRunEntity.FAILED, "its service stopped during the run, and it cannot run again: "
                    + e.getMessage(), started);
            return;
        }
        LOG.infof("determination run %s of %s %s resumed from the start after its replica stopped", id, run.programCode,
                run.period);
        Thread.ofVirtual().name("determination-run-" + id).start(() -> execute(id, scoped));
    }

    /** Starts a run; refuses an unknown program (404), a period without published rules or a running one (409). */
    public DeterminationRunApi.RunView start(String programCode, String periodText, String actor) {
        var period = ProgramPeriod.parse(periodText);
        var scoped = QuarkusTransaction.requiringNew().call(() -> {
            if (ProgramEntity.findById(programCode) == null) {
                throw ProblemException.notFound("program", programCode);
            }
            return scopedRules(programCode, period);
        });
        var run = QuarkusTransaction.requiringNew().call(() -> {
            if (DeterminationRunEntity.count("programCode = ?1 and period = ?2 and status = ?3", programCode,
                    periodText, DeterminationRunEntity.RUNNING) > 0) {
                throw ProblemException.conflict("a determination run of " + programCode + " " + periodText
                        + " is already running");
            }
            var r = new DeterminationRunEntity();
            r.id = UUID.randomUUID();
            r.programCode = programCode;
            r.period = periodText;
            r.status = DeterminationRunEntity.RUNNING;
            r.total = HouseholdProjectionEntity.count();
            r.requestedBy = actor;
            r.requestedAt = clock.instant();
            r.persist();
            leases.hold(LEASE, r.id);
            return r;
        });
        UUID id = run.id;
        Thread.ofVirtual().name("determination-run-" + id).start(() -> execute(id, scoped));
        LOG.infof("determination run %s of %s %s started by %s over %d households", id, programCode, periodText, actor,
                run.total);
        return view(run);
    }

    public DeterminationRunApi.RunView find(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            DeterminationRunEntity run = DeterminationRunEntity.findById(id);
            if (run == null) {
                throw ProblemException.notFound("determination run", id);
            }
            return view(run);
        });
    }

    List<Scoped> scopedRules(String programCode, ProgramPeriod period) {
        var published = rules.published().stream()
                .filter(p -> p.rule().programCode().equals(programCode) && p.rule().period().equals(period)).toList();
        if (published.isEmpty()) {
            throw ProblemException.conflict(programCode + " has no published rule version for " + period);
        }
        try {
            var sql = RuleSql.forPeriod(published.stream().map(RuleCatalog.PublishedRule::rule).toList());
            return java.util.stream.IntStream.range(0, sql.size())
                    .mapToObj(i -> new Scoped(sql.get(i), published.get(i).id())).toList();
        } catch (UnsupportedOperationException e) {
            throw ProblemException.conflict(programCode + " " + period + " cannot be run as a batch: " + e.getMessage());
        }
    }

    private void execute(UUID id, List<Scoped> scoped) {
        long started = System.nanoTime();
        UUID after = null;
        long done = 0;
        try {
            long total = QuarkusTransaction.requiringNew().call(() -> DeterminationRunEntity.<DeterminationRunEntity>findById(id).total);
            while (true) {
                UUID upTo = batch.chunkEnd(after, chunkSize);
                UUID from = after;
                var at = clock.instant();
                long walked = upTo == null ? Math.max(0, total - done) : chunkSize;
                done = Math.min(total, done + walked);
                long doneNow = done;
                QuarkusTransaction.requiringNew().timeout(3600).run(() -> {
                    long decided = 0, eligible = 0, changed = 0;
                    for (var s : scoped) {
                        var result = batch.decide(s.sql(), s.ruleVersionId(), from, upTo, at);
                        decided += result.decided();
                        eligible += result.eligible();
                        changed += result.changed();
                    }
                    DeterminationRunEntity.update("done = ?1, decided = decided + ?2, eligible = eligible + ?3, "
                            + "changed = changed + ?4, elapsedMs = ?5 where id = ?6", doneNow, decided, eligible, changed,
                            (System.nanoTime() - started) / 1_000_000, id);
                    metrics.byBatch(decided, eligible, changed);
                });
                relay.wake();
                if (upTo == null) {
                    break;
                }
                after = upTo;
            }
            finish(id, DeterminationRunEntity.SUCCEEDED, null, started);
        } catch (RuntimeException e) {
            LOG.errorf(e, "determination run %s failed", id);
            finish(id, DeterminationRunEntity.FAILED, e.getMessage(), started);
        }
    }

    private void finish(UUID id, String status, String error, long started) {
        QuarkusTransaction.requiringNew().run(() -> {
            DeterminationRunEntity run = DeterminationRunEntity.findById(id);
            run.status = status;
            run.error = error;
            if (DeterminationRunEntity.SUCCEEDED.equals(status)) {
                run.done = run.total;
            }
            run.elapsedMs = (System.nanoTime() - started) / 1_000_000;
            run.finishedAt = clock.instant();
        });
        leases.release(LEASE, id);
        LOG.infof("determination run %s %s", id, status);
    }

    static DeterminationRunApi.RunView view(DeterminationRunEntity r) {
        double rate = r.elapsedMs == 0 ? 0 : r.done * 1000.0 / r.elapsedMs;
        Long eta = DeterminationRunEntity.RUNNING.equals(r.status)
                ? (rate == 0 ? null : Math.round((r.total - r.done) / rate)) : Long.valueOf(0);
        return new DeterminationRunApi.RunView(r.id, r.programCode, r.period, r.status, r.total, r.done, r.decided,
                r.eligible, r.changed, Math.round(rate * 10) / 10.0, eta, r.elapsedMs, r.error, r.requestedBy,
                r.requestedAt, r.finishedAt);
    }
}
