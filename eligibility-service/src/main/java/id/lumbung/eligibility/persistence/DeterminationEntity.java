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

/** A stored determination (read side; written set-wise by {@link DeterminationStore}). */
@Entity
@Table(name = "determination")
public class DeterminationEntity extends PanacheEntityBase {

    @Id
    public Long id;
    @Column(name = "household_id")
    public UUID householdId;
    @Column(name = "program_code")
    public String programCode;
    public String period;
    @Column(name = "village_code")
    public String villageCode;
    public boolean eligible;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<Map<String, String>> reasons;
    @Column(name = "rule_version_id")
    public long ruleVersionId;
    @Column(name = "rule_version")
    public int ruleVersion;
    @Column(name = "registry_version")
    public long registryVersion;
    @Column(name = "determined_at")
    public Instant determinedAt;

    public static List<DeterminationEntity> ofHousehold(UUID householdId, String programCode, String period) {
        var query = new StringBuilder("householdId = :household");
        var params = new java.util.HashMap<String, Object>();
        params.put("household", householdId);
        if (programCode != null) {
            query.append(" and programCode = :program");
            params.put("program", programCode);
        }
        if (period != null) {
            query.append(" and period = :period");
            params.put("period", period);
        }
        query.append(" order by period, programCode");
        return list(query.toString(), params);
    }
}
