package id.lumbung.disbursement.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lumbung.disbursement.domain.LifeEventPolicy;
import id.lumbung.disbursement.domain.LifeEventPolicy.MemberLife;
import id.lumbung.disbursement.domain.OrderStatus;
import id.lumbung.disbursement.events.PaymentEvents;
import id.lumbung.disbursement.persistence.PaymentOrderEntity;
import id.lumbung.disbursement.persistence.PlanEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Registry life events against unpaid orders: a death or a move before payment blocks the family's
 * READY orders with the reason, and members who left can no longer collect as kuasa. Paid orders are
 * never touched.
 */
@ApplicationScoped
public class LifeEventService {

    private static final Logger LOG = Logger.getLogger(LifeEventService.class);

    private final EntityManager em;
    private final PaymentEvents events;
    private final ObjectMapper json;
    private final Clock clock;

    public LifeEventService(EntityManager em, PaymentEvents events, ObjectMapper json, Clock clock) {
        this.em = em;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** Applies one {@code registry.households.v1} state; older or repeated versions change nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void householdChanged(JsonNode data) {
        if (!data.hasNonNull("householdId") || !data.hasNonNull("version") || !data.path("members").isArray()) {
            LOG.warn("household event without householdId, version or members: ignored");
            return;
        }
        UUID householdId;
        try {
            householdId = UUID.fromString(data.get("householdId").asText());
        } catch (IllegalArgumentException e) {
            LOG.warn("household event with a householdId that is not a UUID: ignored");
            return;
        }
        var members = members(data.get("members"));
        int newer = em.createNativeQuery("""
                insert into household_life (household_id, registry_version, status, members, updated_at)
                values (?1, ?2, ?3, cast(?4 as jsonb), ?5)
                on conflict (household_id) do update set registry_version = excluded.registry_version,
                    status = excluded.status, members = excluded.members, updated_at = excluded.updated_at
                where household_life.registry_version < excluded.registry_version""")
                .setParameter(1, householdId)
                .setParameter(2, data.get("version").asLong())
                .setParameter(3, data.path("status").asText("ACTIVE"))
                .setParameter(4, membersJson(members))
                .setParameter(5, now())
                .executeUpdate();
        if (newer == 0) {
            return;
        }
        List<PaymentOrderEntity> unpaid = PaymentOrderEntity
                .<PaymentOrderEntity>find("householdId = ?1 and status = ?2", householdId, OrderStatus.READY)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        for (var order : unpaid) {
            apply(order, members);
        }
    }

    /** Orders just created for families whose life state the registry already reported. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyKnownLife(UUID planId, String acceptedBeneficiariesJson) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select o.id, cast(hl.members as text) from payment_order o
                join household_life hl on hl.household_id = o.household_id
                where o.plan_id = ?1 and o.status = 'READY' and o.household_id in (
                    select cast(b."householdId" as uuid) from jsonb_to_recordset(cast(?2 as jsonb)) as b("householdId" text))""")
                .setParameter(1, planId)
                .setParameter(2, acceptedBeneficiariesJson)
                .getResultList();
        for (var row : rows) {
            var order = em.find(PaymentOrderEntity.class, row[0], LockModeType.PESSIMISTIC_WRITE);
            try {
                apply(order, members(json.readTree((String) row[1])));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("household_life members are not JSON", e);
            }
        }
    }

    private void apply(PaymentOrderEntity order, List<MemberLife> members) {
        var departed = new LinkedHashSet<>(List.of(order.departedNiks));
        departed.addAll(LifeEventPolicy.departed(members));
        order.departedNiks = departed.toArray(String[]::new);
        var reason = LifeEventPolicy.blockReason(order.recipientNik, members);
        if (reason.isEmpty()) {
            return;
        }
        var lifecycle = order.lifecycle();
        Instant at = now();
        if (lifecycle.block(reason.get(), at)) {
            order.apply(lifecycle);
            PlanEntity plan = PlanEntity.findById(order.planId);
            events.published(PaymentEvents.ORDER_BLOCKED, order, plan, at);
            LOG.infof("order %s of household %s blocked: %s", order.id, order.householdId, reason.get());
        }
    }

    private List<MemberLife> members(JsonNode array) {
        var out = new ArrayList<MemberLife>();
        for (var m : array) {
            if (m.hasNonNull("nik")) {
                out.add(new MemberLife(m.get("nik").asText(), LifeEventPolicy.LifeStatus.parse(m.path("lifeStatus").asText())));
            }
        }
        return out;
    }

    private String membersJson(List<MemberLife> members) {
        var array = json.createArrayNode();
        members.forEach(m -> array.addObject().put("nik", m.nik()).put("lifeStatus", m.status().name()));
        return array.toString();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
