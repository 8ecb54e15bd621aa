package id.lumbung.complaint.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The guarded life of a case: SUBMITTED → VERIFYING → RESOLVED | REJECTED → CLOSED; APPEAL sends a decided
 * case back to VERIFYING within the appeal window; ESCALATE moves an open case from the village operator to
 * the social office; VOID ends a sanggah nobody verified in time. NOTE is always possible.
 */
public final class CaseStateMachine {

    /** What the machine needs to know of a case. */
    public record Facts(CaseType type, CaseStatus status, HandlingLevel level, Instant submittedAt, Instant decidedAt) {
    }

    /** The answer to "may this action happen now?". */
    public sealed interface Decision permits Allowed, Refused {
    }

    public record Allowed(CaseStatus to, HandlingLevel level) implements Decision {
    }

    /** Refused, with the reason in words and what would have been allowed instead. */
    public record Refused(String reason, Set<CaseAction> allowed) implements Decision {
    }

    private final SlaPolicy sla;

    public CaseStateMachine(SlaPolicy sla) {
        this.sla = sla;
    }

    public Decision decide(Facts c, CaseAction action, Instant now) {
        String refusal = refusal(c, action, now);
        if (refusal != null) {
            return new Refused(refusal, allowed(c, now));
        }
        return switch (action) {
            case VERIFY, APPEAL -> new Allowed(CaseStatus.VERIFYING, c.level());
            case RESOLVE -> new Allowed(CaseStatus.RESOLVED, c.level());
            case REJECT -> new Allowed(CaseStatus.REJECTED, c.level());
            case CLOSE -> new Allowed(CaseStatus.CLOSED, c.level());
            case VOID -> new Allowed(CaseStatus.VOID, c.level());
            case ESCALATE -> new Allowed(c.status(), c.level().next());
            case ASSIGN, NOTE -> new Allowed(c.status(), c.level());
        };
    }

    /** Every action the guards let through at {@code now}. */
    public Set<CaseAction> allowed(Facts c, Instant now) {
        var out = EnumSet.noneOf(CaseAction.class);
        for (var action : CaseAction.values()) {
            if (refusal(c, action, now) == null) {
                out.add(action);
            }
        }
        return out;
    }

    /** Why {@code action} may not happen, or null when it may. */
    private String refusal(Facts c, CaseAction action, Instant now) {
        var status = c.status();
        return switch (action) {
            case NOTE -> null;
            case VERIFY -> status != CaseStatus.SUBMITTED ? "only a submitted case can be verified"
                    : sla.sanggahLapsed(c.type(), c.submittedAt(), now)
                            ? "the sanggah was not verified within " + sla.sanggahVerify().toDays() + " days and is void"
                            : null;
            case RESOLVE, REJECT -> status != CaseStatus.VERIFYING ? "a case is decided only while it is being verified" : null;
            case CLOSE -> status.decided() ? null : "only a resolved or rejected case can be closed";
            case APPEAL -> !status.decided() ? "only a resolved or rejected case can be appealed"
                    : c.decidedAt() != null && now.isAfter(c.decidedAt().plus(sla.appealWindow()))
                            ? "the appeal window of " + sla.appealWindow().toDays() + " days ended at "
                                    + c.decidedAt().plus(sla.appealWindow())
                            : null;
            case ESCALATE -> !status.open() ? "only an open case can be escalated"
                    : c.level().next() == c.level() ? "the case is already with the regency/city social office" : null;
            case ASSIGN -> status.open() ? null : "only an open case can be assigned";
            case VOID -> c.type() != CaseType.SANGGAH ? "only a sanggah lapses"
                    : status != CaseStatus.SUBMITTED ? "only an unverified sanggah lapses"
                    : !sla.sanggahLapsed(c.type(), c.submittedAt(), now)
                            ? "the sanggah is still within its " + sla.sanggahVerify().toDays() + "-day verification window"
                            : null;
        };
    }
}
