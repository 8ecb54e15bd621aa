package id.lumbung.complaint.domain;

/** Where a case stands. CLOSED and VOID are final. */
public enum CaseStatus {
    SUBMITTED,
    VERIFYING,
    RESOLVED,
    REJECTED,
    CLOSED,
    /** A sanggah that nobody verified within its window: it lapses without a finding. */
    VOID;

    public boolean open() {
        return this == SUBMITTED || this == VERIFYING;
    }

    public boolean decided() {
        return this == RESOLVED || this == REJECTED;
    }
}
