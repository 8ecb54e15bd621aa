package id.lumbung.disbursement.persistence;

import id.lumbung.disbursement.domain.PayPointKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "pay_point")
public class PayPointEntity extends PanacheEntityBase {

    @Id
    public String code;
    public String name;
    @Enumerated(EnumType.STRING)
    public PayPointKind kind;
    @Column(name = "region_code")
    public String regionCode;
    @Column(name = "capacity_per_day")
    public int capacityPerDay;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
