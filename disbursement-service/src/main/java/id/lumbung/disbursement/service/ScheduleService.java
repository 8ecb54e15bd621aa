package id.lumbung.disbursement.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.lumbung.disbursement.domain.CollectionWindows;
import id.lumbung.disbursement.domain.OrderStatus;
import id.lumbung.disbursement.domain.PayPointKind;
import id.lumbung.disbursement.persistence.PayPointEntity;
import id.lumbung.disbursement.persistence.PlanEntity;
import id.lumbung.disbursement.persistence.PlanWindowEntity;
import id.lumbung.disbursement.persistence.ScheduleJobEntity;
import id.lumbung.disbursement.rest.ScheduleApi;
import id.lumbung.platform.audit.AuditLog;
import id.lumbung.platform.id.Masking;
import id.lumbung.platform.id.RegionCode;
import id.lumbung.platform.problem.ProblemException;
import id.lumbung.platform.security.RegionScope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import id.lumbung.platform.jobs.JobLeases;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Collection windows, door-to-door lists and the schedule: who collects where and on which day. The
 * schedule of a whole plan is made by one set-based statement in a background job; the family's pay point
 * is the most specific one whose region holds its village (door-to-door rounds for flagged families), and
 * families fill a pay point's days in village order up to its capacity per day.
 */
@ApplicationScoped
public class ScheduleService {

    private static final Logger LOG = Logger.getLogger(ScheduleService.class);
    /** A million orders take minutes, not the default transaction timeout. */
    private static final int GENERATION_TIMEOUT_SECONDS = 3600;

    private final EntityManager em;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;
    private final JobLeases leases;
    /** The kind of job lease a schedule generation holds from its request until it is done. */
    static final String LEASE = "schedule";
    // one generation at a time: the statement is heavy and jobs of different plans share the pay points
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        var t = new Thread(r, "schedule-generation");
        t.setDaemon(true);
        return t;
    });

    public ScheduleService(EntityManager em, AuditLog audit, ObjectMapper json, Clock clock, JobLeases leases) {
        this.leases = leases;
        this.em = em;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    void stop(@Observes ShutdownEvent event) {
        runner.shutdownNow();
    }

    void onStart(@Observes StartupEvent event) {
        recover();
    }

    /**
     * Generations whose replica stopped (their lease expired) are taken over here and run again: a generation is
     * one transaction that replaces the plan's schedule, so running it again is the same as running it once.
     */
    @Scheduled(every = "${lumbung.jobs.recovery-every:30s}", delayed = "${lumbung.jobs.recovery-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void recover() {
        List<String> unfinished = QuarkusTransaction.requiringNew().call(() -> ScheduleJobEntity
                .<ScheduleJobEntity>list("status in ('QUEUED', 'RUNNING')").stream().map(j -> j.id.toString()).toList());
        for (String taken : leases.takeOver(LEASE, unfinished)) {
            LOG.infof("schedule job %s resumed after its replica stopped", taken);
            start(UUID.fromString(taken));
        }
    }

    // ---- windows

    @Transactional
    public ScheduleApi.WindowsView setWindows(UUID planId, ScheduleApi.Windows in, RegionScope scope, String by) {
        var plan = plan(planId);
        scope.require(RegionCode.of(plan.regionCode));
        var windows = new CollectionWindows(in.counterFrom(), in.communityFrom(), in.communityTo(), in.lateUntil(),
                in.reconciliationFrom(), in.reconciliationTo());
        var problem = windows.problem();
        if (problem.isPresent()) {
            throw new ProblemException(400, "invalid-windows", "Collection windows do not hold",
                    problem.get().message(), Map.of("reason", problem.get().code()));
        }
        PlanWindowEntity w = PlanWindowEntity.findById(planId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (w == null) {
            w = new PlanWindowEntity();
            w.planId = planId;
            w.set(windows);
            w.updatedAt = now();
            w.updatedBy = by;
            w.persist();
        } else {
            if (w.collectionClosedAt != null) {
                throw new ProblemException(409, "collection-closed", "Collection closed",
                        "the plan's collection was closed at " + w.collectionClosedAt + "; its windows no longer move",
                        Map.of("planId", planId.toString()));
            }
            w.set(windows);
            w.updatedAt = now();
            w.updatedBy = by;
        }
        return view(w);
    }

    @Transactional
    public ScheduleApi.WindowsView windows(UUID planId, RegionScope scope) {
        var plan = plan(planId);
        requireOverlap(plan, scope);
        PlanWindowEntity w = PlanWindowEntity.findById(planId);
        if (w == null) {
            throw ProblemException.notFound("collection windows of plan", planId);
        }
        return view(w);
    }

    // ---- door to door

    @Transactional
    public ScheduleApi.DoorToDoorResult flagDoorToDoor(UUID planId, ScheduleApi.DoorToDoorList in, RegionScope scope,
            String by) {
        var plan = plan(planId);
        requireOverlap(plan, scope);
        var rows = json.createArrayNode();
        var seen = new java.util.HashSet<UUID>();
        for (var f : in.families()) {
            if (!seen.add(f.householdId())) {
                throw ProblemException.invalid("families", "household " + f.householdId() + " is listed twice");
            }
            rows.addObject().put("householdId", f.householdId().toString()).put("reason", f.reason().name());
        }
        var params = new ArrayList<Object>();
        String scopeSql = scopeSql("o.village_code", scope, params, 4);
        @SuppressWarnings("unchecked")
        List<String> unknown = bind(em.createNativeQuery("""
                select r."householdId" from jsonb_to_recordset(cast(?1 as jsonb)) as r("householdId" text, reason text)
                where not exists (select 1 from payment_order o where o.plan_id = ?2
                    and o.household_id = cast(r."householdId" as uuid) and o.status = ?3""" + scopeSql + ")")
                .setParameter(1, rows.toString()).setParameter(2, planId).setParameter(3, OrderStatus.READY.name()),
                params, 4).getResultList();
        if (!unknown.isEmpty()) {
            throw new ProblemException(400, "unknown-families", "Families not in this plan",
                    unknown.size() + " households have no unpaid order of this plan in your scope",
                    Map.of("householdIds", unknown.stream().limit(100).toList()));
        }
        int flagged = em.createNativeQuery("""
                insert into door_to_door_need (plan_id, household_id, reason, noted_by, noted_at)
                select ?1, cast(r."householdId" as uuid), r.reason, ?2, ?3
                from jsonb_to_recordset(cast(?4 as jsonb)) as r("householdId" text, reason text)
                on conflict (plan_id, household_id) do update set reason = excluded.reason,
                    noted_by = excluded.noted_by, noted_at = excluded.noted_at""")
                .setParameter(1, planId).setParameter(2, by).setParameter(3, now()).setParameter(4, rows.toString())
                .executeUpdate();
        return new ScheduleApi.DoorToDoorResult(planId, flagged);
    }

    // ---- generation

    /** Queues a generation for the whole plan; call {@link #start(UUID)} after this transaction commits. */
    @Transactional
    public ScheduleApi.Job request(UUID planId, RegionScope scope, String by) {
        var plan = plan(planId);
        scope.require(RegionCode.of(plan.regionCode));
        if (!"COMPLETE".equals(plan.status)) {
            throw new ProblemException(409, "plan-incomplete", "Plan still receiving",
                    "not every chunk of list " + plan.listId + " has arrived; schedule the whole list once it has",
                    Map.of("planId", planId.toString()));
        }
        PlanWindowEntity w = PlanWindowEntity.findById(planId);
        if (w == null) {
            throw new ProblemException(409, "windows-missing", "Collection windows missing",
                    "set the plan's collection windows before generating its schedule", Map.of("planId", planId.toString()));
        }
        if (w.collectionClosedAt != null) {
            throw new ProblemException(409, "collection-closed", "Collection closed",
                    "the plan's collection was closed at " + w.collectionClosedAt, Map.of("planId", planId.toString()));
        }
        // the schedule is fixed once money has moved: invitations with those dates are in families' hands
        if (!em.createNativeQuery("select 1 from payment_order where plan_id = ?1 and status = 'PAID' limit 1")
                .setParameter(1, planId).getResultList().isEmpty()) {
            throw new ProblemException(409, "payments-started", "Payments have started",
                    "orders of this plan are already paid; its schedule can no longer be regenerated",
                    Map.of("planId", planId.toString()));
        }
        if (ScheduleJobEntity.count("planId = ?1 and status in ('QUEUED', 'RUNNING')", planId) > 0) {
            throw new ProblemException(409, "generation-running", "Generation running",
                    "a schedule generation for this plan is already queued or running", Map.of("planId", planId.toString()));
        }
        var job = new ScheduleJobEntity();
        job.id = UUID.randomUUID();
        job.planId = planId;
        job.status = "QUEUED";
        job.phase = "QUEUED";
        job.requestedBy = by;
        job.requestedAt = now();
        job.persist();
        leases.hold(LEASE, job.id);
        try {
            em.flush();
        } catch (jakarta.persistence.PersistenceException e) {
            throw new ProblemException(409, "generation-running", "Generation running",
                    "a schedule generation for this plan is already queued or running", Map.of("planId", planId.toString()));
        }
        return view(job);
    }

    public void start(UUID jobId) {
        runner.submit(() -> run(jobId));
    }

    @Transactional
    public ScheduleApi.Job job(UUID jobId, RegionScope scope) {
        ScheduleJobEntity job = ScheduleJobEntity.findById(jobId);
        if (job == null) {
            throw ProblemException.notFound("schedule job", jobId);
        }
        requireOverlap(plan(job.planId), scope);
        return view(job);
    }

    void run(UUID jobId) {
        long started = System.nanoTime();
        try {
            UUID planId = QuarkusTransaction.requiringNew().call(() -> {
                ScheduleJobEntity job = ScheduleJobEntity.findById(jobId);
                job.status = "RUNNING";
                job.phase = "COUNTING";
                job.startedAt = now();
                return job.planId;
            });
            int toPlace = QuarkusTransaction.requiringNew().call(() -> {
                int n = ((Number) em.createNativeQuery("""
                        select count(*) from payment_order where plan_id = ?1 and status = 'READY' and channel = 'POS'""")
                        .setParameter(1, planId).getSingleResult()).intValue();
                ScheduleJobEntity job = ScheduleJobEntity.findById(jobId);
                job.ordersToPlace = n;
                job.phase = "ASSIGNING";
                return n;
            });
            QuarkusTransaction.requiringNew().timeout(GENERATION_TIMEOUT_SECONDS).run(() -> generate(jobId, planId, toPlace, started));
            leases.release(LEASE, jobId);
            LOG.infof("schedule job %s for plan %s done in %d ms", jobId, planId, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.errorf(e, "schedule job %s failed", jobId);
            QuarkusTransaction.requiringNew().run(() -> {
                ScheduleJobEntity job = ScheduleJobEntity.findById(jobId);
                job.status = "FAILED";
                job.phase = "FAILED";
                job.error = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
                job.finishedAt = now();
                job.durationMs = (System.nanoTime() - started) / 1_000_000;
            });
            leases.release(LEASE, jobId);
        }
    }

    private void generate(UUID jobId, UUID planId, int toPlace, long started) {
        var windows = PlanWindowEntity.<PlanWindowEntity>findById(planId).windows();
        var post = windows.scheduleDays(PayPointKind.POST_OFFICE);
        var community = windows.scheduleDays(PayPointKind.COMMUNITY_POINT);
        var round = windows.scheduleDays(PayPointKind.DOOR_TO_DOOR);
        em.createNativeQuery("delete from schedule_entry where plan_id = ?1").setParameter(1, planId).executeUpdate();
        // a plan's orders are usually inserted moments before by the thousands or millions: without fresh statistics
        // the planner takes the plan's orders for a handful and pairs every order with every village (hours at 1M)
        em.createNativeQuery("analyze payment_order, door_to_door_need").executeUpdate();
        int scheduled = em.createNativeQuery("""
                with need as (
                    select o.id, o.village_code, o.household_id, (d.household_id is not null) as dtd
                    from payment_order o
                    left join door_to_door_need d on d.plan_id = o.plan_id and d.household_id = o.household_id
                    where o.plan_id = ?1 and o.status = 'READY' and o.channel = 'POS'
                ), village_point as materialized (
                    -- each village's pay point chosen once, not once per order
                    select v.village_code, v.dtd,
                        (select pp.code from pay_point pp
                         where (v.village_code = pp.region_code or v.village_code like pp.region_code || '.%')
                           and (pp.kind = 'DOOR_TO_DOOR') = v.dtd
                         order by length(pp.region_code) desc, pp.code limit 1) as code
                    from (select distinct village_code, dtd from need) v
                ), ranked as (
                    select n.id, n.dtd, vp.code,
                        row_number() over (partition by vp.code order by n.village_code, n.household_id) as rn
                    from need n join village_point vp on vp.village_code = n.village_code and vp.dtd = n.dtd
                    where vp.code is not null
                ), placed as (
                    select r.id, r.dtd, r.code, (r.rn - 1) / pp.capacity_per_day as day_index,
                        (r.rn - 1) % pp.capacity_per_day + 1 as slot,
                        case pp.kind when 'POST_OFFICE' then cast(?2 as date) when 'COMMUNITY_POINT' then cast(?4 as date)
                            else cast(?6 as date) end as first_day,
                        case pp.kind when 'POST_OFFICE' then ?3 when 'COMMUNITY_POINT' then ?5 else ?7 end as day_count
                    from ranked r join pay_point pp on pp.code = r.code
                )
                insert into schedule_entry (order_id, plan_id, pay_point_code, collection_date, slot, door_to_door, job_id)
                select id, ?1, code, first_day + cast(day_index as integer), cast(slot as integer), dtd, ?8
                from placed where day_index < day_count""")
                .setParameter(1, planId)
                .setParameter(2, post.first()).setParameter(3, post.count())
                .setParameter(4, community.first()).setParameter(5, community.count())
                .setParameter(6, round.first()).setParameter(7, round.count())
                .setParameter(8, jobId)
                .executeUpdate();
        Object[] counts = (Object[]) em.createNativeQuery("""
                select
                    (select count(*) from schedule_entry where plan_id = ?1 and door_to_door),
                    (select count(*) from payment_order o
                     left join door_to_door_need d on d.plan_id = o.plan_id and d.household_id = o.household_id
                     where o.plan_id = ?1 and o.status = 'READY' and o.channel = 'POS'
                       and not exists (select 1 from pay_point pp
                           where (o.village_code = pp.region_code or o.village_code like pp.region_code || '.%')
                             and (pp.kind = 'DOOR_TO_DOOR') = (d.household_id is not null))),
                    (select count(*) from payment_order where plan_id = ?1 and status = 'READY' and channel = 'BANK')""")
                .setParameter(1, planId).getSingleResult();
        ScheduleJobEntity job = ScheduleJobEntity.findById(jobId);
        job.scheduled = scheduled;
        job.doorToDoor = ((Number) counts[0]).intValue();
        job.noPayPoint = ((Number) counts[1]).intValue();
        job.overCapacity = toPlace - scheduled - job.noPayPoint;
        job.bankChannel = ((Number) counts[2]).intValue();
        job.status = "DONE";
        job.phase = "DONE";
        job.finishedAt = now();
        job.durationMs = (System.nanoTime() - started) / 1_000_000;
    }

    // ---- reads

    @Transactional
    public List<ScheduleApi.DayLoad> load(UUID planId, RegionScope scope) {
        var plan = plan(planId);
        requireOverlap(plan, scope);
        var params = new ArrayList<Object>();
        String scopeSql = scopeSql("o.village_code", scope, params, 2);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery("""
                select s.pay_point_code, pp.kind, pp.name, s.collection_date, count(*), count(*) filter (where s.door_to_door),
                    pp.capacity_per_day
                from schedule_entry s join pay_point pp on pp.code = s.pay_point_code
                join payment_order o on o.id = s.order_id
                where s.plan_id = ?1""" + scopeSql + """

                group by s.pay_point_code, pp.kind, pp.name, s.collection_date, pp.capacity_per_day
                order by s.pay_point_code, s.collection_date""")
                .setParameter(1, planId), params, 2).getResultList();
        var out = new ArrayList<ScheduleApi.DayLoad>();
        for (var r : rows) {
            out.add(new ScheduleApi.DayLoad((String) r[0], PayPointKind.valueOf((String) r[1]), (String) r[2],
                    toDate(r[3]), ((Number) r[4]).longValue(), ((Number) r[5]).longValue(), ((Number) r[6]).intValue()));
        }
        return out;
    }

    @Transactional
    public ScheduleApi.ScheduledFamilyPage day(UUID planId, String payPointCode, LocalDate date, RegionScope scope,
            int page, int size) {
        var plan = plan(planId);
        requireOverlap(plan, scope);
        PayPointEntity point = PayPointEntity.findById(payPointCode);
        if (point == null) {
            throw ProblemException.notFound("pay point", payPointCode);
        }
        var params = new ArrayList<Object>();
        String scopeSql = scopeSql("o.village_code", scope, params, 4);
        String from = """
                from schedule_entry s join payment_order o on o.id = s.order_id
                where s.plan_id = ?1 and s.pay_point_code = ?2 and s.collection_date = ?3""" + scopeSql;
        long total = ((Number) bind(em.createNativeQuery("select count(*) " + from)
                .setParameter(1, planId).setParameter(2, payPointCode).setParameter(3, date), params, 4)
                .getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery("""
                select o.id, o.household_id, o.village_code, o.recipient_name, o.recipient_nik, s.slot, s.door_to_door,
                    o.amount, o.status""" + " " + from + " order by s.slot limit " + size + " offset " + ((long) page * size))
                .setParameter(1, planId).setParameter(2, payPointCode).setParameter(3, date), params, 4)
                .getResultList();
        var items = rows.stream().map(r -> new ScheduleApi.ScheduledFamily((UUID) r[0], (UUID) r[1], (String) r[2],
                Masking.name((String) r[3]), Masking.nik((String) r[4]), ((Number) r[5]).intValue(),
                CollectionWindows.invitedAt(((Number) r[5]).intValue(), point.capacityPerDay), (Boolean) r[6],
                ((Number) r[7]).longValue(), OrderStatus.valueOf((String) r[8]))).toList();
        audit.record("SEARCH", "schedule", planId.toString(), "payPoint=" + payPointCode + " date=" + date + " page=" + page);
        return new ScheduleApi.ScheduledFamilyPage(items, page, size, total);
    }

    // ---- helpers

    static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    /**
     * {@code and (column like ?n or ...)} for the caller's scope, with positional parameters from
     * {@code first}; {@link #bind} sets them.
     */
    static String scopeSql(String column, RegionScope scope, List<Object> params, int first) {
        if (scope.national()) {
            return "";
        }
        var patterns = scope.likePatterns();
        if (patterns.isEmpty()) {
            return " and 1 = 0";
        }
        var condition = new StringBuilder(" and (");
        for (int i = 0; i < patterns.size(); i++) {
            if (i > 0) {
                condition.append(" or ");
            }
            condition.append(column).append(" like ?").append(first + i);
            params.add(patterns.get(i));
        }
        return condition.append(")").toString();
    }

    static jakarta.persistence.Query bind(jakarta.persistence.Query query, List<Object> params, int first) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(first + i, params.get(i));
        }
        return query;
    }

    static PlanEntity plan(UUID planId) {
        PlanEntity plan = PlanEntity.findById(planId);
        if (plan == null) {
            throw ProblemException.notFound("plan", planId);
        }
        return plan;
    }

    static void requireOverlap(PlanEntity plan, RegionScope scope) {
        if (!ScopeFilter.overlaps(RegionCode.of(plan.regionCode), scope)) {
            throw ProblemException.forbidden("plan region " + plan.regionCode + " is outside your scope " + scope.regions());
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static ScheduleApi.WindowsView view(PlanWindowEntity w) {
        return new ScheduleApi.WindowsView(w.planId, w.counterFrom, w.communityFrom, w.communityTo, w.lateUntil,
                w.reconciliationFrom, w.reconciliationTo, w.collectionClosedAt, w.updatedAt, w.updatedBy);
    }

    static ScheduleApi.Job view(ScheduleJobEntity j) {
        return new ScheduleApi.Job(j.id, j.planId, j.status, j.phase, j.ordersToPlace, j.scheduled, j.doorToDoor,
                j.noPayPoint, j.overCapacity, j.bankChannel, j.error, j.requestedBy, j.requestedAt, j.startedAt,
                j.finishedAt, j.durationMs);
    }
}
