package id.lumbung.disbursement.service;

import id.lumbung.disbursement.domain.CollectionWindows;
import id.lumbung.disbursement.domain.Documents;
import id.lumbung.disbursement.domain.InvitationCode;
import id.lumbung.disbursement.domain.PayPointKind;
import id.lumbung.disbursement.persistence.PaymentOrderEntity;
import id.lumbung.disbursement.persistence.PlanEntity;
import id.lumbung.disbursement.rest.InvitationApi;
import id.lumbung.platform.audit.AuditLog;
import id.lumbung.platform.id.RegionCode;
import id.lumbung.platform.problem.ProblemException;
import id.lumbung.platform.security.RegionScope;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Invitations for scheduled orders. A code is issued the first time an order's invitation is printed and
 * never changes; regenerating the schedule changes the date and place printed, not the code.
 */
@ApplicationScoped
public class InvitationService {

    /** An invitation with the recipient's full name, for printing only. */
    public record Printable(InvitationApi.Invitation invitation, String fullName) {
    }

    private static final String SELECT = """
            select o.id, o.plan_id, p.program_code, p.period, o.household_id, o.village_code, o.recipient_name,
                o.recipient_nik, o.amount, i.code, s.collection_date, s.slot, pp.code, pp.name, pp.kind,
                pp.capacity_per_day, s.door_to_door
            from payment_order o
            join disbursement_plan p on p.id = o.plan_id
            join schedule_entry s on s.order_id = o.id
            join pay_point pp on pp.code = s.pay_point_code
            join invitation i on i.order_id = o.id
            """;

    private final EntityManager em;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    public InvitationService(EntityManager em, AuditLog audit, ObjectMapper json, Clock clock) {
        this.em = em;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** The invitations of a village's unpaid scheduled orders, in the order families are invited. */
    @Transactional
    public List<Printable> village(UUID planId, String villageCode, RegionScope scope) {
        PlanEntity plan = ScheduleService.plan(planId);
        var village = PayPointService.region(villageCode);
        if (village.level() != RegionCode.Level.VILLAGE) {
            throw ProblemException.invalid("villageCode", "villageCode must be a village (desa/kelurahan) code");
        }
        scope.require(village);
        @SuppressWarnings("unchecked")
        List<UUID> orders = em.createNativeQuery("""
                select o.id from payment_order o join schedule_entry s on s.order_id = o.id
                where o.plan_id = ?1 and o.village_code = ?2 and o.status = 'READY'""")
                .setParameter(1, plan.id).setParameter(2, village.value()).getResultList();
        if (orders.isEmpty()) {
            throw new ProblemException(404, "no-invitations", "No invitations",
                    "village " + village + " has no unpaid scheduled orders in plan " + planId,
                    Map.of("planId", planId.toString(), "villageCode", village.value()));
        }
        issue(orders);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + """
                where o.plan_id = ?1 and o.village_code = ?2 and o.status = 'READY'
                order by s.collection_date, pp.code, s.slot""")
                .setParameter(1, plan.id).setParameter(2, village.value()).getResultList();
        audit.record("EXPORT", "invitation", planId.toString(), "village " + village + ": " + rows.size() + " invitations");
        return rows.stream().map(InvitationService::printable).toList();
    }

    /** One order's invitation (issued now if it was not yet). */
    @Transactional
    public Printable one(UUID orderId, RegionScope scope) {
        PaymentOrderEntity order = PaymentOrderEntity.findById(orderId);
        if (order == null) {
            throw ProblemException.notFound("payment order", orderId);
        }
        scope.require(RegionCode.of(order.villageCode));
        if (em.createNativeQuery("select 1 from schedule_entry where order_id = ?1").setParameter(1, orderId)
                .getResultList().isEmpty()) {
            throw new ProblemException(409, "not-scheduled", "Order not scheduled",
                    "order " + orderId + " has no pay point and day yet: generate the plan's schedule first",
                    Map.of("orderId", orderId.toString()));
        }
        issue(List.of(orderId));
        Object[] row = (Object[]) em.createNativeQuery(SELECT + " where o.id = ?1").setParameter(1, orderId)
                .getSingleResult();
        audit.record("READ", "invitation", orderId.toString(), null);
        return printable(row);
    }

    /** Gives every listed order without an invitation its code, in one statement. */
    private void issue(List<UUID> orderIds) {
        var rows = json.createArrayNode();
        for (var id : orderIds) {
            rows.addObject().put("orderId", id.toString()).put("code", InvitationCode.random());
        }
        em.createNativeQuery("""
                insert into invitation (order_id, code, issued_at)
                select cast(r."orderId" as uuid), r.code, ?2 from jsonb_to_recordset(cast(?1 as jsonb)) as r("orderId" text, code text)
                on conflict (order_id) do nothing""")
                .setParameter(1, rows.toString()).setParameter(2, clock.instant().truncatedTo(ChronoUnit.MICROS))
                .executeUpdate();
    }

    private static Printable printable(Object[] r) {
        String name = (String) r[6];
        int slot = ((Number) r[11]).intValue();
        int capacity = ((Number) r[15]).intValue();
        var invitation = new InvitationApi.Invitation((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3],
                (UUID) r[4], (String) r[5], id.lumbung.platform.id.Masking.name(name),
                id.lumbung.platform.id.Masking.nik((String) r[7]), ((Number) r[8]).longValue(), (String) r[9],
                ScheduleService.toDate(r[10]), CollectionWindows.invitedAt(slot, capacity), (String) r[12],
                (String) r[13], PayPointKind.valueOf((String) r[14]), (Boolean) r[16], Documents.toBring());
        return new Printable(invitation, name);
    }

}
