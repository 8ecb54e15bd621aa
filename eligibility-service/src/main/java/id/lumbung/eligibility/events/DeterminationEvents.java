package id.lumbung.eligibility.events;

import id.lumbung.eligibility.domain.Determination;
import id.lumbung.platform.events.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code eligibility.determinations.v1}: one event per household x program x period each time it is
 * decided. The topic is log-compacted, so the key names exactly what one record describes:
 * {@code <householdId>/<programCode>/<period>}; compaction then keeps the current determination of every
 * program and period of a household, not only the last one decided.
 */
@ApplicationScoped
public class DeterminationEvents {

    public static final String TOPIC = "eligibility.determinations.v1";
    public static final String MADE = "id.lumbung.eligibility.determination.made";
    /** The tombstone of a determination whose household was erased from the registry. */
    public static final String ERASED = "id.lumbung.eligibility.determination.erased";

    public record ReasonData(String code, String id, String en) {
    }

    /** The event data, as the contract states it. */
    public record DeterminationMade(UUID householdId, String villageCode, String programCode, String period,
            int ruleVersion, long registryVersion, boolean eligible, List<ReasonData> reasons, Instant determinedAt) {
    }

    private final Outbox outbox;

    /** The key (and CloudEvents subject) of the determination of {@code householdId} for a program and period. */
    public static String key(UUID householdId, String programCode, String period) {
        return householdId + keySuffix(programCode, period);
    }

    /** What follows the household id in a determination's key. */
    public static String keySuffix(String programCode, String period) {
        return "/" + programCode + "/" + period;
    }

    public DeterminationEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The events of {@code determinations}, recorded together. */
    public void made(List<Determination> determinations, Instant determinedAt) {
        outbox.publishAll(TOPIC, determinations.stream().map(d -> new Outbox.Pending(key(d.householdId(), d.programCode(), d.period().toString()), MADE,
                new DeterminationMade(d.householdId(), d.villageCode(), d.programCode(), d.period().toString(),
                        d.ruleVersion(), d.registryVersion(), d.eligible(),
                        d.reasons().stream().map(r -> new ReasonData(r.code(), r.id(), r.en())).toList(), determinedAt)))
                .toList());
    }

    /** Tombstones for the determinations with these keys: their household was erased. */
    public void erased(List<String> keys) {
        outbox.erase(TOPIC, keys.stream().map(k -> new Outbox.Tombstone(k, ERASED)).toList());
    }
}
