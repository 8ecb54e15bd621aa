package id.lumbung.disbursement.domain;

/** Why an order was stopped before payment, or why it failed when its window closed. */
public enum StatusReason {
    /** The recipient (or every member of the family) has died. */
    DECEASED,
    /** The recipient (or the whole family) has moved out of the KK. */
    MOVED,
    /** Nobody came before the collection window closed, for no known reason. */
    NOT_COLLECTED,
    /** The family was not found: address unknown or incomplete. */
    NOT_FOUND,
    /** The family could not come (and no door-to-door round reached them). */
    UNABLE_TO_COME,
    /** Reclassified as not poor (no longer eligible) after the list was made. */
    RECLASSIFIED,
    /** The family refused the assistance. */
    REFUSED,
    /** The household was erased from the registry (registered in error): it is paid nothing more. */
    ERASED
}
