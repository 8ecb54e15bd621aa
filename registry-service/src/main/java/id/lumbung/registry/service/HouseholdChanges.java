package id.lumbung.registry.service;

import id.lumbung.platform.id.RegionCode;
import id.lumbung.platform.problem.ProblemException;
import id.lumbung.platform.security.RegionScope;
import id.lumbung.registry.events.HouseholdEvents;
import id.lumbung.registry.mapping.HouseholdMapper;
import id.lumbung.registry.persistence.ChangeLog;
import id.lumbung.registry.persistence.HouseholdEntity;
import id.lumbung.registry.persistence.MembershipEntity;
import id.lumbung.registry.persistence.PersonEntity;
import id.lumbung.registry.rest.HouseholdApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one way a household changes: load it in scope and at the expected version, change it, then record
 * the change (history, old → new) and publish its new state, all in the caller's transaction.
 */
@ApplicationScoped
public class HouseholdChanges {

    private final HouseholdEvents events;
    private final ChangeLog changes;
    private final Clock clock;

    public HouseholdChanges(HouseholdEvents events, ChangeLog changes, Clock clock) {
        this.events = events;
        this.changes = changes;
        this.clock = clock;
    }

    /** A household locked for change, checked against the caller's scope and, when given, its ETag version. */
    @Transactional(Transactional.TxType.MANDATORY)
    public HouseholdEntity lockForChange(UUID id, Long expectedVersion, RegionScope scope) {
        HouseholdEntity household = HouseholdEntity.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (household == null) {
            throw ProblemException.notFound("household", id);
        }
        scope.require(RegionCode.of(household.villageCode));
        if (!"ACTIVE".equals(household.status)) {
            throw ProblemException.conflict("household " + id + " is " + household.status + " and cannot change");
        }
        if (expectedVersion != null && household.version != expectedVersion) {
            throw ProblemException.preconditionFailed("household " + id + " is at version " + household.version
                    + ", not " + expectedVersion + "; read it again and retry with its new ETag");
        }
        return household;
    }

    /** The household as the API shows it now. */
    public HouseholdApi.HouseholdView view(HouseholdEntity household) {
        var memberships = MembershipEntity.current(household.id);
        return HouseholdMapper.view(household, memberships, persons(memberships));
    }

    /**
     * Records a change that has been applied to the entities: bumps the version even when only members
     * changed, writes history and publishes the new state. {@code before} is null for a household just created.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public HouseholdApi.HouseholdView changed(HouseholdEntity household, String eventType, String action, String actor,
            String reason, HouseholdApi.HouseholdView before) {
        household.updatedAt = clock.instant();
        HouseholdEntity.flush();
        if (before != null && household.version == before.version()) {
            // only members changed: the household's version must still move, so ETags and consumers see it
            HouseholdEntity.getEntityManager().lock(household, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        }
        var memberships = MembershipEntity.current(household.id);
        var persons = persons(memberships);
        var after = HouseholdMapper.view(household, memberships, persons);
        changes.record("household", household.id.toString(), action, actor, reason, before, after);
        events.published(eventType, household, memberships, persons);
        return after;
    }

    static Map<String, PersonEntity> persons(List<MembershipEntity> memberships) {
        if (memberships.isEmpty()) {
            return Map.of();
        }
        return PersonEntity.<PersonEntity>list("nik in ?1", memberships.stream().map(m -> m.nik).toList()).stream()
                .collect(Collectors.toMap(p -> p.nik, Function.identity()));
    }
}
