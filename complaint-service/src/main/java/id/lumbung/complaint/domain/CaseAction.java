package id.lumbung.complaint.domain;

/** What can be done to a case. Only some change its status; {@link CaseStateMachine} guards them all. */
public enum CaseAction {
    VERIFY,
    /** Decides the case in the reporter's favour (sanggah upheld, tolak or usul accepted, aduan settled). */
    RESOLVE,
    REJECT,
    CLOSE,
    /** The reporter disagrees with the decision: the case goes back to verification. */
    APPEAL,
    ESCALATE,
    ASSIGN,
    NOTE,
    /** Applied by the SLA sweep to a sanggah nobody verified in time. */
    VOID
}
