package id.lumbung.registry.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "household")
public class HouseholdEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "no_kk")
    public String noKk;
    @Column(name = "village_code")
    public String villageCode;
    public String address;
    public String rt;
    public String rw;
    @Column(name = "housing_tenure")
    public String housingTenure;
    @Column(name = "floor_area_m2", precision = 8, scale = 1)
    public BigDecimal floorAreaM2;
    @Column(name = "floor_type")
    public String floorType;
    @Column(name = "wall_type")
    public String wallType;
    @Column(name = "roof_type")
    public String roofType;
    @Column(name = "water_source")
    public String waterSource;
    public String toilet;
    @Column(name = "electricity_va")
    public Integer electricityVa;
    @Column(name = "land_area_m2", precision = 10, scale = 1)
    public BigDecimal landAreaM2;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] assets = new String[0];
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, Integer> livestock = Map.of();
    @Column(name = "monthly_income")
    public Long monthlyIncome;
    @Column(name = "kks_card")
    public boolean kksCard;
    public Short desil;
    @Column(name = "desil_period")
    public String desilPeriod;
    public String status = "ACTIVE";
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static java.util.Optional<HouseholdEntity> findActiveByNoKk(String noKk) {
        return find("noKk = ?1 and status = 'ACTIVE'", noKk).firstResultOptional();
    }
}
