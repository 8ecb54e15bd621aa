package id.lumbung.disbursement.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lumbung.disbursement.domain.LifeEventPolicy;
import id.lumbung.disbursement.domain.LifeEventPolicy.MemberLife;
import id.lumbung.disbursement.domain.OrderStatus;
import id.lumbung.disbursement.domain.StatusReason;
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
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** One household's life state as a {@code registry.households.v1} event carries it. */
    private record LifeState(UUID householdId, long version, String status, List<MemberLife> members) {
    }

    /**
     * Applies a poll of {@code registry.households.v1} states at once: the states newer than what is kept are
     * applied in version order to the family's unpaid orders, and the newest is kept; older or repeated
     * versions change nothing. Three statements whatever the number of households.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void householdsChanged(List<JsonNode> events) {
        var byHousehold = new LinkedHashMap<UUID, List<LifeState>>();
        for (var data : events) {
            parse(data).ifPresent(state -> byHousehold.computeIfAbsent(state.householdId(), id -> new ArrayList<>()).add(state));
        }
        if (byHousehold.isEmpty()) {
            return;
        }
        var kept = keptVersions(byHousehold.keySet());
        var newer = new LinkedHashMap<UUID, List<LifeState>>();
        byHousehold.forEach((id, states) -> {
            var seen = new HashSet<Long>();
            long keptVersion = kept.getOrDefault(id, Long.MIN_VALUE);
            var fresh = states.stream().filter(s -> s.version() > keptVersion && seen.add(s.version()))
                    .sorted(Comparator.comparingLong(LifeState::version)).toList();
            if (!fresh.isEmpty()) {
                newer.put(id, fresh);
            }
        });
        if (newer.isEmpty()) {
            return;
        }
        keep(newer.values().stream().map(List::getLast).toList());
        List<PaymentOrderEntity> unpaid = PaymentOrderEntity
                .<PaymentOrderEntity>find("householdId in ?1 and status = ?2", newer.keySet(), OrderStatus.READY)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        for (var order : unpaid) {
            for (var state : newer.get(order.householdId)) {
                apply(order, state.members());
            }
        }
    }

    private Optional<LifeState> parse(JsonNode data) {
        if (!data.hasNonNull("householdId") || !data.hasNonNull("version") || !data.path("members").isArray()) {
            LOG.warn("household event without householdId, version or members: ignored");
            return Optional.empty();
        }
        try {
            return Optional.of(new LifeState(UUID.fromString(data.get("householdId").asText()), data.get("version").asLong(),
                    data.path("status").asText("ACTIVE"), members(data.get("members"))));
        } catch (IllegalArgumentException e) {
            LOG.warn("household event with a householdId that is not a UUID: ignored");
            return Optional.empty();
        }
    }

    /** The registry version kept for each of {@code ids}, locked until the transaction ends. */
    private Map<UUID, Long> keptVersions(Collection<UUID> ids) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select household_id, registry_version from household_life where household_id in (?1) for update")
                .setParameter(1, ids)
                .getResultList();
        var kept = new HashMap<UUID, Long>();
        for (var row : rows) {
            kept.put((UUID) row[0], ((Number) row[1]).longValue());
        }
        return kept;
    }

    /** The life state kept for a household the registry erased: newer than any version, so nothing revives it. */
    static final String ERASED = "ERASED";

    /**
     * Households the registry erased (registered in error): their unpaid orders are blocked (ERASED) and the life
     * state kept for them says so, so that an order made later from a list approved before the erasure is blocked
     * as it is created. Paid orders stay as they are: they are the record of money paid.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void householdsErased(List<UUID> householdIds) {
        if (householdIds.isEmpty()) {
            return;
        }
        keep(householdIds.stream().map(id -> new LifeState(id, Long.MAX_VALUE, ERASED, List.of())).toList());
        List<PaymentOrderEntity> unpaid = PaymentOrderEntity
                .<PaymentOrderEntity>find("householdId in ?1 and status = ?2", householdIds, OrderStatus.READY)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        unpaid.forEach(order -> block(order, StatusReason.ERASED));
        LOG.infof("%d households erased by the registry: %d unpaid orders blocked", householdIds.size(), unpaid.size());
    }

    private void keep(List<LifeState> states) {
        var rows = json.createArrayNode();
        for (var state : states) {
            var row = rows.addObject().put("household_id", state.householdId().toString())
                    .put("registry_version", state.version()).put("status", state.status());
            var members = row.putArray("members");
            state.members().forEach(m -> members.addObject().put("nik", m.nik()).put("lifeStatus", m.status().name()));
        }
        em.createNativeQuery("""
                insert into household_life (household_id, registry_version, status, members, updated_at)
                select h.household_id, h.registry_version, h.status, h.members, ?2
                from jsonb_to_recordset(cast(?1 as jsonb)) as h(household_id uuid, registry_version bigint, status text, members jsonb)
                on conflict (household_id) do update set registry_version = excluded.registry_version,
                    status = excluded.status, members = excluded.members, updated_at = excluded.updated_at
                where household_life.registry_version < excluded.registry_version""")
                .setParameter(1, rows.toString())
                .setParameter(2, now())
                .executeUpdate();
    }

    /** Orders just created for families whose life state the registry already reported. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyKnownLife(UUID planId, String acceptedBeneficiariesJson) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select o.id, cast(hl.members as text), hl.status from payment_order o
                join household_life hl on hl.household_id = o.household_id
                where o.plan_id = ?1 and o.status = 'READY' and o.household_id in (
                    select cast(b."householdId" as uuid) from jsonb_to_recordset(cast(?2 as jsonb)) as b("householdId" text))""")
                .setParameter(1, planId)
                .setParameter(2, acceptedBeneficiariesJson)
                .getResultList();
        for (var row : rows) {
            var order = em.find(PaymentOrderEntity.class, row[0], LockModeType.PESSIMISTIC_WRITE);
            if (ERASED.equals(row[2])) {
                block(order, StatusReason.ERASED);
                continue;
            }
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
        LifeEventPolicy.blockReason(order.recipientNik, members).ifPresent(reason -> block(order, reason));
    }

    private void block(PaymentOrderEntity order, StatusReason reason) {
        var lifecycle = order.lifecycle();
        Instant at = now();
        if (lifecycle.block(reason, at)) {
            order.apply(lifecycle);
            PlanEntity plan = PlanEntity.findById(order.planId);
            events.published(PaymentEvents.ORDER_BLOCKED, order, plan, at);
            LOG.infof("order %s of household %s blocked: %s", order.id, order.householdId, reason);
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

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
