package id.lumbung.disbursement.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "disbursement_plan")
public class PlanEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "list_id")
    public String listId;
    @Column(name = "program_code")
    public String programCode;
    public String period;
    @Column(name = "region_code")
    public String regionCode;
    @Column(name = "amount_per_month")
    public long amountPerMonth;
    public int months;
    @Column(name = "lump_sum")
    public boolean lumpSum;
    @Column(name = "amount_per_family")
    public long amountPerFamily;
    @Column(name = "total_beneficiaries")
    public int totalBeneficiaries;
    @Column(name = "planned_total")
    public long plannedTotal;
    @Column(name = "chunk_count")
    public int chunkCount;
    public String status;
    @Column(name = "finalized_at")
    public Instant finalizedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "completed_at")
    public Instant completedAt;
}
