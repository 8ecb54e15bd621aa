package id.lumbung.registry.events;

import id.lumbung.platform.events.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code complaint.outcomes.v1}: a complaint's finding about a household (sanggah upheld,
 * tolak) is kept against it, once per case and outcome.
 */
@ApplicationScoped
public class ComplaintOutcomeConsumer {

    private static final Logger LOG = Logger.getLogger(ComplaintOutcomeConsumer.class);

    private final Inbox inbox;
    private final EntityManager em;

    public ComplaintOutcomeConsumer(Inbox inbox, EntityManager em) {
        this.inbox = inbox;
        this.em = em;
    }

    @Incoming("complaint-outcomes")
    @Blocking
    public void onOutcome(byte[] payload) {
        inbox.process("registry.complaint-outcomes", payload, event -> {
            var data = event.data();
            if (!data.hasNonNull("householdId") || !data.hasNonNull("caseNumber") || !data.hasNonNull("outcome")) {
                LOG.warnf("complaint outcome %s without household, case or outcome: ignored", event.id());
                return;
            }
            em.createNativeQuery("""
                    insert into household_finding (household_id, case_number, outcome, program_code, detail)
                    values (?1, ?2, ?3, ?4, ?5) on conflict (case_number, outcome) do nothing""")
                    .setParameter(1, UUID.fromString(data.get("householdId").asText()))
                    .setParameter(2, data.get("caseNumber").asText())
                    .setParameter(3, data.get("outcome").asText())
                    .setParameter(4, data.path("programCode").asText(null))
                    .setParameter(5, data.path("detail").asText(null))
                    .executeUpdate();
        });
    }
}
