package id.lumbung.disbursement.persistence;

import id.lumbung.disbursement.domain.CollectionWindows;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "plan_window")
public class PlanWindowEntity extends PanacheEntityBase {

    @Id
    @Column(name = "plan_id")
    public UUID planId;
    @Column(name = "counter_from")
    public LocalDate counterFrom;
    @Column(name = "community_from")
    public LocalDate communityFrom;
    @Column(name = "community_to")
    public LocalDate communityTo;
    @Column(name = "late_until")
    public LocalDate lateUntil;
    @Column(name = "reconciliation_from")
    public LocalDate reconciliationFrom;
    @Column(name = "reconciliation_to")
    public LocalDate reconciliationTo;
    @Column(name = "collection_closed_at")
    public Instant collectionClosedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;

    public CollectionWindows windows() {
        return new CollectionWindows(counterFrom, communityFrom, communityTo, lateUntil, reconciliationFrom,
                reconciliationTo);
    }

    public void set(CollectionWindows w) {
        counterFrom = w.counterFrom();
        communityFrom = w.communityFrom();
        communityTo = w.communityTo();
        lateUntil = w.lateUntil();
        reconciliationFrom = w.reconciliationFrom();
        reconciliationTo = w.reconciliationTo();
    }
}
