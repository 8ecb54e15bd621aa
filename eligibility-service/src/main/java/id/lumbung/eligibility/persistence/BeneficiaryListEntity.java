package id.lumbung.eligibility.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A beneficiary list (penetapan) of a program period for a region; its entries are in {@link BeneficiaryLists}. */
@Entity
@Table(name = "beneficiary_list")
public class BeneficiaryListEntity extends PanacheEntityBase {

    public static final String DRAFT = "DRAFT";
    public static final String FINALIZED = "FINALIZED";

    @Id
    public UUID id;
    @Column(name = "program_code")
    public String programCode;
    public String period;
    @Column(name = "region_code")
    public String regionCode;
    public String status;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, Integer> quotas;
    @Column(name = "rule_version")
    public int ruleVersion;
    @Column(name = "amount_per_month")
    public long amountPerMonth;
    public int months;
    @Column(name = "lump_sum")
    public boolean lumpSum;
    @Column(name = "total_beneficiaries")
    public int totalBeneficiaries;
    @Column(name = "drafted_by")
    public String draftedBy;
    @Column(name = "drafted_at")
    public Instant draftedAt;
    @Column(name = "approved_by")
    public String approvedBy;
    @Column(name = "finalized_at")
    public Instant finalizedAt;
}
