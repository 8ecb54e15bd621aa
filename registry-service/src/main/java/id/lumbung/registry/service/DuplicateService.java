package id.lumbung.registry.service;

import id.lumbung.platform.audit.AuditLog;
import id.lumbung.platform.id.Masking;
import id.lumbung.platform.problem.ProblemException;
import id.lumbung.platform.security.RegionScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Reports possible duplicates for an operator to resolve; nothing is merged automatically. A NIK on two
 * active KKs cannot be written (the database refuses it), so what remains to find are persons recorded
 * twice under different NIKs: same name, same birth date, same issuing district.
 */
@ApplicationScoped
public class DuplicateService {

    public record LikelyDuplicate(String nikA, UUID householdA, String nikB, UUID householdB, String name,
            LocalDate birthDate, String district) {
    }

    private final EntityManager em;
    private final AuditLog audit;

    public DuplicateService(EntityManager em, AuditLog audit) {
        this.em = em;
        this.audit = audit;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<LikelyDuplicate> likelyDuplicates(RegionScope scope, int page, int size) {
        var patterns = scope.national() ? List.of("%") : scope.likePatterns();
        if (patterns.isEmpty()) {
            throw ProblemException.forbidden("your token names no region");
        }
        List<Object[]> rows = em.createNativeQuery("""
                select a.nik, ma.household_id, b.nik, mb.household_id, a.full_name, a.birth_date, substr(a.nik, 1, 6)
                from person a
                join person b on b.birth_date = a.birth_date and substr(b.nik, 1, 6) = substr(a.nik, 1, 6)
                             and lower(b.full_name) = lower(a.full_name) and b.nik > a.nik
                left join membership ma on ma.nik = a.nik and ma.valid_to is null
                left join membership mb on mb.nik = b.nik and mb.valid_to is null
                left join household ha on ha.id = ma.household_id
                left join household hb on hb.id = mb.household_id
                where a.life_status = 'ALIVE' and b.life_status = 'ALIVE'
                  and (ha.village_code like any (cast(?1 as text[])) or hb.village_code like any (cast(?1 as text[])))
                order by a.full_name, a.nik limit ?2 offset ?3""")
                .setParameter(1, patterns.toArray(String[]::new)).setParameter(2, size)
                .setParameter(3, (long) page * size).getResultList();
        audit.record("REPORT", "person", "likely-duplicates", null);
        return rows.stream().map(r -> new LikelyDuplicate(Masking.nik((String) r[0]), (UUID) r[1],
                Masking.nik((String) r[2]), (UUID) r[3], (String) r[4],
                id.lumbung.registry.persistence.SqlValues.date(r[5]),
                id.lumbung.platform.id.RegionCode.dotted((String) r[6]))).toList();
    }
}
