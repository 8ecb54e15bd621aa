package id.lumbung.eligibility.events;

import id.lumbung.eligibility.mapping.HouseholdEventMapper;
import id.lumbung.eligibility.persistence.HouseholdProjections;
import id.lumbung.eligibility.service.HouseholdProjector;
import id.lumbung.platform.events.EventEnvelope;
import id.lumbung.platform.events.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code registry.households.v1}: each household state lands in the local projection and
 * re-decides the household's programs, once per event and never going back to an older version.
 */
@ApplicationScoped
public class RegistryHouseholdConsumer {

    static final String CONSUMER = "eligibility.registry-households";
    /** Every household event carries the whole state (registered, updated, member-died, moved, split, ...). */
    static final String HOUSEHOLD_STATE = "id.lumbung.registry.household.";
    private static final Logger LOG = Logger.getLogger(RegistryHouseholdConsumer.class);

    private final Inbox inbox;
    private final HouseholdProjector projector;

    public RegistryHouseholdConsumer(Inbox inbox, HouseholdProjector projector) {
        this.inbox = inbox;
        this.projector = projector;
    }

    /**
     * One transaction per polled batch. Within a batch only a household's newest state is projected: the
     * topic is a state log, so an older version in the same batch would be replaced before anyone read it.
     */
    @Incoming("registry-households")
    @Blocking
    public void onHouseholds(List<byte[]> payloads) {
        inbox.processBatch(CONSUMER, payloads, events -> {
            Map<UUID, HouseholdProjections.Incoming> newest = new LinkedHashMap<>();
            for (var event : events) {
                var projection = projection(event);
                if (projection != null) {
                    newest.merge(projection.household().id(), projection, (a, b) ->
                            b.household().registryVersion() >= a.household().registryVersion() ? b : a);
                }
            }
            // anything failing from here on (database, a broken rule version) is ours: the events come again
            projector.project(List.copyOf(newest.values()));
        });
    }

    /** The household state in the event, or null for another event type or a malformed one (skipped, logged). */
    private static HouseholdProjections.Incoming projection(EventEnvelope.Received event) {
        if (event.type() == null || !event.type().startsWith(HOUSEHOLD_STATE)) {
            LOG.debugf("registry event %s of type %s is not a household state: ignored", event.id(), event.type());
            return null;
        }
        try {
            return new HouseholdProjections.Incoming(HouseholdEventMapper.household(event.data()), event.data().get("members").toString());
        } catch (IllegalArgumentException e) {
            // a malformed event is skipped (and remembered as processed) so it cannot stop the topic
            LOG.warnf("registry event %s skipped, it does not follow registry.households.v1: %s", event.id(),
                    e.getMessage());
            return null;
        }
    }
}
