package id.lumbung.disbursement.domain;

/** What a village's reconciliation may correct, each with proof under the SPTJM. */
public enum CorrectionKind {
    /** The family was paid before collection closed but the payment was not reported in time. */
    LATE_PAYMENT,
    /** The recipient's death is confirmed: the failed order's reason becomes DECEASED. */
    DEATH_CONFIRMED
}
