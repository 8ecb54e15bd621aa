package id.lumbung.complaint.domain;

/** A decided case that changes another service's state (published on {@code complaint.outcomes.v1}). */
public enum Outcome {
    /** The disputed recipient was found not eligible: the registry records the finding, eligibility re-evaluates. */
    SANGGAH_UPHELD,
    /** The family declined: excluded from that program from the next period. */
    TOLAK_ACCEPTED,
    /** The proposal was accepted: the registry opens a proposal for the family. */
    USUL_ACCEPTED
}
