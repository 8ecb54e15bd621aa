package id.lumbung.registry.events;

import id.lumbung.platform.events.Outbox;
import id.lumbung.registry.mapping.HouseholdMapper;
import id.lumbung.registry.persistence.HouseholdEntity;
import id.lumbung.registry.persistence.MembershipEntity;
import id.lumbung.registry.persistence.PersonEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code registry.households.v1}: the full current state of a household after every change, keyed by
 * household id (a log-compacted state topic: the last record per key is the household now). The type
 * says what happened (registered, updated, a member died or moved, the family moved, split, merged or was
 * dissolved); the data is always the whole state, so a consumer may ignore the type.
 */
@ApplicationScoped
public class HouseholdEvents {

    public static final String TOPIC = "registry.households.v1";
    public static final String REGISTERED = "id.lumbung.registry.household.registered";
    public static final String UPDATED = "id.lumbung.registry.household.updated";
    public static final String MEMBER_DIED = "id.lumbung.registry.household.member-died";
    public static final String MEMBER_MOVED = "id.lumbung.registry.household.member-moved";
    public static final String MOVED = "id.lumbung.registry.household.moved";
    public static final String SPLIT = "id.lumbung.registry.household.split";
    public static final String MERGED = "id.lumbung.registry.household.merged";
    public static final String DISSOLVED = "id.lumbung.registry.household.dissolved";
    /** The tombstone of an erased household: its key leaves the compacted topic. */
    public static final String ERASED = "id.lumbung.registry.household.erased";

    /** What other services know of a member. */
    public record Member(String nik, String fullName, String sex, LocalDate birthDate, String relationship,
            String disability, Set<String> employment, String lifeStatus, LocalDate deathDate) {
    }

    /** The event data: the household as it is now. */
    public record HouseholdState(UUID householdId, String noKk, String villageCode, Integer desil,
            String desilPeriod, String status, long version, boolean kksCard, Long monthlyIncome,
            List<Member> members) {
    }

    private final Outbox outbox;

    public HouseholdEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void published(String type, HouseholdEntity h, List<MembershipEntity> memberships,
            Map<String, PersonEntity> persons) {
        outbox.publish(TOPIC, h.id.toString(), type, state(h, memberships, persons));
    }

    /** The household no longer exists: a tombstone for its key. */
    public void erased(UUID householdId) {
        outbox.erase(TOPIC, List.of(new Outbox.Tombstone(householdId.toString(), ERASED)));
    }

    static HouseholdState state(HouseholdEntity h, List<MembershipEntity> memberships, Map<String, PersonEntity> persons) {
        var members = memberships.stream().map(m -> {
            var p = persons.get(m.nik);
            return new Member(p.nik, p.fullName, p.sex, p.birthDate, m.relationship, p.disability,
                    HouseholdMapper.employment(p).stream().map(Enum::name).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)),
                    p.lifeStatus, p.deathDate);
        }).toList();
        return new HouseholdState(h.id, h.noKk, h.villageCode, h.desil == null ? null : h.desil.intValue(),
                h.desilPeriod, h.status, h.version, h.kksCard, h.monthlyIncome, members);
    }
}
