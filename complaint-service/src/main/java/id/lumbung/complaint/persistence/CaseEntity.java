package id.lumbung.complaint.persistence;

import id.lumbung.complaint.domain.CaseStateMachine;
import id.lumbung.complaint.domain.CaseStatus;
import id.lumbung.complaint.domain.CaseType;
import id.lumbung.complaint.domain.HandlingLevel;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@Entity
@Table(name = "complaint_case")
public class CaseEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public String number;
    public String type;
    public String channel;
    public String status;
    @Column(name = "handling_level")
    public String handlingLevel;
    public String team;
    public String assignee;
    @Column(name = "village_code")
    public String villageCode;
    @Column(name = "household_id")
    public UUID householdId;
    @Column(name = "program_code")
    public String programCode;
    /** Stored whole to reach and verify the reporter; never shown unmasked. */
    @Column(name = "reporter_nik")
    public String reporterNik;
    @Column(name = "reporter_village_code")
    public String reporterVillageCode;
    public String description;
    @Column(name = "sanggah_reason")
    public String sanggahReason;
    @Column(name = "sanggah_statement")
    public String sanggahStatement;
    @Column(name = "photo_ref")
    public String photoRef;
    @Column(name = "photo_latitude")
    public Double photoLatitude;
    @Column(name = "photo_longitude")
    public Double photoLongitude;
    @Column(name = "secret_hash")
    public String secretHash;
    @Column(name = "submitted_by")
    public String submittedBy;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "verified_at")
    public Instant verifiedAt;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "verify_due_at")
    public Instant verifyDueAt;
    @Column(name = "follow_up_due_at")
    public Instant followUpDueAt;
    @Column(name = "outcome_detail")
    public String outcomeDetail;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    public static Optional<CaseEntity> byNumber(String number) {
        return find("number", number).firstResultOptional();
    }

    public CaseType caseType() {
        return CaseType.valueOf(type);
    }

    public CaseStatus caseStatus() {
        return CaseStatus.valueOf(status);
    }

    public HandlingLevel level() {
        return HandlingLevel.valueOf(handlingLevel);
    }

    public CaseStateMachine.Facts facts() {
        return new CaseStateMachine.Facts(caseType(), caseStatus(), level(), submittedAt, decidedAt);
    }
}
