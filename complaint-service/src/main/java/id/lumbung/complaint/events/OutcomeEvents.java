package id.lumbung.complaint.events;

import id.lumbung.complaint.domain.Outcome;
import id.lumbung.complaint.persistence.CaseEntity;
import id.lumbung.platform.events.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * {@code complaint.outcomes.v1}: a decided case that other services act on (registry records the finding or
 * opens a proposal, eligibility re-evaluates or excludes), keyed by household id.
 */
@ApplicationScoped
public class OutcomeEvents {

    public static final String TOPIC = "complaint.outcomes.v1";
    public static final String DECIDED = "id.lumbung.complaint.outcome.decided";

    /** The event data, exactly the contract's fields. */
    public record OutcomeDecided(String caseNumber, String caseType, String outcome, String householdId,
            String programCode, String villageCode, String detail, Instant decidedAt) {
    }

    private final Outbox outbox;

    public OutcomeEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Call inside the transaction that decided the case. */
    public void decided(CaseEntity c, Outcome outcome) {
        var data = new OutcomeDecided(c.number, c.type, outcome.name(), c.householdId.toString(), c.programCode,
                c.villageCode, c.outcomeDetail, c.decidedAt);
        outbox.publish(TOPIC, c.householdId.toString(), DECIDED, data);
    }
}
