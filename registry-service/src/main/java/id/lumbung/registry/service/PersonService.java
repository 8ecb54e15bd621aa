package id.lumbung.registry.service;

import id.lumbung.platform.audit.AuditLog;
import id.lumbung.platform.id.Masking;
import id.lumbung.platform.id.Nik;
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
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/** Persons: reads, changes of their facts, death and departure; each change republishes their household. */
@ApplicationScoped
public class PersonService {

    private final HouseholdChanges households;
    private final ChangeLog changeLog;
    private final AuditLog audit;
    private final Clock clock;

    public PersonService(HouseholdChanges households, ChangeLog changeLog, AuditLog audit, Clock clock) {
        this.households = households;
        this.changeLog = changeLog;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public HouseholdApi.PersonView find(String nik, RegionScope scope, String why) {
        var person = load(nik);
        var membership = currentMembership(nik);
        try {
            requireScope(person, membership, scope);
        } catch (ProblemException refused) {
            audit.recordRefused("READ", "person", audit.nikSubject(nik), why);
            throw refused;
        }
        // the subject is a keyed hash of the NIK: attributable to the citizen, readable by nobody else
        audit.record("READ", "person", audit.nikSubject(nik), why);
        return view(person, membership.orElse(null));
    }

    @Transactional
    public HouseholdApi.PersonView update(String nik, long expectedVersion, HouseholdApi.UpdatePerson in, String actor,
            RegionScope scope) {
        var person = lockPerson(nik, expectedVersion);
        var membership = currentMembership(nik);
        requireScope(person, membership, scope);
        var household = membership.map(m -> households.lockForChange(m.householdId, null, scope));
        var householdBefore = household.map(households::view);
        var before = view(person, membership.orElse(null));
        person.fullName = in.fullName().strip().toUpperCase(Locale.ROOT);
        person.maritalStatus = in.maritalStatus();
        person.education = in.education();
        person.occupation = in.occupation();
        person.disability = in.disability();
        person.employment = in.employment() == null ? new String[0]
                : in.employment().stream().map(Enum::name).sorted().toArray(String[]::new);
        person.updatedAt = clock.instant();
        PersonEntity.flush();
        var after = view(person, membership.orElse(null));
        changeLog.record("person", nik, "UPDATED", actor, in.reason(), before, after);
        household.ifPresent(h -> households.changed(h, HouseholdEvents.UPDATED, "MEMBER_UPDATED", actor, in.reason(),
                householdBefore.get()));
        return after;
    }

    /** A death: the person stays on the KK's history but no longer counts as a member for any rule. */
    @Transactional
    public HouseholdApi.PersonView recordDeath(String nik, HouseholdApi.Death in, String actor, RegionScope scope) {
        return endLife(nik, "DECEASED", in.date(), "death: " + in.reference(), HouseholdEvents.MEMBER_DIED, actor, scope);
    }

    /** A departure to a place this registry does not know: the person no longer counts as a member. */
    @Transactional
    public HouseholdApi.PersonView recordDeparture(String nik, HouseholdApi.Departure in, String actor, RegionScope scope) {
        return endLife(nik, "MOVED", in.date(), "departure: " + in.reason(), HouseholdEvents.MEMBER_MOVED, actor, scope);
    }

    private HouseholdApi.PersonView endLife(String nik, String status, LocalDate date, String reason, String eventType,
            String actor, RegionScope scope) {
        var person = lockPerson(nik, null);
        var membership = currentMembership(nik);
        requireScope(person, membership, scope);
        if (!"ALIVE".equals(person.lifeStatus)) {
            throw ProblemException.conflict("person " + Masking.nik(nik) + " is already recorded as " + person.lifeStatus);
        }
        if (date.isAfter(LocalDate.now(clock)) || date.isBefore(person.birthDate)) {
            throw ProblemException.invalid("date", "the date must lie between the birth date and today");
        }
        var household = membership.map(m -> households.lockForChange(m.householdId, null, scope));
        var householdBefore = household.map(households::view);
        var before = view(person, membership.orElse(null));
        person.lifeStatus = status;
        person.deathDate = "DECEASED".equals(status) ? date : null;
        person.updatedAt = clock.instant();
        PersonEntity.flush();
        var after = view(person, membership.orElse(null));
        changeLog.record("person", nik, status, actor, reason, before, after);
        household.ifPresent(h -> households.changed(h, eventType, status, actor, reason, householdBefore.get()));
        return after;
    }

    static PersonEntity load(String nik) {
        if (Nik.problemWith(nik).isPresent()) {
            throw ProblemException.invalid("nik", Nik.problemWith(nik).get());
        }
        PersonEntity person = PersonEntity.findById(nik);
        if (person == null) {
            throw ProblemException.notFound("person", Masking.nik(nik));
        }
        return person;
    }

    private static PersonEntity lockPerson(String nik, Long expectedVersion) {
        load(nik);
        PersonEntity person = PersonEntity.findById(nik, LockModeType.PESSIMISTIC_WRITE);
        if (expectedVersion != null && person.version != expectedVersion) {
            throw ProblemException.preconditionFailed("person " + Masking.nik(nik) + " is at version " + person.version
                    + ", not " + expectedVersion + "; read it again and retry with its new ETag");
        }
        return person;
    }

    static Optional<MembershipEntity> currentMembership(String nik) {
        return MembershipEntity.find("nik = ?1 and validTo is null", nik).firstResultOptional();
    }

    /** A person is in scope through the village of their current household. */
    private static void requireScope(PersonEntity person, Optional<MembershipEntity> membership, RegionScope scope) {
        if (scope.national()) {
            return;
        }
        var household = membership.map(m -> (HouseholdEntity) HouseholdEntity.findById(m.householdId));
        if (household.isEmpty()) {
            throw ProblemException.forbidden("person " + Masking.nik(person.nik) + " has no household in your scope");
        }
        scope.require(RegionCode.of(household.get().villageCode));
    }

    static HouseholdApi.PersonView view(PersonEntity p, MembershipEntity m) {
        var member = m == null ? null : HouseholdMapper.member(p, m);
        return new HouseholdApi.PersonView(p.nik, p.fullName, id.lumbung.platform.id.Sex.valueOf(p.sex), p.birthDate,
                p.birthPlace, p.maritalStatus, p.education, p.occupation, p.disability, HouseholdMapper.employment(p),
                id.lumbung.registry.domain.LifeStatus.valueOf(p.lifeStatus), p.deathDate, p.version,
                m == null ? null : m.householdId, member == null ? null : member.relationship());
    }
}
