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
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Reports possible duplicates for an operator to resolve; nothing is merged automatically. A NIK on two
 * active KKs cannot be written (the database refuses it), so what remains to find are persons recorded
 * twice under different NIKs: same name, same birth date, same issuing district.
 */
@ApplicationScoped
public class DuplicateService {

    @Schema(name = "LikelyDuplicate", description = "Two living persons with the same name, birth date and issuing "
            + "district under different NIKs: probably one person recorded twice. NIKs are masked.")
    public record LikelyDuplicate(
            @Schema(description = "The first NIK, masked (the district digits only)", examples = "332006**********") String nikA,
            @Schema(description = "Current household of the first person; absent when on no KK",
                    examples = "0b6f9a52-3c1e-4d7a-9f2b-5e8d1c4a7b90") UUID householdA,
            @Schema(description = "The second NIK, masked (the district digits only)", examples = "332006**********") String nikB,
            @Schema(description = "Current household of the second person; absent when on no KK",
                    examples = "7d2e4c1a-8b3f-4e6d-a5c9-1f0b2d3e4a5b") UUID householdB,
            @Schema(description = "The full name both carry", examples = "SITI AMINAH") String name,
            @Schema(description = "The birth date both carry", examples = "1975-11-30") LocalDate birthDate,
            @Schema(description = "Kemendagri district code both NIKs begin with (where each was first issued)",
                    examples = "33.20.06") String district) {
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
