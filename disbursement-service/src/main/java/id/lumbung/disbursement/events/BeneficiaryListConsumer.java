package id.lumbung.disbursement.events;

import id.lumbung.disbursement.service.PlanService;
import id.lumbung.platform.events.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code eligibility.beneficiary-lists.v1}: each finalized list arrives in chunks of at most
 * 1,000 families and becomes a disbursement plan with one payment order per family.
 */
@ApplicationScoped
public class BeneficiaryListConsumer {

    public static final String TOPIC = "eligibility.beneficiary-lists.v1";
    public static final String FINALIZED = "id.lumbung.eligibility.beneficiary-list.finalized";
    private static final Logger LOG = Logger.getLogger(BeneficiaryListConsumer.class);

    private final Inbox inbox;
    private final PlanService plans;

    public BeneficiaryListConsumer(Inbox inbox, PlanService plans) {
        this.inbox = inbox;
        this.plans = plans;
    }

    @Incoming("beneficiary-lists")
    @Blocking
    public void onChunk(byte[] payload) {
        inbox.process("disbursement.beneficiary-lists", payload, event -> {
            if (!FINALIZED.equals(event.type())) {
                LOG.debugf("event type %s on %s is not ours: ignored", event.type(), TOPIC);
                return;
            }
            plans.applyChunk(event.data());
        });
    }
}
