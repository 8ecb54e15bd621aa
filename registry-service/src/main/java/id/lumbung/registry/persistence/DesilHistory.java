package id.lumbung.registry.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The desil history of households: one row per ranking received. */
@ApplicationScoped
public class DesilHistory {

    @Schema(name = "DesilHistoryEntry", description = "One desil a household was given, with its quarter and source; "
            + "desil and desilPeriod absent record that it had no desil.")
    public record Entry(Integer desil, String desilPeriod,
            @Schema(description = "Where the ranking came from: registration, the DTSEN ranking, a data update",
                    examples = "DTSEN triwulan 4 2025") String source,
            @Schema(description = "Who recorded it", examples = "kemensos.pusdatin") String actor,
            @Schema(description = "When it was recorded", examples = "2025-12-20T01:00:00Z") java.time.Instant recordedAt) {
    }

    private final EntityManager em;

    public DesilHistory(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID household, Short desil, String period, String source, String actor) {
        em.createNativeQuery("""
                insert into desil_history (household_id, desil, desil_period, source, actor)
                values (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, household).setParameter(2, desil).setParameter(3, period)
                .setParameter(4, source).setParameter(5, actor).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<Entry> of(UUID household) {
        List<Object[]> rows = em.createNativeQuery("""
                select desil, desil_period, source, actor, recorded_at from desil_history
                where household_id = ?1 order by recorded_at, id""").setParameter(1, household).getResultList();
        return rows.stream().map(r -> new Entry(r[0] == null ? null : ((Number) r[0]).intValue(), (String) r[1],
                (String) r[2], (String) r[3], SqlValues.instant(r[4]))).toList();
    }

}
