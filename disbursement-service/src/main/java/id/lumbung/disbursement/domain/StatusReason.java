package id.lumbung.disbursement.domain;

/** Why an order was stopped before payment. */
public enum StatusReason {
    /** The recipient (or every member of the family) has died. */
    DECEASED,
    /** The recipient (or the whole family) has moved out of the KK. */
    MOVED
}
