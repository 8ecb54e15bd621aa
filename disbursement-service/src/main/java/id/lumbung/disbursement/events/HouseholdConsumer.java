package id.lumbung.disbursement.events;

import id.lumbung.disbursement.service.LifeEventService;
import id.lumbung.platform.events.EventEnvelope;
import id.lumbung.platform.events.EventHandler;
import id.lumbung.platform.events.EventRejectedException;
import id.lumbung.platform.events.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code registry.households.v1}: deaths and moves reported before payment block the family's orders; one transaction per polled batch. */
@ApplicationScoped
public class HouseholdConsumer implements EventHandler {

    public static final String TOPIC = "registry.households.v1";
    private static final String HOUSEHOLD_STATE = "id.lumbung.registry.household.";

    private final Inbox inbox;
    private final LifeEventService life;

    public HouseholdConsumer(Inbox inbox, LifeEventService life) {
        this.inbox = inbox;
        this.life = life;
    }

    @Override
    public String consumer() {
        return "disbursement.households";
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Incoming("households")
    @Blocking
    public void onHouseholds(ConsumerRecords<String, byte[]> records) {
        inbox.processBatch(this, records);
    }

    /** Households erased from the registry (tombstones keyed by household id): their unpaid orders are blocked. */
    @Override
    public void erase(List<EventEnvelope.Received> tombstones) {
        life.householdsErased(EventEnvelope.uuidKeys(tombstones, "a household id"));
    }

    @Override
    public void apply(List<EventEnvelope.Received> events) {
        for (var event : events) {
            if (event.type() == null || !event.type().startsWith(HOUSEHOLD_STATE) || !event.data().isObject()) {
                throw new EventRejectedException("type " + event.type() + " is not a registry.households.v1 household state");
            }
        }
        life.householdsChanged(events.stream().map(EventEnvelope.Received::data).toList());
    }
}
