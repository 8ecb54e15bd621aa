package id.lumbung.disbursement.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import id.lumbung.disbursement.domain.BeneficiaryCheck;
import id.lumbung.disbursement.domain.Channel;
import id.lumbung.disbursement.domain.Entitlement;
import id.lumbung.disbursement.domain.OrderStatus;
import id.lumbung.disbursement.mapping.OrderMapper;
import id.lumbung.disbursement.persistence.PlanEntity;
import id.lumbung.disbursement.rest.PlanApi;
import id.lumbung.platform.id.RegionCode;
import id.lumbung.platform.problem.ProblemException;
import id.lumbung.platform.security.RegionScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Plans and their payment orders from finalized beneficiary lists, chunk by chunk: the first chunk
 * creates the plan, every chunk adds its orders in one statement, a repeated chunk adds nothing.
 */
@ApplicationScoped
public class PlanService {

    private static final Logger LOG = Logger.getLogger(PlanService.class);

    /** One chunk of {@code eligibility.beneficiary-lists.v1}, header only. */
    record ListChunk(String listId, String programCode, String period, RegionCode region, Entitlement entitlement,
            Instant finalizedAt, int chunkIndex, int chunkCount, int totalBeneficiaries) {
    }

    private final EntityManager em;
    private final LifeEventService life;
    private final ObjectMapper json;
    private final Clock clock;

    public PlanService(EntityManager em, LifeEventService life, ObjectMapper json, Clock clock) {
        this.em = em;
        this.life = life;
        this.json = json;
        this.clock = clock;
    }

    /** Applies one chunk inside the consumer's transaction. A chunk that does not hold is logged and skipped. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyChunk(JsonNode data) {
        ListChunk chunk;
        try {
            chunk = header(data);
        } catch (RuntimeException e) {
            LOG.errorf("beneficiary-list chunk refused, it does not hold: %s", e.getMessage());
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        PlanEntity plan = PlanEntity.find("listId", chunk.listId()).firstResult();
        if (plan == null) {
            plan = create(chunk, now);
        } else if (!sameList(plan, chunk)) {
            LOG.errorf("list %s chunk %d/%d disagrees with the plan made from its first chunk: skipped",
                    chunk.listId(), chunk.chunkIndex() + 1, chunk.chunkCount());
            return;
        }
        var beneficiaries = data.path("beneficiaries");
        int arrived = em.createNativeQuery("""
                insert into plan_chunk (plan_id, chunk_index, beneficiaries, accepted, received_at)
                values (?1, ?2, ?3, 0, ?4) on conflict do nothing""")
                .setParameter(1, plan.id).setParameter(2, chunk.chunkIndex())
                .setParameter(3, beneficiaries.size()).setParameter(4, now)
                .executeUpdate();
        if (arrived == 0) {
            LOG.infof("list %s chunk %d/%d arrived again: nothing to do", chunk.listId(), chunk.chunkIndex() + 1,
                    chunk.chunkCount());
            return;
        }

        ArrayNode accepted = json.createArrayNode();
        ArrayNode rejected = json.createArrayNode();
        for (var b : beneficiaries) {
            var family = new BeneficiaryCheck.Beneficiary(text(b, "householdId"), text(b, "noKk"),
                    text(b, "villageCode"), text(b, "recipientNik"), text(b, "recipientName"));
            var refusal = BeneficiaryCheck.check(family, chunk.region());
            if (refusal.isPresent()) {
                rejected.addObject().put("householdId", family.householdId())
                        .put("code", refusal.get().code()).put("message", refusal.get().message());
                continue;
            }
            var row = accepted.addObject().put("householdId", family.householdId()).put("noKk", family.noKk())
                    .put("villageCode", family.villageCode()).put("kksCard", b.path("kksCard").asBoolean(false))
                    .put("recipientNik", family.recipientNik()).put("recipientName", family.recipientName().strip());
            if (b.path("desil").canConvertToInt()) {
                row.put("desil", b.get("desil").asInt());
            }
            var members = row.putArray("members");
            for (var m : b.path("members")) {
                if (m.path("nik").asText("").matches("\\d{16}")) {
                    members.addObject().put("nik", m.get("nik").asText()).put("relationship", m.path("relationship").asText(null));
                }
            }
        }

        int created = em.createNativeQuery("""
                insert into payment_order (id, plan_id, household_id, no_kk, village_code, desil, kks_card,
                    recipient_nik, recipient_name, members, channel, amount, status, created_at)
                select gen_random_uuid(), ?1, cast(b."householdId" as uuid), b."noKk", b."villageCode", b.desil,
                    b."kksCard", b."recipientNik", b."recipientName", b.members,
                    case when b."kksCard" then ?2 else ?3 end, ?4, ?5, ?6
                from jsonb_to_recordset(cast(?7 as jsonb)) as b("householdId" text, "noKk" text, "villageCode" text,
                    desil smallint, "kksCard" boolean, "recipientNik" text, "recipientName" text, members jsonb)
                on conflict (plan_id, household_id) do nothing""")
                .setParameter(1, plan.id)
                .setParameter(2, Channel.forFamily(true).name())
                .setParameter(3, Channel.forFamily(false).name())
                .setParameter(4, plan.amountPerFamily)
                .setParameter(5, OrderStatus.READY.name())
                .setParameter(6, now)
                .setParameter(7, accepted.toString())
                .executeUpdate();

        em.createNativeQuery("""
                update plan_chunk set accepted = ?3, rejected = cast(?4 as jsonb) where plan_id = ?1 and chunk_index = ?2""")
                .setParameter(1, plan.id).setParameter(2, chunk.chunkIndex())
                .setParameter(3, created).setParameter(4, rejected.toString())
                .executeUpdate();
        int completed = em.createNativeQuery("""
                update disbursement_plan set status = 'COMPLETE', completed_at = ?2
                where id = ?1 and status = 'RECEIVING'
                  and chunk_count = (select count(*) from plan_chunk where plan_id = ?1)""")
                .setParameter(1, plan.id).setParameter(2, now)
                .executeUpdate();
        life.applyKnownLife(plan.id, accepted.toString());

        if (!rejected.isEmpty()) {
            LOG.warnf("list %s chunk %d/%d: %d families refused (see plan_chunk.rejected)", chunk.listId(),
                    chunk.chunkIndex() + 1, chunk.chunkCount(), rejected.size());
        }
        LOG.infof("list %s chunk %d/%d: %d orders created%s", chunk.listId(), chunk.chunkIndex() + 1,
                chunk.chunkCount(), created, completed == 1 ? ", plan complete" : "");
    }

    private PlanEntity create(ListChunk chunk, Instant now) {
        var plan = new PlanEntity();
        plan.id = UUID.randomUUID();
        plan.listId = chunk.listId();
        plan.programCode = chunk.programCode();
        plan.period = chunk.period();
        plan.regionCode = chunk.region().value();
        plan.amountPerMonth = chunk.entitlement().amountPerMonth();
        plan.months = chunk.entitlement().months();
        plan.lumpSum = chunk.entitlement().lumpSum();
        plan.amountPerFamily = chunk.entitlement().perFamily();
        plan.totalBeneficiaries = chunk.totalBeneficiaries();
        plan.plannedTotal = chunk.entitlement().plannedTotal(chunk.totalBeneficiaries());
        plan.chunkCount = chunk.chunkCount();
        plan.status = "RECEIVING";
        plan.finalizedAt = chunk.finalizedAt();
        plan.createdAt = now;
        plan.persist();
        em.flush();
        LOG.infof("plan %s created from list %s (%s %s, %s): %d families x Rp%d", plan.id, plan.listId,
                plan.programCode, plan.period, plan.regionCode, plan.totalBeneficiaries, plan.amountPerFamily);
        return plan;
    }

    private static boolean sameList(PlanEntity plan, ListChunk c) {
        return plan.programCode.equals(c.programCode()) && plan.period.equals(c.period())
                && plan.regionCode.equals(c.region().value())
                && plan.amountPerMonth == c.entitlement().amountPerMonth()
                && plan.months == c.entitlement().months() && plan.lumpSum == c.entitlement().lumpSum()
                && plan.chunkCount == c.chunkCount() && plan.totalBeneficiaries == c.totalBeneficiaries();
    }

    private static ListChunk header(JsonNode d) {
        for (var field : List.of("listId", "programCode", "period", "regionCode", "amountPerMonth", "months",
                "lumpSum", "chunkIndex", "chunkCount", "totalBeneficiaries")) {
            if (!d.hasNonNull(field)) {
                throw new IllegalArgumentException("field " + field + " is missing");
            }
        }
        if (!d.path("beneficiaries").isArray()) {
            throw new IllegalArgumentException("beneficiaries is not a list");
        }
        if (!d.get("amountPerMonth").canConvertToLong() || !d.get("months").canConvertToInt()
                || !d.get("chunkIndex").canConvertToInt() || !d.get("chunkCount").canConvertToInt()
                || !d.get("totalBeneficiaries").canConvertToInt() || !d.get("lumpSum").isBoolean()) {
            throw new IllegalArgumentException("amounts, counts or lumpSum have the wrong type");
        }
        int index = d.get("chunkIndex").asInt();
        int count = d.get("chunkCount").asInt();
        if (count < 1 || index < 0 || index >= count || d.get("totalBeneficiaries").asInt() < 0) {
            throw new IllegalArgumentException("chunk " + index + " of " + count + " is out of range");
        }
        var entitlement = new Entitlement(d.get("amountPerMonth").asLong(), d.get("months").asInt(),
                d.get("lumpSum").asBoolean());
        entitlement.plannedTotal(d.get("totalBeneficiaries").asInt()); // refuses an overflowing total now
        Instant finalizedAt = d.hasNonNull("finalizedAt") ? Instant.parse(d.get("finalizedAt").asText()) : null;
        return new ListChunk(d.get("listId").asText(), d.get("programCode").asText(), d.get("period").asText(),
                RegionCode.of(d.get("regionCode").asText()), entitlement, finalizedAt, index, count,
                d.get("totalBeneficiaries").asInt());
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    // ---- reads

    @Transactional
    public PlanApi.PlanPage list(RegionScope scope, int page, int size) {
        List<PlanEntity> visible = PlanEntity.<PlanEntity>list("order by createdAt desc, id").stream()
                .filter(p -> ScopeFilter.overlaps(RegionCode.of(p.regionCode), scope)).toList();
        var items = visible.stream().skip((long) page * size).limit(size).map(OrderMapper::summary).toList();
        return new PlanApi.PlanPage(items, page, size, visible.size());
    }

    @Transactional
    public PlanApi.PlanDetail get(UUID id, RegionScope scope) {
        PlanEntity plan = PlanEntity.findById(id);
        if (plan == null) {
            throw ProblemException.notFound("plan", id);
        }
        if (!ScopeFilter.overlaps(RegionCode.of(plan.regionCode), scope)) {
            throw ProblemException.forbidden("plan region " + plan.regionCode + " is outside your scope " + scope.regions());
        }
        var params = new HashMap<String, Object>();
        params.put("plan", id);
        String hql = "select o.status, count(o), coalesce(sum(o.amount), 0) from PaymentOrderEntity o where o.planId = :plan"
                + ScopeFilter.villages("o", scope, params) + " group by o.status";
        var query = em.createQuery(hql, Object[].class);
        params.forEach(query::setParameter);
        var totals = new EnumMap<OrderStatus, long[]>(OrderStatus.class);
        for (var row : query.getResultList()) {
            totals.put((OrderStatus) row[0], new long[] { ((Number) row[1]).longValue(), ((Number) row[2]).longValue() });
        }
        var byStatus = new ArrayList<PlanApi.StatusTotal>();
        long orders = 0;
        long amount = 0;
        for (var status : OrderStatus.values()) {
            var t = totals.getOrDefault(status, new long[2]);
            byStatus.add(new PlanApi.StatusTotal(status, t[0], t[1]));
            orders += t[0];
            amount = Math.addExact(amount, t[1]);
        }
        Object[] chunks = (Object[]) em.createNativeQuery("""
                select count(*), coalesce(sum(jsonb_array_length(rejected)), 0) from plan_chunk where plan_id = ?1""")
                .setParameter(1, id).getSingleResult();
        return new PlanApi.PlanDetail(OrderMapper.summary(plan), ((Number) chunks[0]).intValue(),
                ((Number) chunks[1]).longValue(), orders, amount, byStatus);
    }
}
