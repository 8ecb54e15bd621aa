package id.lumbung.complaint.persistence;

import id.lumbung.complaint.domain.CaseNumber;
import id.lumbung.complaint.domain.CaseType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Hands out the next case number of a kind and year; the row lock serialises concurrent submissions. */
@ApplicationScoped
public class CaseNumbers {

    private final EntityManager em;

    public CaseNumbers(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public String next(CaseType type, int year) {
        var next = (Number) em.createNativeQuery("""
                insert into case_number_counter (prefix, year, last_value) values (?1, ?2, 1)
                on conflict (prefix, year) do update set last_value = case_number_counter.last_value + 1
                returning last_value""")
                .setParameter(1, type.prefix())
                .setParameter(2, year)
                .getSingleResult();
        return CaseNumber.format(type, year, next.longValue());
    }
}
