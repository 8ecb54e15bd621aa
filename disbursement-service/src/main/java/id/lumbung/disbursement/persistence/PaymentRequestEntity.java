package id.lumbung.disbursement.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An idempotency key already answered: the request it stood for and the answer given. */
@Entity
@Table(name = "payment_request")
public class PaymentRequestEntity extends PanacheEntityBase {

    @Id
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "request_hash")
    public String requestHash;
    @Column(name = "order_id")
    public UUID orderId;
    @Column(name = "payment_id")
    public UUID paymentId;
    @Column(name = "response_status")
    public int responseStatus;
    @Column(name = "response_body")
    public String responseBody;
    @Column(name = "created_at")
    public Instant createdAt;
}
