package id.lumbung.disbursement.events;

import id.lumbung.disbursement.service.PlanService;
import id.lumbung.platform.events.EventEnvelope;
import id.lumbung.platform.events.EventHandler;
import id.lumbung.platform.events.EventRejectedException;
import id.lumbung.platform.events.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code eligibility.beneficiary-lists.v1}: each finalized list arrives in chunks of at most
 * 1,000 families and becomes a disbursement plan with one payment order per family.
 */
@ApplicationScoped
public class BeneficiaryListConsumer implements EventHandler {

    public static final String TOPIC = "eligibility.beneficiary-lists.v1";
    public static final String FINALIZED = "id.lumbung.eligibility.beneficiary-list.finalized";

    private final Inbox inbox;
    private final PlanService plans;

    public BeneficiaryListConsumer(Inbox inbox, PlanService plans) {
        this.inbox = inbox;
        this.plans = plans;
    }

    @Override
    public String consumer() {
        return "disbursement.beneficiary-lists";
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Incoming("beneficiary-lists")
    @Blocking
    public void onChunk(ConsumerRecord<String, byte[]> record) {
        inbox.process(this, record);
    }

    @Override
    public void apply(List<EventEnvelope.Received> events) {
        for (var event : events) {
            if (!FINALIZED.equals(event.type())) {
                throw new EventRejectedException("type " + event.type() + " is not an " + TOPIC + " event");
            }
            plans.applyChunk(event.data());
        }
    }
}
