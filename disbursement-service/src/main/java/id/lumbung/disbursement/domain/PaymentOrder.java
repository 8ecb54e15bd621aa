package id.lumbung.disbursement.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * The life of one payment order: READY until it is paid, blocked or failed. A paid order is final and
 * a blocked one is never paid, whoever asks and however often.
 */
public final class PaymentOrder {

    private OrderStatus status;
    private StatusReason reason;
    private Instant statusAt;
    private Instant paidAt;

    public PaymentOrder(OrderStatus status, StatusReason reason, Instant statusAt, Instant paidAt) {
        this.status = status;
        this.reason = reason;
        this.statusAt = statusAt;
        this.paidAt = paidAt;
    }

    public static PaymentOrder ready() {
        return new PaymentOrder(OrderStatus.READY, null, null, null);
    }

    /** Why the order cannot be paid now, or empty when it can. */
    public Optional<Refusal> refusalToPay() {
        return switch (status) {
            case READY -> Optional.empty();
            case PAID -> Optional.of(new Refusal("ALREADY_PAID", "the order was already paid at " + paidAt));
            case BLOCKED -> Optional.of(new Refusal("BLOCKED",
                    "the order is blocked (" + reason + ") since " + statusAt + " and cannot be paid"));
            case FAILED -> Optional.of(new Refusal("FAILED", "the order failed and cannot be paid at the counter"));
        };
    }

    /** Records the payment; refuses (IllegalStateException) whatever {@link #refusalToPay()} refuses. */
    public void pay(Instant at) {
        refusalToPay().ifPresent(r -> {
            throw new IllegalStateException(r.message());
        });
        move(OrderStatus.PAID, null, at);
        paidAt = at;
    }

    /**
     * Blocks an unpaid order. Returns false, changing nothing, when the order is not READY: a paid order
     * is never touched and a blocked one keeps its first reason.
     */
    public boolean block(StatusReason why, Instant at) {
        if (status != OrderStatus.READY) {
            return false;
        }
        move(OrderStatus.BLOCKED, why, at);
        return true;
    }

    /**
     * A payment made before collection closed but reported only at reconciliation, with proof: the one way a
     * failed order becomes paid. Refuses (IllegalStateException) any order that has not failed.
     */
    public void payLate(Instant paidAt, Instant at) {
        if (status != OrderStatus.FAILED) {
            throw new IllegalStateException("only a failed order can be paid late; this one is " + status);
        }
        status = OrderStatus.PAID;
        reason = null;
        statusAt = at;
        this.paidAt = paidAt;
    }

    /** A death confirmed at reconciliation: the failed order's reason becomes DECEASED. */
    public void confirmDeath(Instant at) {
        if (status != OrderStatus.FAILED) {
            throw new IllegalStateException("only a failed order's reason can be corrected; this one is " + status);
        }
        reason = StatusReason.DECEASED;
        statusAt = at;
    }

    /** Collection closed without payment: READY or BLOCKED orders fail, keeping a known reason. */
    public boolean fail(StatusReason why, Instant at) {
        if (status != OrderStatus.READY && status != OrderStatus.BLOCKED) {
            return false;
        }
        var keep = status == OrderStatus.BLOCKED && why == StatusReason.NOT_COLLECTED ? reason : why;
        move(OrderStatus.FAILED, keep, at);
        return true;
    }

    private void move(OrderStatus next, StatusReason why, Instant at) {
        if (!status.canMoveTo(next)) {
            throw new IllegalStateException("an order cannot go from " + status + " to " + next);
        }
        status = next;
        reason = why;
        statusAt = at;
    }

    public OrderStatus status() {
        return status;
    }

    public StatusReason reason() {
        return reason;
    }

    public Instant statusAt() {
        return statusAt;
    }

    public Instant paidAt() {
        return paidAt;
    }
}
