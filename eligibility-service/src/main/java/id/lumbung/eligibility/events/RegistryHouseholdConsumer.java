package id.lumbung.eligibility.events;

import id.lumbung.eligibility.domain.Household;
import id.lumbung.eligibility.mapping.HouseholdEventMapper;
import id.lumbung.eligibility.service.HouseholdProjector;
import id.lumbung.platform.events.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
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

    @Incoming("registry-households")
    @Blocking
    public void onHousehold(byte[] payload) {
        inbox.process(CONSUMER, payload, event -> {
            if (event.type() == null || !event.type().startsWith(HOUSEHOLD_STATE)) {
                LOG.debugf("registry event %s of type %s is not a household state: ignored", event.id(), event.type());
                return;
            }
            Household household;
            try {
                household = HouseholdEventMapper.household(event.data());
            } catch (IllegalArgumentException e) {
                // a malformed event is skipped (and remembered as processed) so it cannot stop the topic
                LOG.warnf("registry event %s skipped, it does not follow registry.households.v1: %s", event.id(),
                        e.getMessage());
                return;
            }
            // anything failing from here on (database, a broken rule version) is ours: the event comes again
            projector.project(household, event.data().get("members").toString());
        });
    }
}
