package id.lumbung.disbursement.events;

import id.lumbung.disbursement.persistence.PaymentOrderEntity;
import id.lumbung.disbursement.persistence.PlanEntity;
import id.lumbung.platform.events.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code disbursement.payments.v1}: what happened to a payment order (paid, blocked, failed, returned), keyed by
 * order id, for the status check (eligibility), complaints and integrators.
 */
@ApplicationScoped
public class PaymentEvents {

    public static final String TOPIC = "disbursement.payments.v1";
    public static final String PAYMENT_RECORDED = "id.lumbung.disbursement.payment.recorded";
    public static final String ORDER_BLOCKED = "id.lumbung.disbursement.order.blocked";
    public static final String ORDER_FAILED = "id.lumbung.disbursement.order.failed";
    /** The failed order's money is marked for return (retur) when its village's reconciliation closes. */
    public static final String ORDER_RETURNED = "id.lumbung.disbursement.order.returned";

    /** The event data, as the contract names it. */
    public record OrderOutcome(UUID orderId, UUID planId, String listId, String programCode, String period,
            UUID householdId, String villageCode, long amount, String status, Instant at, String reason) {
    }

    private final Outbox outbox;

    public PaymentEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Call inside the transaction that changed the order. */
    public void published(String type, PaymentOrderEntity order, PlanEntity plan, Instant at) {
        var data = new OrderOutcome(order.id, order.planId, plan.listId, plan.programCode, plan.period,
                order.householdId, order.villageCode, order.amount, order.status.name(), at,
                order.statusReason == null ? null : order.statusReason.name());
        outbox.publish(TOPIC, order.id.toString(), type, data);
    }
}
