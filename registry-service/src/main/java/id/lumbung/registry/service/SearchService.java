package id.lumbung.registry.service;

import id.lumbung.platform.audit.AuditLog;
import id.lumbung.platform.id.Masking;
import id.lumbung.platform.id.RegionCode;
import id.lumbung.platform.problem.ProblemException;
import id.lumbung.platform.security.RegionScope;
import id.lumbung.registry.rest.HouseholdApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Household search: by NIK, by No. KK, by a member's name (spelling-tolerant, trigram similarity) within
 * a region, and by region and desil band. Always limited to the caller's region scope.
 */
@ApplicationScoped
public class SearchService {

    /** What the caller asks for; any combination, at least one of them. */
    public record Criteria(String nik, String noKk, String name, String region, Integer desilMin, Integer desilMax,
            boolean noDesil) {
    }

    private final EntityManager em;
    private final AuditLog audit;

    public SearchService(EntityManager em, AuditLog audit) {
        this.em = em;
        this.audit = audit;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public HouseholdApi.SearchPage search(Criteria c, int page, int size, RegionScope scope, String why) {
        if (c.nik() == null && c.noKk() == null && c.name() == null && c.region() == null) {
            throw ProblemException.invalid("query", "search by nik, noKk, name (with region) or region");
        }
        if (c.name() != null && c.region() == null && c.nik() == null && c.noKk() == null) {
            throw ProblemException.invalid("region", "a name search needs a region (at least a regency, e.g. 33.20)");
        }
        var where = new ArrayList<String>();
        var params = new ArrayList<Object>();
        where.add("h.status = 'ACTIVE'");
        if (c.nik() != null) {
            params.add(c.nik());
            where.add("exists (select 1 from membership mn where mn.household_id = h.id and mn.valid_to is null and mn.nik = ?"
                    + params.size() + ")");
        }
        if (c.noKk() != null) {
            params.add(c.noKk());
            where.add("h.no_kk = ?" + params.size());
        }
        if (c.region() != null) {
            var region = RegionCode.of(c.region());
            params.add(region.value() + "%");
            where.add("h.village_code like ?" + params.size());
        }
        String nameParam = null;
        if (c.name() != null) {
            params.add(c.name().strip().toLowerCase(Locale.ROOT));
            nameParam = "?" + params.size();
            where.add("exists (select 1 from membership mm join person pm on pm.nik = mm.nik where mm.household_id = h.id"
                    + " and mm.valid_to is null and lower(pm.full_name) % " + nameParam + ")");
        }
        if (c.noDesil()) {
            where.add("h.desil is null");
        } else {
            if (c.desilMin() != null) {
                params.add(c.desilMin().shortValue());
                where.add("h.desil >= ?" + params.size());
            }
            if (c.desilMax() != null) {
                params.add(c.desilMax().shortValue());
                where.add("h.desil <= ?" + params.size());
            }
        }
        if (!scope.national()) {
            var patterns = scope.likePatterns();
            if (patterns.isEmpty()) {
                throw ProblemException.forbidden("your token names no region");
            }
            var ors = new ArrayList<String>();
            for (var p : patterns) {
                params.add(p);
                ors.add("h.village_code like ?" + params.size());
            }
            where.add("(" + String.join(" or ", ors) + ")");
        }
        String filter = String.join(" and ", where);
        String score = nameParam == null ? "null::float8"
                : "(select max(similarity(lower(ps.full_name), " + nameParam + ")) from membership ms join person ps"
                        + " on ps.nik = ms.nik where ms.household_id = h.id and ms.valid_to is null)::float8";
        var query = em.createNativeQuery("""
                select h.id, h.no_kk, h.village_code, hp.full_name,
                       (select count(*) from membership mc where mc.household_id = h.id and mc.valid_to is null),
                       h.desil, h.desil_period, h.status, %s as score
                from household h
                left join membership hm on hm.household_id = h.id and hm.valid_to is null and hm.relationship = 'KEPALA_KELUARGA'
                left join person hp on hp.nik = hm.nik
                where %s
                order by score desc nulls last, h.village_code, h.no_kk
                limit %d offset %d""".formatted(score, filter, size, (long) page * size));
        var count = em.createNativeQuery("select count(*) from household h where " + filter);
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
            count.setParameter(i + 1, params.get(i));
        }
        List<Object[]> rows = query.getResultList();
        long total = ((Number) count.getSingleResult()).longValue();
        var items = rows.stream().map(r -> new HouseholdApi.HouseholdSummary((UUID) r[0], (String) r[1], (String) r[2],
                (String) r[3], ((Number) r[4]).intValue(), r[5] == null ? null : ((Number) r[5]).intValue(),
                (String) r[6], (String) r[7], r[8] == null ? null : ((Number) r[8]).doubleValue())).toList();
        audit.record("SEARCH", "household", describe(c), why);
        return new HouseholdApi.SearchPage(items, page, size, total);
    }

    private static String describe(Criteria c) {
        var parts = new ArrayList<String>();
        if (c.nik() != null) parts.add("nik=" + Masking.nik(c.nik()));
        if (c.noKk() != null) parts.add("noKk=" + Masking.nik(c.noKk()));
        if (c.name() != null) parts.add("name=" + Masking.name(c.name()));
        if (c.region() != null) parts.add("region=" + c.region());
        if (c.desilMin() != null || c.desilMax() != null) parts.add("desil=" + c.desilMin() + ".." + c.desilMax());
        if (c.noDesil()) parts.add("noDesil");
        return String.join(",", parts);
    }
}
