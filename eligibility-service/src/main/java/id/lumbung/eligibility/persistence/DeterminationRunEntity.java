package id.lumbung.eligibility.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A batch determination of one program period and its progress. */
@Entity
@Table(name = "determination_run")
public class DeterminationRunEntity extends PanacheEntityBase {

    public static final String RUNNING = "RUNNING";
    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";

    @Id
    public UUID id;
    @Column(name = "program_code")
    public String programCode;
    public String period;
    public String status;
    public long total;
    public long done;
    public long decided;
    public long eligible;
    public long changed;
    @Column(name = "elapsed_ms")
    public long elapsedMs;
    public String error;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "requested_at")
    public Instant requestedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
}
