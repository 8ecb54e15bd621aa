package id.lumbung.eligibility.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "program")
public class ProgramEntity extends PanacheEntityBase {

    @Id
    public String code;
    public String name;
    public String description;
    @Column(name = "created_at")
    public Instant createdAt;
}
