package id.lumbung.eligibility.domain;

public enum HouseholdStatus {
    ACTIVE,
    /** The KK no longer stands: the family split, merged or was replaced by a new KK. */
    DISSOLVED
}
