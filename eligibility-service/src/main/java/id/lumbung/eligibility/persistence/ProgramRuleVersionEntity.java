package id.lumbung.eligibility.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "program_rule_version")
public class ProgramRuleVersionEntity extends PanacheEntityBase {

    public static final String DRAFT = "DRAFT";
    public static final String PUBLISHED = "PUBLISHED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "program_code")
    public String programCode;
    public int version;
    @Column(name = "region_prefix")
    public String regionPrefix;
    public String period;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, Object> rules;
    @Column(name = "amount_per_month")
    public Long amountPerMonth;
    public Integer months;
    @Column(name = "lump_sum")
    public boolean lumpSum;
    public String status = DRAFT;
    public String note;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "published_at")
    public Instant publishedAt;

    public static List<ProgramRuleVersionEntity> published() {
        return list("status = ?1 order by programCode, version", PUBLISHED);
    }

    public static List<ProgramRuleVersionEntity> ofProgram(String code) {
        return list("programCode = ?1 order by version", code);
    }
}
