package id.lumbung.complaint.domain;

/** The level an operator acts at, from its role: village operator, social office, ministry. */
public enum ActorLevel {
    VILLAGE,
    REGENCY,
    NATIONAL;

    /** Why this actor may not take {@code action} on a case handled at {@code caseLevel}, or null. */
    public String refusal(HandlingLevel caseLevel, CaseAction action) {
        if (this == VILLAGE && caseLevel == HandlingLevel.REGENCY && action != CaseAction.NOTE) {
            return "the case is handled by the regency/city social office; a village operator can only add notes";
        }
        return null;
    }
}
