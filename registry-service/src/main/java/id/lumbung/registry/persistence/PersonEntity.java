package id.lumbung.registry.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "person")
public class PersonEntity extends PanacheEntityBase {

    @Id
    public String nik;
    @Column(name = "full_name")
    public String fullName;
    public String sex;
    @Column(name = "birth_date")
    public LocalDate birthDate;
    @Column(name = "birth_place")
    public String birthPlace;
    @Column(name = "marital_status")
    public String maritalStatus;
    public String education;
    public String occupation;
    public String disability;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] employment = new String[0];
    @Column(name = "life_status")
    public String lifeStatus = "ALIVE";
    @Column(name = "death_date")
    public LocalDate deathDate;
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
