package id.lumbung.eligibility.domain;

public enum LifeStatus {
    ALIVE,
    DECEASED,
    /** Moved away: no longer lives with the family, even while still on its KK. */
    MOVED
}
