package id.lumbung.disbursement.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "payment")
public class PaymentEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "order_id")
    public UUID orderId;
    public long amount;
    @Column(name = "presenter_nik")
    public String presenterNik;
    @Column(name = "presenter_role")
    public String presenterRole;
    @Column(name = "presenter_no_kk")
    public String presenterNoKk;
    public String officer;
    @Column(name = "pay_point_code")
    public String payPointCode;
    @Column(name = "paid_at")
    public Instant paidAt;
    @Column(precision = 9, scale = 6)
    public BigDecimal latitude;
    @Column(precision = 9, scale = 6)
    public BigDecimal longitude;
    @Column(name = "photo_sha256")
    public String photoSha256;
    @Column(name = "idempotency_key")
    public String idempotencyKey;

    public static PaymentEntity forOrder(UUID orderId) {
        return find("orderId", orderId).firstResult();
    }
}
