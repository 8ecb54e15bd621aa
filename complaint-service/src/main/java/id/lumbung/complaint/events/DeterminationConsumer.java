package id.lumbung.complaint.events;

import com.fasterxml.jackson.databind.JsonNode;
import id.lumbung.complaint.domain.ExplanationPolicy;
import id.lumbung.complaint.persistence.DeterminationView;
import id.lumbung.platform.events.EventEnvelope;
import id.lumbung.platform.events.EventHandler;
import id.lumbung.platform.events.EventRejectedException;
import id.lumbung.platform.events.Inbox;
import id.lumbung.platform.id.RegionCode;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code eligibility.determinations.v1} into {@link DeterminationView}, so "why don't I receive
 * aid?" is answered from eligibility's own reasons without calling it. One transaction per polled batch.
 */
@ApplicationScoped
public class DeterminationConsumer implements EventHandler {

    public static final String TOPIC = "eligibility.determinations.v1";
    public static final String MADE = "id.lumbung.eligibility.determination.made";

    private final Inbox inbox;
    private final DeterminationView view;

    public DeterminationConsumer(Inbox inbox, DeterminationView view) {
        this.inbox = inbox;
        this.view = view;
    }

    @Override
    public String consumer() {
        return "complaint.determinations";
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Incoming("determinations")
    @Blocking
    public void on(ConsumerRecords<String, byte[]> records) {
        inbox.processBatch(this, records);
    }

    @Override
    public void apply(List<EventEnvelope.Received> events) {
        var kept = new ArrayList<DeterminationView.Determination>();
        for (var event : events) {
            if (!MADE.equals(event.type())) {
                throw new EventRejectedException("type " + event.type() + " is not an eligibility.determinations.v1 event");
            }
            var determination = read(event.data());
            if (determination == null) {
                throw new EventRejectedException("the determination lacks household, program, period, village or time, "
                        + "or one of them is malformed");
            }
            kept.add(determination);
        }
        view.keep(kept);
    }

    /**
     * Determinations of a household erased from the registry (tombstones keyed {@code <householdId>/<programCode>/<period>})
     * leave the view.
     */
    @Override
    public void erase(List<EventEnvelope.Received> tombstones) {
        var keys = new ArrayList<DeterminationView.Key>(tombstones.size());
        for (var tombstone : tombstones) {
            var key = key(tombstone.subject());
            if (key == null) {
                throw new EventRejectedException("the tombstone's key " + tombstone.subject()
                        + " is not <householdId>/<programCode>/<period>");
            }
            keys.add(key);
        }
        view.forget(keys);
    }

    /** A determination's key, or null when it is not one. */
    static DeterminationView.Key key(String key) {
        String[] parts = key == null ? new String[0] : key.split("/", -1);
        if (parts.length != 3 || !parts[1].matches("[A-Z][A-Z0-9_]{1,39}") || !parts[2].matches("[0-9]{4}-Q[1-4]")) {
            return null;
        }
        try {
            return new DeterminationView.Key(UUID.fromString(parts[0]), parts[1], parts[2]);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The determination in the event, or null when a field the view needs is missing or malformed. */
    static DeterminationView.Determination read(JsonNode d) {
        try {
            for (var field : new String[] { "householdId", "villageCode", "programCode", "period", "determinedAt" }) {
                if (!d.hasNonNull(field)) {
                    return null;
                }
            }
            var reasons = new ArrayList<ExplanationPolicy.Reason>();
            for (JsonNode r : d.path("reasons")) {
                reasons.add(new ExplanationPolicy.Reason(r.path("code").asText(""), r.path("id").asText(null),
                        r.path("en").asText(null)));
            }
            return new DeterminationView.Determination(UUID.fromString(d.get("householdId").asText()),
                    RegionCode.of(d.get("villageCode").asText()).value(), d.get("programCode").asText(),
                    d.get("period").asText(), d.path("ruleVersion").asInt(0), d.path("registryVersion").asLong(0),
                    d.path("eligible").asBoolean(false), reasons, Instant.parse(d.get("determinedAt").asText()));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
