package id.lumbung.disbursement.persistence;

import id.lumbung.disbursement.domain.OrderStatus;
import id.lumbung.disbursement.domain.PaymentOrder;
import id.lumbung.disbursement.domain.StatusReason;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "payment_order")
public class PaymentOrderEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "plan_id")
    public UUID planId;
    @Column(name = "household_id")
    public UUID householdId;
    @Column(name = "no_kk")
    public String noKk;
    @Column(name = "village_code")
    public String villageCode;
    public Short desil;
    @Column(name = "kks_card")
    public boolean kksCard;
    @Column(name = "recipient_nik")
    public String recipientNik;
    @Column(name = "recipient_name")
    public String recipientName;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<OrderMember> members = List.of();
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "departed_niks", columnDefinition = "text[]")
    public String[] departedNiks = new String[0];
    public String channel;
    public long amount;
    @Enumerated(EnumType.STRING)
    public OrderStatus status;
    @Enumerated(EnumType.STRING)
    @Column(name = "status_reason")
    public StatusReason statusReason;
    @Column(name = "status_at")
    public Instant statusAt;
    @Column(name = "paid_at")
    public Instant paidAt;
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;

    public PaymentOrder lifecycle() {
        return new PaymentOrder(status, statusReason, statusAt, paidAt);
    }

    public void apply(PaymentOrder order) {
        status = order.status();
        statusReason = order.reason();
        statusAt = order.statusAt();
        paidAt = order.paidAt();
    }
}
