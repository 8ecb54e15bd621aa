package id.lumbung.disbursement.events;

import id.lumbung.disbursement.service.LifeEventService;
import id.lumbung.platform.events.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code registry.households.v1}: deaths and moves reported before payment block the family's orders; one transaction per polled batch. */
@ApplicationScoped
public class HouseholdConsumer {

    public static final String TOPIC = "registry.households.v1";

    private final Inbox inbox;
    private final LifeEventService life;

    public HouseholdConsumer(Inbox inbox, LifeEventService life) {
        this.inbox = inbox;
        this.life = life;
    }

    @Incoming("households")
    @Blocking
    public void onHouseholds(List<byte[]> payloads) {
        inbox.processBatch("disbursement.households", payloads,
                events -> life.householdsChanged(events.stream().map(event -> event.data()).toList()));
    }
}
