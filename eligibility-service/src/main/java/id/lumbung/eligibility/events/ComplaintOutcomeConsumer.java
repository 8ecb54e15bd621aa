package id.lumbung.eligibility.events;

import id.lumbung.eligibility.service.ComplaintOutcomes;
import id.lumbung.platform.events.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code complaint.outcomes.v1}: an accepted tolak or an upheld sanggah re-decides the household's
 * programs. Other outcomes (an accepted usul reaches us as a registry change) are not ours.
 */
@ApplicationScoped
public class ComplaintOutcomeConsumer {

    static final String CONSUMER = "eligibility.complaint-outcomes";
    static final String DECIDED = "id.lumbung.complaint.outcome.decided";
    private static final Logger LOG = Logger.getLogger(ComplaintOutcomeConsumer.class);

    private final Inbox inbox;
    private final ComplaintOutcomes outcomes;

    public ComplaintOutcomeConsumer(Inbox inbox, ComplaintOutcomes outcomes) {
        this.inbox = inbox;
        this.outcomes = outcomes;
    }

    @Incoming("complaint-outcomes")
    @Blocking
    public void onOutcome(byte[] payload) {
        inbox.process(CONSUMER, payload, event -> {
            if (!DECIDED.equals(event.type())) {
                return;
            }
            var data = event.data();
            ComplaintOutcomes.Outcome outcome;
            try {
                outcome = ComplaintOutcomes.Outcome.valueOf(data.path("outcome").asText());
            } catch (IllegalArgumentException e) {
                LOG.debugf("complaint outcome %s of event %s does not bear on eligibility", data.path("outcome").asText(),
                        event.id());
                return;
            }
            ComplaintOutcomes.Decided decided;
            try {
                var program = data.path("programCode");
                decided = new ComplaintOutcomes.Decided(required(data.path("caseNumber").asText(null), "caseNumber"),
                        outcome, UUID.fromString(required(data.path("householdId").asText(null), "householdId")),
                        program.isTextual() && !program.asText().isBlank() ? program.asText() : null,
                        data.path("detail").asText(null),
                        Instant.parse(required(data.path("decidedAt").asText(null), "decidedAt")));
            } catch (RuntimeException e) {
                // a malformed event is skipped (and remembered) so that it cannot stop the topic
                LOG.warnf("complaint event %s skipped, it does not follow complaint.outcomes.v1: %s", event.id(),
                        e.getMessage());
                return;
            }
            outcomes.record(decided);
        });
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }
}
