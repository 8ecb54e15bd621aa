package id.lumbung.registry.events;

import id.lumbung.platform.events.EventEnvelope;
import id.lumbung.platform.events.EventHandler;
import id.lumbung.platform.events.EventRejectedException;
import id.lumbung.platform.events.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code complaint.outcomes.v1}: a complaint's finding about a household (sanggah upheld,
 * tolak) is kept against it, once per case and outcome.
 */
@ApplicationScoped
public class ComplaintOutcomeConsumer implements EventHandler {

    private static final String DECIDED = "id.lumbung.complaint.outcome.decided";

    private final Inbox inbox;
    private final EntityManager em;

    public ComplaintOutcomeConsumer(Inbox inbox, EntityManager em) {
        this.inbox = inbox;
        this.em = em;
    }

    @Override
    public String consumer() {
        return "registry.complaint-outcomes";
    }

    @Override
    public String topic() {
        return "complaint.outcomes.v1";
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
            if (!data.hasNonNull("householdId") || !data.hasNonNull("caseNumber") || !data.hasNonNull("outcome")) {
                throw new EventRejectedException("a complaint outcome needs householdId, caseNumber and outcome");
            }
            UUID household;
            try {
                household = UUID.fromString(data.get("householdId").asText());
            } catch (IllegalArgumentException e) {
                throw new EventRejectedException("householdId is not a UUID", e);
            }
            em.createNativeQuery("""
                    insert into household_finding (household_id, case_number, outcome, program_code, detail)
                    values (?1, ?2, ?3, ?4, ?5) on conflict (case_number, outcome) do nothing""")
                    .setParameter(1, household)
                    .setParameter(2, data.get("caseNumber").asText())
                    .setParameter(3, data.get("outcome").asText())
                    .setParameter(4, data.path("programCode").asText(null))
                    .setParameter(5, data.path("detail").asText(null))
                    .executeUpdate();
        }
    }
}
