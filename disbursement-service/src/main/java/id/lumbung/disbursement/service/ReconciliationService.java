package id.lumbung.disbursement.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.lumbung.disbursement.domain.CorrectionKind;
import id.lumbung.disbursement.domain.OrderStatus;
import id.lumbung.disbursement.domain.PresenterCheck;
import id.lumbung.disbursement.domain.PresenterRole;
import id.lumbung.disbursement.domain.Retur;
import id.lumbung.disbursement.domain.StatusReason;
import id.lumbung.disbursement.events.BulkEvents;
import id.lumbung.disbursement.events.PaymentEvents;
import id.lumbung.disbursement.persistence.OrderMember;
import id.lumbung.disbursement.persistence.PaymentEntity;
import id.lumbung.disbursement.persistence.PaymentOrderEntity;
import id.lumbung.disbursement.persistence.PlanEntity;
import id.lumbung.disbursement.persistence.PlanWindowEntity;
import id.lumbung.disbursement.rest.ReconciliationApi;
import id.lumbung.platform.audit.AuditLog;
import id.lumbung.platform.id.RegionCode;
import id.lumbung.platform.problem.ProblemException;
import id.lumbung.platform.security.RegionScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The end of a plan's collection: closing it fails every unpaid order with its reason; each village then
 * reconciles under its SPTJM (late payments with proof, confirmed deaths) and, when it closes, the money
 * of its failed orders is marked for return (retur) so that planned = paid + returned, to the rupiah.
 */
@ApplicationScoped
public class ReconciliationService {

    private static final Logger LOG = Logger.getLogger(ReconciliationService.class);

    private final EntityManager em;
    private final PaymentEvents events;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    public ReconciliationService(EntityManager em, PaymentEvents events, AuditLog audit, ObjectMapper json, Clock clock) {
        this.em = em;
        this.events = events;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    // ---- closing the collection

    @Transactional
    public ReconciliationApi.CollectionClosed closeCollection(UUID planId, ReconciliationApi.CloseCollection in,
            RegionScope scope, String by) {
        PlanEntity plan = ScheduleService.plan(planId);
        scope.require(RegionCode.of(plan.regionCode));
        PlanWindowEntity w = PlanWindowEntity.findById(planId, LockModeType.PESSIMISTIC_WRITE);
        if (w == null) {
            throw new ProblemException(409, "windows-missing", "Collection windows missing",
                    "the plan has no collection windows, so it has no end to close", Map.of("planId", planId.toString()));
        }
        if (w.collectionClosedAt != null) {
            throw new ProblemException(409, "collection-closed", "Collection already closed",
                    "the plan's collection was closed at " + w.collectionClosedAt, Map.of("planId", planId.toString()));
        }
        Instant now = now();
        if (!w.windows().collectionOver(now)) {
            throw new ProblemException(409, "collection-open", "Collection still open",
                    "families may collect until " + w.lateUntil + " (WIB); close the collection after that day",
                    Map.of("planId", planId.toString(), "lateUntil", w.lateUntil.toString()));
        }
        var known = json.createArrayNode();
        var seen = new HashSet<UUID>();
        for (var f : in == null || in.failures() == null ? List.<ReconciliationApi.KnownFailure>of() : in.failures()) {
            if (!seen.add(f.householdId())) {
                throw ProblemException.invalid("failures", "household " + f.householdId() + " is listed twice");
            }
            if (f.reason() == StatusReason.ERASED) {
                throw ProblemException.invalid("failures", "ERASED comes from the registry's erasure of a household, not "
                        + "from the field");
            }
            known.addObject().put("householdId", f.householdId().toString()).put("reason", f.reason().name());
        }
        @SuppressWarnings("unchecked")
        List<String> unknown = em.createNativeQuery("""
                select k."householdId" from jsonb_to_recordset(cast(?1 as jsonb)) as k("householdId" text, reason text)
                where not exists (select 1 from payment_order o where o.plan_id = ?2
                    and o.household_id = cast(k."householdId" as uuid) and o.status in ('READY', 'BLOCKED'))""")
                .setParameter(1, known.toString()).setParameter(2, planId).getResultList();
        if (!unknown.isEmpty()) {
            throw new ProblemException(400, "unknown-families", "Families without an unpaid order",
                    unknown.size() + " households have no unpaid order in this plan",
                    Map.of("householdIds", unknown.stream().limit(100).toList()));
        }
        // a blocked order keeps the reason it was blocked for unless the field knows better
        @SuppressWarnings("unchecked")
        List<Object[]> totals = em.createNativeQuery("""
                with known as (
                    select cast(k."householdId" as uuid) as household_id, k.reason
                    from jsonb_to_recordset(cast(?1 as jsonb)) as k("householdId" text, reason text)
                ), failed as (
                    update payment_order o
                    set status = 'FAILED', status_at = ?3, version = o.version + 1,
                        status_reason = coalesce(x.reason, case when o.status = 'BLOCKED' then o.status_reason end, 'NOT_COLLECTED')
                    from (select o2.id, k.reason from payment_order o2 left join known k on k.household_id = o2.household_id
                          where o2.plan_id = ?2 and o2.status in ('READY', 'BLOCKED')) x
                    where o.id = x.id
                    returning o.id as order_id, o.plan_id, o.household_id, o.village_code, o.amount, o.status,
                        o.status_reason as reason, o.status_at as at
                ), published as (
                """ + BulkEvents.insertFrom("failed", PaymentEvents.ORDER_FAILED) + """
                    returning 1
                )
                select reason, count(*), coalesce(sum(amount), 0) from failed group by reason order by reason""")
                .setParameter(1, known.toString()).setParameter(2, planId).setParameter(3, now)
                .getResultList();
        w.collectionClosedAt = now;
        var byReason = new ArrayList<ReconciliationApi.ReasonTotal>();
        long failed = 0;
        for (var r : totals) {
            long n = ((Number) r[1]).longValue();
            failed += n;
            byReason.add(new ReconciliationApi.ReasonTotal(StatusReason.valueOf((String) r[0]), n, ((Number) r[2]).longValue()));
        }
        LOG.infof("plan %s: collection closed by %s, %d orders failed", planId, by, failed);
        return new ReconciliationApi.CollectionClosed(planId, now, failed, byReason);
    }

    // ---- village reconciliation

    @Transactional
    public ReconciliationApi.Reconciliation open(UUID planId, String villageCode, ReconciliationApi.Sptjm sptjm,
            RegionScope scope, String by) {
        var village = village(villageCode, scope);
        var w = closedWindows(planId);
        Instant now = now();
        if (!w.windows().inReconciliation(now)) {
            throw outsideWindow(w);
        }
        if (((Number) em.createNativeQuery("select count(*) from payment_order where plan_id = ?1 and village_code = ?2")
                .setParameter(1, planId).setParameter(2, village).getSingleResult()).longValue() == 0) {
            throw ProblemException.notFound("orders of plan " + planId + " in village", village);
        }
        int opened = em.createNativeQuery("""
                insert into village_reconciliation (plan_id, village_code, signer_name, signer_position, signed_on,
                    document_ref, document_sha256, opened_by, opened_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) on conflict do nothing""")
                .setParameter(1, planId).setParameter(2, village).setParameter(3, sptjm.signerName().strip())
                .setParameter(4, sptjm.signerPosition().strip()).setParameter(5, sptjm.signedOn())
                .setParameter(6, sptjm.documentRef().strip()).setParameter(7, sptjm.documentSha256())
                .setParameter(8, by).setParameter(9, now).executeUpdate();
        if (opened == 0) {
            throw new ProblemException(409, "reconciliation-exists", "Reconciliation already opened",
                    "village " + village + " already reconciles this plan under its SPTJM",
                    Map.of("planId", planId.toString(), "villageCode", village));
        }
        audit.record("RECONCILE", "village-reconciliation", planId + "/" + village, "SPTJM " + sptjm.documentRef());
        return get(planId, village, scope);
    }

    @Transactional
    public ReconciliationApi.CorrectionView correct(UUID planId, String villageCode, ReconciliationApi.Correction in,
            RegionScope scope, String by) {
        var village = village(villageCode, scope);
        var w = closedWindows(planId);
        lockOpen(planId, village);
        Instant now = now();
        if (!w.windows().inReconciliation(now)) {
            throw outsideWindow(w);
        }
        var order = em.find(PaymentOrderEntity.class, in.orderId(), LockModeType.PESSIMISTIC_WRITE);
        if (order == null || !order.planId.equals(planId) || !order.villageCode.equals(village)) {
            throw ProblemException.notFound("order of plan " + planId + " in village " + village, in.orderId());
        }
        if (order.status != OrderStatus.FAILED) {
            throw new ProblemException(409, "order-not-failed", "Order has not failed",
                    "order " + order.id + " is " + order.status + "; only failed orders are corrected at reconciliation",
                    Map.of("orderId", order.id.toString(), "status", order.status.name()));
        }
        UUID id = UUID.randomUUID();
        PlanEntity plan = PlanEntity.findById(planId);
        var lifecycle = order.lifecycle();
        if (in.kind() == CorrectionKind.LATE_PAYMENT) {
            var payment = latePayment(in, order, w, now);
            insertCorrection(id, planId, village, in, by, now);
            lifecycle.payLate(payment.paidAt, now);
            order.apply(lifecycle);
            payment.idempotencyKey = "reconciliation:" + id;
            payment.persist();
            em.flush();
            events.published(PaymentEvents.PAYMENT_RECORDED, order, plan, now);
        } else {
            insertCorrection(id, planId, village, in, by, now);
            lifecycle.confirmDeath(now);
            order.apply(lifecycle);
            em.flush();
            events.published(PaymentEvents.ORDER_FAILED, order, plan, now);
        }
        audit.record("RECONCILE", "payment-order", order.id.toString(), in.kind() + " correction " + id);
        return new ReconciliationApi.CorrectionView(id, order.id, in.kind(), in.proofSha256(), in.detail(), by, now);
    }

    private PaymentEntity latePayment(ReconciliationApi.Correction in, PaymentOrderEntity order, PlanWindowEntity w,
            Instant now) {
        if (in.paidAt() == null || in.presenterNik() == null || in.presenterRole() == null || in.payPointCode() == null
                || in.payPointCode().isBlank() || in.officer() == null || in.officer().isBlank() || in.latitude() == null
                || in.longitude() == null) {
            throw ProblemException.invalid("paidAt", "a late payment names paidAt, presenterNik, presenterRole, "
                    + "payPointCode, officer, latitude and longitude (and noKk for a kuasa)");
        }
        if (!w.windows().withinCollection(in.paidAt()) || in.paidAt().isAfter(now)) {
            throw ProblemException.invalid("paidAt", "a late payment must have been made while collection was open ("
                    + w.counterFrom + " to " + w.lateUntil + ")");
        }
        var entitled = new PresenterCheck.Entitled(order.recipientNik, order.noKk,
                order.members.stream().map(OrderMember::nik).collect(Collectors.toSet()), new HashSet<>(List.of(order.departedNiks)));
        var refusal = PresenterCheck.check(entitled, new PresenterCheck.Presenter(in.presenterNik(), in.presenterRole(), in.noKk()));
        if (refusal.isPresent()) {
            throw new ProblemException(422, "presenter-refused", "Presenter may not collect this order",
                    refusal.get().message(), Map.of("reason", refusal.get().code()));
        }
        var payment = new PaymentEntity();
        payment.id = UUID.randomUUID();
        payment.orderId = order.id;
        payment.amount = order.amount;
        payment.presenterNik = in.presenterNik();
        payment.presenterRole = in.presenterRole().name();
        payment.presenterNoKk = in.presenterRole() == PresenterRole.KUASA ? in.noKk() : null;
        payment.officer = in.officer().strip();
        payment.payPointCode = in.payPointCode().strip();
        payment.paidAt = in.paidAt().truncatedTo(ChronoUnit.MICROS);
        payment.latitude = in.latitude().setScale(6, RoundingMode.HALF_UP);
        payment.longitude = in.longitude().setScale(6, RoundingMode.HALF_UP);
        payment.photoSha256 = in.proofSha256().toLowerCase(Locale.ROOT);
        return payment;
    }

    private void insertCorrection(UUID id, UUID planId, String village, ReconciliationApi.Correction in, String by,
            Instant now) {
        em.createNativeQuery("""
                insert into reconciliation_correction (id, plan_id, village_code, order_id, kind, proof_sha256, detail,
                    recorded_by, recorded_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""")
                .setParameter(1, id).setParameter(2, planId).setParameter(3, village).setParameter(4, in.orderId())
                .setParameter(5, in.kind().name()).setParameter(6, in.proofSha256()).setParameter(7, in.detail())
                .setParameter(8, by).setParameter(9, now).executeUpdate();
    }

    @Transactional
    public ReconciliationApi.Reconciliation close(UUID planId, String villageCode, RegionScope scope, String by) {
        var village = village(villageCode, scope);
        var w = closedWindows(planId);
        lockOpen(planId, village);
        Instant now = now();
        if (!w.windows().reconciliationStarted(now)) {
            throw outsideWindow(w);
        }
        em.flush();
        em.createNativeQuery("""
                with returned as (
                    insert into retur (order_id, plan_id, village_code, amount, reason, marked_at)
                    select id, plan_id, village_code, amount, status_reason, ?3 from payment_order
                    where plan_id = ?1 and village_code = ?2 and status = 'FAILED'
                    returning order_id, plan_id, village_code, amount, reason, marked_at as at
                ), rows as (
                    select r.order_id, r.plan_id, o.household_id, r.village_code, r.amount, 'FAILED' as status,
                        r.reason, r.at from returned r join payment_order o on o.id = r.order_id
                )
                """ + BulkEvents.insertFrom("rows", PaymentEvents.ORDER_RETURNED))
                .setParameter(1, planId).setParameter(2, village).setParameter(3, now).executeUpdate();
        Object[] t = (Object[]) em.createNativeQuery("""
                select
                    (select count(*) from payment_order where plan_id = ?1 and village_code = ?2),
                    (select coalesce(sum(amount), 0) from payment_order where plan_id = ?1 and village_code = ?2),
                    (select coalesce(sum(p.amount), 0) from payment p join payment_order o on o.id = p.order_id
                        where o.plan_id = ?1 and o.village_code = ?2),
                    (select coalesce(sum(amount), 0) from retur where plan_id = ?1 and village_code = ?2)""")
                .setParameter(1, planId).setParameter(2, village).getSingleResult();
        long orders = ((Number) t[0]).longValue();
        long planned = ((Number) t[1]).longValue();
        long paid = ((Number) t[2]).longValue();
        long returned = ((Number) t[3]).longValue();
        var problem = Retur.totalsProblem(planned, paid, returned);
        if (problem.isPresent()) {
            // unpaid orders that are not failed (the collection closed, so this means data went wrong): stop here
            throw new ProblemException(409, "totals-do-not-add-up", "Totals do not add up", problem.get().message(),
                    Map.of("plannedTotal", planned, "paidTotal", paid, "returnedTotal", returned));
        }
        // the table's check holds the same equation, whoever writes the row
        em.createNativeQuery("""
                update village_reconciliation set closed_by = ?3, closed_at = ?4, orders = ?5, planned_total = ?6,
                    paid_total = ?7, returned_total = ?8 where plan_id = ?1 and village_code = ?2""")
                .setParameter(1, planId).setParameter(2, village).setParameter(3, by).setParameter(4, now)
                .setParameter(5, (int) orders).setParameter(6, planned).setParameter(7, paid).setParameter(8, returned)
                .executeUpdate();
        audit.record("RECONCILE", "village-reconciliation", planId + "/" + village,
                "closed: planned " + planned + " = paid " + paid + " + returned " + returned);
        LOG.infof("plan %s village %s reconciled: planned Rp%d = paid Rp%d + returned Rp%d", planId, village, planned,
                paid, returned);
        return get(planId, village, scope);
    }

    @Transactional
    public ReconciliationApi.Reconciliation get(UUID planId, String villageCode, RegionScope scope) {
        var village = village(villageCode, scope);
        ScheduleService.plan(planId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select signer_name, signer_position, signed_on, document_ref, document_sha256, opened_by, opened_at,
                    closed_by, closed_at, orders, planned_total, paid_total, returned_total
                from village_reconciliation where plan_id = ?1 and village_code = ?2""")
                .setParameter(1, planId).setParameter(2, village).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("reconciliation of plan " + planId + " for village", village);
        }
        var r = rows.get(0);
        @SuppressWarnings("unchecked")
        List<Object[]> corrections = em.createNativeQuery("""
                select id, order_id, kind, proof_sha256, detail, recorded_by, recorded_at from reconciliation_correction
                where plan_id = ?1 and village_code = ?2 order by seq""")
                .setParameter(1, planId).setParameter(2, village).getResultList();
        var views = corrections.stream().map(c -> new ReconciliationApi.CorrectionView((UUID) c[0], (UUID) c[1],
                CorrectionKind.valueOf((String) c[2]), (String) c[3], (String) c[4], (String) c[5], instant(c[6]))).toList();
        return new ReconciliationApi.Reconciliation(planId, village, (String) r[0], (String) r[1],
                ScheduleService.toDate(r[2]), (String) r[3], (String) r[4], (String) r[5], instant(r[6]), (String) r[7],
                instant(r[8]), r[9] == null ? null : ((Number) r[9]).intValue(), longOrNull(r[10]), longOrNull(r[11]),
                longOrNull(r[12]), views);
    }

    // ---- helpers

    private String village(String villageCode, RegionScope scope) {
        var village = PayPointService.region(villageCode);
        if (village.level() != RegionCode.Level.VILLAGE) {
            throw ProblemException.invalid("villageCode", "villageCode must be a village (desa/kelurahan) code");
        }
        scope.require(village);
        return village.value();
    }

    private PlanWindowEntity closedWindows(UUID planId) {
        ScheduleService.plan(planId);
        PlanWindowEntity w = PlanWindowEntity.findById(planId);
        if (w == null || w.collectionClosedAt == null) {
            throw new ProblemException(409, "collection-open", "Collection not closed",
                    "reconciliation starts once the plan's collection is closed", Map.of("planId", planId.toString()));
        }
        return w;
    }

    /** The village's reconciliation row, locked; refuses when there is no SPTJM yet or it is closed. */
    private void lockOpen(UUID planId, String village) {
        @SuppressWarnings("unchecked")
        List<Object> closedAt = em.createNativeQuery("""
                select cast(closed_at as text) from village_reconciliation where plan_id = ?1 and village_code = ?2 for update""")
                .setParameter(1, planId).setParameter(2, village).getResultList();
        if (closedAt.isEmpty()) {
            throw new ProblemException(409, "sptjm-required", "SPTJM required",
                    "open the village's reconciliation with its SPTJM (signer, date, document and its SHA-256) first",
                    Map.of("planId", planId.toString(), "villageCode", village));
        }
        if (closedAt.get(0) != null) {
            throw new ProblemException(409, "reconciliation-closed", "Reconciliation closed",
                    "village " + village + " closed its reconciliation at " + closedAt.get(0),
                    Map.of("planId", planId.toString(), "villageCode", village));
        }
    }

    private static ProblemException outsideWindow(PlanWindowEntity w) {
        return new ProblemException(409, "outside-reconciliation-window", "Outside the reconciliation window",
                "reconciliation runs " + w.reconciliationFrom + " to " + w.reconciliationTo + " (WIB)",
                Map.of("reconciliationFrom", w.reconciliationFrom.toString(), "reconciliationTo", w.reconciliationTo.toString()));
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    private static Long longOrNull(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
