package id.lumbung.registry.service;

import id.lumbung.platform.audit.AuditLog;
import id.lumbung.platform.id.RegionCode;
import id.lumbung.platform.problem.ProblemException;
import id.lumbung.platform.security.RegionScope;
import id.lumbung.registry.events.HouseholdEvents;
import id.lumbung.registry.persistence.ChangeLog;
import id.lumbung.registry.persistence.HouseholdErasures;
import id.lumbung.registry.rest.HouseholdApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Erases a household registered in error, on the ministry's decision: the registry forgets the household and the
 * persons who were only ever its members, keeps one history entry saying who erased it, when and why (without
 * personal data), and writes a tombstone on {@code registry.households.v1}, through which every other service and
 * the compacted topic itself forget it too.
 */
@ApplicationScoped
public class HouseholdErasure {

    private static final Logger LOG = Logger.getLogger(HouseholdErasure.class);

    private final HouseholdErasures erasures;
    private final HouseholdEvents events;
    private final ChangeLog changeLog;
    private final AuditLog audit;
    private final Clock clock;

    public HouseholdErasure(HouseholdErasures erasures, HouseholdEvents events, ChangeLog changeLog, AuditLog audit,
            Clock clock) {
        this.erasures = erasures;
        this.events = events;
        this.changeLog = changeLog;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public HouseholdApi.Erasure erase(UUID id, long expectedVersion, HouseholdApi.EraseHousehold in, String actor,
            RegionScope scope) {
        var household = erasures.lock(id).orElseThrow(() -> ProblemException.notFound("household", id));
        scope.require(RegionCode.of(household.villageCode()));
        if (household.version() != expectedVersion) {
            throw ProblemException.preconditionFailed("household " + id + " is at version " + household.version()
                    + ", not " + expectedVersion + "; read it again and decide on what it is now");
        }
        var removed = erasures.erase(id);
        String reason = in.reason().strip();
        String reference = in.reference().strip();
        changeLog.record("household", id.toString(), "ERASED", actor, reason + " [" + reference + "]", null, null);
        audit.record("ERASE", "household", id.toString(), reference);
        events.erased(id);
        LOG.infof("household %s (%s) erased by %s under %s: %d persons, %d memberships, %d history entries",
                id, household.status(), actor, reference, removed.persons(), removed.memberships(), removed.historyEntries());
        return new HouseholdApi.Erasure(id, clock.instant(), actor, reason, reference, removed.persons(),
                removed.memberships(), removed.historyEntries(), removed.notificationsWithdrawn());
    }
}
