package id.lumbung.eligibility.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A household as last announced by the registry (read side; written by {@link HouseholdProjections}). */
@Entity
@Table(name = "household_projection")
public class HouseholdProjectionEntity extends PanacheEntityBase {

    @Id
    @Column(name = "household_id")
    public UUID householdId;
    @Column(name = "no_kk")
    public String noKk;
    @Column(name = "village_code")
    public String villageCode;
    public Short desil;
    @Column(name = "desil_period")
    public String desilPeriod;
    public String status;
    @Column(name = "registry_version")
    public long registryVersion;
    @Column(name = "kks_card")
    public boolean kksCard;
    @Column(name = "monthly_income")
    public Long monthlyIncome;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<Map<String, Object>> members;
    @Column(name = "projected_at")
    public Instant projectedAt;
}
