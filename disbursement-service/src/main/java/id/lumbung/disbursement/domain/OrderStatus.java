package id.lumbung.disbursement.domain;

/** Where a payment order stands. */
public enum OrderStatus {
    /** Waiting for the family to collect. */
    READY,
    /** Paid at the counter (or credited); final. */
    PAID,
    /** Stopped before payment, e.g. the recipient died or moved; never paid afterwards. */
    BLOCKED,
    /** Not paid when its window closed. */
    FAILED;

    /** The only moves an order makes: money is never paid twice and a blocked order is never paid. */
    public boolean canMoveTo(OrderStatus next) {
        return switch (this) {
            case READY -> next == PAID || next == BLOCKED || next == FAILED;
            case BLOCKED -> next == FAILED;
            case PAID, FAILED -> false;
        };
    }
}
