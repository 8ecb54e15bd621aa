package id.lumbung.disbursement.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One run of schedule generation for a plan, with its progress and outcome. */
@Entity
@Table(name = "schedule_job")
public class ScheduleJobEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "plan_id")
    public UUID planId;
    public String status;
    public String phase;
    @Column(name = "orders_to_place")
    public Integer ordersToPlace;
    public Integer scheduled;
    @Column(name = "door_to_door")
    public Integer doorToDoor;
    @Column(name = "no_pay_point")
    public Integer noPayPoint;
    @Column(name = "over_capacity")
    public Integer overCapacity;
    @Column(name = "bank_channel")
    public Integer bankChannel;
    public String error;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "requested_at")
    public Instant requestedAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    @Column(name = "duration_ms")
    public Long durationMs;
}
