package id.lumbung.eligibility.events;

import id.lumbung.eligibility.mapping.HouseholdEventMapper;
import id.lumbung.eligibility.persistence.HouseholdProjections;
import id.lumbung.eligibility.service.HouseholdProjector;
import id.lumbung.platform.events.EventEnvelope;
import id.lumbung.platform.events.EventHandler;
import id.lumbung.platform.events.EventRejectedException;
import id.lumbung.platform.events.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code registry.households.v1}: each household state lands in the local projection and
 * re-decides the household's programs, once per event and never going back to an older version.
 */
@ApplicationScoped
public class RegistryHouseholdConsumer implements EventHandler {

    static final String CONSUMER = "eligibility.registry-households";
    static final String TOPIC = "registry.households.v1";
    /** Every household event carries the whole state (registered, updated, member-died, moved, split, ...). */
    static final String HOUSEHOLD_STATE = "id.lumbung.registry.household.";

    private final Inbox inbox;
    private final HouseholdProjector projector;

    public RegistryHouseholdConsumer(Inbox inbox, HouseholdProjector projector) {
        this.inbox = inbox;
        this.projector = projector;
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Incoming("registry-households")
    @Blocking
    public void onHouseholds(ConsumerRecords<String, byte[]> records) {
        inbox.processBatch(this, records);
    }

    /**
     * Within a batch only a household's newest state is projected: the topic is a state log, so an older version
     * in the same batch would be replaced before anyone read it.
     */
    @Override
    public void apply(List<EventEnvelope.Received> events) {
        Map<UUID, HouseholdProjections.Incoming> newest = new LinkedHashMap<>();
        for (var event : events) {
            var projection = projection(event);
            newest.merge(projection.household().id(), projection, (a, b) ->
                    b.household().registryVersion() >= a.household().registryVersion() ? b : a);
        }
        projector.project(List.copyOf(newest.values()));
    }

    /** Households erased from the registry (tombstones keyed by household id) are forgotten here too. */
    @Override
    public void erase(List<EventEnvelope.Received> tombstones) {
        projector.erase(EventEnvelope.uuidKeys(tombstones, "a household id"));
    }

    /** The household state in the event; an event that does not follow registry.households.v1 is refused. */
    private static HouseholdProjections.Incoming projection(EventEnvelope.Received event) {
        if (event.type() == null || !event.type().startsWith(HOUSEHOLD_STATE)) {
            throw new EventRejectedException("type " + event.type() + " is not a registry.households.v1 household state");
        }
        try {
            return new HouseholdProjections.Incoming(HouseholdEventMapper.household(event.data()), event.data().get("members").toString());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new EventRejectedException("does not follow registry.households.v1: " + e.getMessage(), e);
        }
    }
}
