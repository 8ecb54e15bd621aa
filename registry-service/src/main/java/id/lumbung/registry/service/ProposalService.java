package id.lumbung.registry.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lumbung.platform.id.RegionCode;
import id.lumbung.platform.problem.ProblemException;
import id.lumbung.platform.security.RegionScope;
import id.lumbung.registry.domain.ProposalStatus;
import id.lumbung.registry.persistence.HouseholdEntity;
import id.lumbung.registry.persistence.SqlValues;
import id.lumbung.registry.rest.HouseholdApi;
import id.lumbung.registry.rest.ProposalApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Usulan: a village operator proposes, backed by the musdes minutes; the regency social office verifies
 * in the field and decides; approval applies the proposal through the ordinary household rules.
 */
@ApplicationScoped
public class ProposalService {

    private final EntityManager em;
    private final ObjectMapper json;
    private final HouseholdService households;
    private final Clock clock;

    public ProposalService(EntityManager em, ObjectMapper json, HouseholdService households, Clock clock) {
        this.em = em;
        this.json = json;
        this.households = households;
        this.clock = clock;
    }

    @Transactional
    public ProposalApi.ProposalView proposeNew(ProposalApi.ProposeNewHousehold in, String actor, RegionScope scope) {
        var village = RegionCode.of(in.household().villageCode());
        scope.require(village);
        HouseholdService.requireVillage(village, "household.villageCode");
        households.checkNew(in.household());
        return insert("NEW_HOUSEHOLD", village, null, json.valueToTree(in.household()), in.musdes(), actor);
    }

    @Transactional
    public ProposalApi.ProposalView proposeUpdate(ProposalApi.ProposeUpdate in, String actor, RegionScope scope) {
        HouseholdEntity household = HouseholdEntity.findById(in.householdId());
        if (household == null || !"ACTIVE".equals(household.status)) {
            throw ProblemException.notFound("active household", in.householdId());
        }
        var village = RegionCode.of(household.villageCode);
        scope.require(village);
        return insert("UPDATE_HOUSEHOLD", village, household.id, json.valueToTree(in.update()), in.musdes(), actor);
    }

    @Transactional
    public ProposalApi.ProposalView verify(UUID id, ProposalApi.Verification in, String actor, RegionScope scope) {
        var current = load(id, scope);
        requireTransition(current, ProposalStatus.VERIFIED);
        em.createNativeQuery("""
                update proposal set status = 'VERIFIED', field_check_result = ?2, field_check_notes = ?3,
                       verified_by = ?4, verified_at = ?5, version = version + 1 where id = ?1""")
                .setParameter(1, id).setParameter(2, in.result().name()).setParameter(3, in.notes())
                .setParameter(4, actor).setParameter(5, now()).executeUpdate();
        return load(id, scope);
    }

    @Transactional
    public ProposalApi.ProposalView decide(UUID id, ProposalApi.Decision in, String actor, RegionScope scope) {
        var current = load(id, scope);
        UUID applied = null;
        if (in.approve()) {
            String refusal = ProposalStatus.approvalRefusal(ProposalStatus.valueOf(current.status()), current.fieldCheckResult());
            if (refusal != null) {
                throw ProblemException.conflict(refusal);
            }
            applied = apply(current, actor, scope);
        } else {
            requireTransition(current, ProposalStatus.REJECTED);
        }
        em.createNativeQuery("""
                update proposal set status = ?2, decided_by = ?3, decided_at = ?4, decision_reason = ?5,
                       applied_household_id = ?6, version = version + 1 where id = ?1""")
                .setParameter(1, id).setParameter(2, in.approve() ? "APPROVED" : "REJECTED").setParameter(3, actor)
                .setParameter(4, now()).setParameter(5, in.reason()).setParameter(6, applied).executeUpdate();
        return load(id, scope);
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<ProposalApi.ProposalView> list(String status, String region, int page, int size, RegionScope scope) {
        var patterns = scope.national() ? List.of("%") : scope.likePatterns();
        if (patterns.isEmpty()) {
            throw ProblemException.forbidden("your token names no region");
        }
        String regionPattern = region == null ? "%" : RegionCode.of(region).value() + "%";
        List<Object[]> rows = em.createNativeQuery(SELECT + """
                \swhere (cast(?1 as text) is null or status = cast(?1 as text)) and village_code like ?2
                  and village_code like any (cast(?3 as text[]))
                order by proposed_at desc limit ?4 offset ?5""")
                .setParameter(1, status).setParameter(2, regionPattern)
                .setParameter(3, patterns.toArray(String[]::new)).setParameter(4, size)
                .setParameter(5, (long) page * size).getResultList();
        return rows.stream().map(this::view).toList();
    }

    private UUID apply(ProposalApi.ProposalView p, String actor, RegionScope scope) {
        try {
            if ("NEW_HOUSEHOLD".equals(p.kind())) {
                var request = json.treeToValue(p.payload(), HouseholdApi.RegisterHousehold.class);
                return households.register(request, actor, scope).id();
            }
            var update = json.treeToValue(p.payload(), HouseholdApi.UpdateHousehold.class);
            HouseholdEntity household = HouseholdEntity.findById(p.householdId());
            return households.update(p.householdId(), household.version, update, actor, scope).id();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored proposal " + p.id() + " is unreadable", e);
        }
    }

    private ProposalApi.ProposalView insert(String kind, RegionCode village, UUID household, JsonNode payload,
            ProposalApi.Musdes musdes, String actor) {
        var id = UUID.randomUUID();
        em.createNativeQuery("""
                insert into proposal (id, kind, village_code, household_id, payload, berita_acara_ref, musdes_date,
                                      attendance, status, proposed_by, proposed_at)
                values (?1, ?2, ?3, ?4, cast(?5 as jsonb), ?6, ?7, ?8, 'SUBMITTED', ?9, ?10)""")
                .setParameter(1, id).setParameter(2, kind).setParameter(3, village.value()).setParameter(4, household)
                .setParameter(5, payload.toString()).setParameter(6, musdes.beritaAcaraRef())
                .setParameter(7, Date.valueOf(musdes.date())).setParameter(8, musdes.attendance())
                .setParameter(9, actor).setParameter(10, now()).executeUpdate();
        return view(row(id));
    }

    private ProposalApi.ProposalView load(UUID id, RegionScope scope) {
        var view = view(row(id));
        scope.require(RegionCode.of(view.villageCode()));
        return view;
    }

    private Object[] row(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " where id = ?1").setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("proposal", id);
        }
        return rows.get(0);
    }

    private static void requireTransition(ProposalApi.ProposalView current, ProposalStatus next) {
        if (!ProposalStatus.valueOf(current.status()).canMoveTo(next)) {
            throw ProblemException.conflict("proposal " + current.id() + " is " + current.status()
                    + " and cannot become " + next);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static final String SELECT = """
            select id, kind, village_code, household_id, cast(payload as text), berita_acara_ref, musdes_date, attendance,
                   status, field_check_result, field_check_notes, verified_by, verified_at, decided_by, decided_at,
                   decision_reason, applied_household_id, proposed_by, proposed_at from proposal""";

    private ProposalApi.ProposalView view(Object[] r) {
        try {
            return new ProposalApi.ProposalView((UUID) r[0], (String) r[1], (String) r[2], (UUID) r[3],
                    json.readTree((String) r[4]), (String) r[5], SqlValues.date(r[6]), ((Number) r[7]).intValue(),
                    (String) r[8], (String) r[9], (String) r[10], (String) r[11],
                    SqlValues.instant(r[12]), (String) r[13],
                    SqlValues.instant(r[14]), (String) r[15], (UUID) r[16],
                    (String) r[17], SqlValues.instant(r[18]));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
