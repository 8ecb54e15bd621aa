package id.lumbung.registry.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A Kemendagri region; read-only, loaded by migration. */
@Entity
@Table(name = "region")
public class RegionEntity extends PanacheEntityBase {

    @Id
    public String code;
    public String name;
    public short level;
    @Column(name = "parent_code")
    public String parentCode;

    /** Which of these codes exist. */
    public static java.util.List<String> existing(java.util.Collection<String> codes) {
        return getEntityManager().createQuery("select r.code from RegionEntity r where r.code in ?1", String.class)
                .setParameter(1, codes).getResultList();
    }
}
