package id.lumbung.registry.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A person's membership of a household for a period; {@code validTo} null means current. */
@Entity
@Table(name = "membership")
public class MembershipEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "household_id")
    public UUID householdId;
    public String nik;
    public String relationship;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "valid_to")
    public LocalDate validTo;

    public static List<MembershipEntity> current(UUID householdId) {
        return list("householdId = ?1 and validTo is null order by id", householdId);
    }

    public static List<String> currentlyHoused(List<String> niks) {
        return getEntityManager()
                .createQuery("select m.nik from MembershipEntity m where m.nik in ?1 and m.validTo is null", String.class)
                .setParameter(1, niks).getResultList();
    }
}
