package id.lumbung.eligibility.events;

import id.lumbung.eligibility.service.ComplaintOutcomes;
import id.lumbung.platform.events.EventEnvelope;
import id.lumbung.platform.events.EventHandler;
import id.lumbung.platform.events.EventRejectedException;
import id.lumbung.platform.events.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code complaint.outcomes.v1}: an accepted tolak or an upheld sanggah re-decides the household's
 * programs. Other outcomes (an accepted usul reaches us as a registry change) are not ours.
 */
@ApplicationScoped
public class ComplaintOutcomeConsumer implements EventHandler {

    static final String CONSUMER = "eligibility.complaint-outcomes";
    static final String TOPIC = "complaint.outcomes.v1";
    static final String DECIDED = "id.lumbung.complaint.outcome.decided";
    private static final Logger LOG = Logger.getLogger(ComplaintOutcomeConsumer.class);

    private final Inbox inbox;
    private final ComplaintOutcomes outcomes;

    public ComplaintOutcomeConsumer(Inbox inbox, ComplaintOutcomes outcomes) {
        this.inbox = inbox;
        this.outcomes = outcomes;
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Incoming("complaint-outcomes")
    @Blocking
    public void onOutcome(ConsumerRecord<String, byte[]> record) {
        inbox.process(this, record);
    }

    @Override
    public void apply(List<EventEnvelope.Received> events) {
        for (var event : events) {
            if (!DECIDED.equals(event.type())) {
                throw new EventRejectedException("type " + event.type() + " is not a complaint.outcomes.v1 event");
            }
            var data = event.data();
            ComplaintOutcomes.Outcome outcome;
            try {
                outcome = ComplaintOutcomes.Outcome.valueOf(data.path("outcome").asText());
            } catch (IllegalArgumentException e) {
                LOG.debugf("complaint outcome %s of event %s does not bear on eligibility", data.path("outcome").asText(),
                        event.id());
                continue;
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
                throw new EventRejectedException("does not follow complaint.outcomes.v1: " + e.getMessage(), e);
            }
            outcomes.record(decided);
        }
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }
}
