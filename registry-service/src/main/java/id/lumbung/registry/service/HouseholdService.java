package id.lumbung.registry.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.lumbung.platform.audit.AuditLog;
import id.lumbung.platform.id.Masking;
import id.lumbung.platform.id.Nik;
import id.lumbung.platform.id.NoKk;
import id.lumbung.platform.id.RegionCode;
import id.lumbung.platform.problem.ProblemException;
import id.lumbung.platform.security.RegionScope;
import id.lumbung.registry.domain.HouseholdComposition;
import id.lumbung.registry.domain.Violation;
import id.lumbung.registry.events.HouseholdEvents;
import id.lumbung.registry.mapping.HouseholdMapper;
import id.lumbung.registry.persistence.ChangeLog;
import id.lumbung.registry.persistence.DesilHistory;
import id.lumbung.registry.persistence.HouseholdEntity;
import id.lumbung.registry.persistence.MembershipEntity;
import id.lumbung.registry.persistence.PersonEntity;
import id.lumbung.registry.persistence.RegionEntity;
import id.lumbung.registry.rest.HouseholdApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/** Registers, changes and reads households: validation, scope, persistence, history and events in one transaction. */
@ApplicationScoped
public class HouseholdService {

    private static final Logger LOG = Logger.getLogger(HouseholdService.class);

    private final HouseholdChanges changes;
    private final HouseholdEvents events;
    private final ChangeLog changeLog;
    private final DesilHistory desilHistory;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    public HouseholdService(HouseholdChanges changes, HouseholdEvents events, ChangeLog changeLog,
            DesilHistory desilHistory, AuditLog audit, ObjectMapper json, Clock clock) {
        this.changes = changes;
        this.events = events;
        this.changeLog = changeLog;
        this.desilHistory = desilHistory;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Everything a new family must satisfy before anything is written: its village, its members' NIKs against their
     * sex and birth date and a known district, one head, desil with its period, and a valid, unused No. KK. A
     * village's proposal is held to the same rules when it is made, not only when it is decided.
     */
    public void checkNew(HouseholdApi.RegisterHousehold in) {
        requireVillage(RegionCode.of(in.villageCode()), "villageCode");
        LocalDate today = LocalDate.now(clock);
        var violations = new ArrayList<>(HouseholdComposition.check(in.members().stream()
                .map(m -> new HouseholdComposition.Member(m.nik(), m.sex(), m.birthDate(), m.relationship()))
                .toList(), today));
        violations.addAll(unknownDistricts(in.members().stream().map(HouseholdApi.MemberInput::nik).toList()));
        if ((in.desil() == null) != (in.desilPeriod() == null)) {
            violations.add(new Violation("desilPeriod", "DESIL_PERIOD", "desil and desilPeriod come together, or neither"));
        }
        rejectIfAny(violations, "Household is not valid");
        requireKkFree(in.noKk(), "noKk");
    }

    @Transactional
    public HouseholdApi.HouseholdView register(HouseholdApi.RegisterHousehold in, String actor, RegionScope scope) {
        var village = RegionCode.of(in.villageCode());
        scope.require(village);
        checkNew(in);
        LocalDate today = LocalDate.now(clock);
        var niks = in.members().stream().map(HouseholdApi.MemberInput::nik).toList();
        requireNotHoused(niks);

        var household = new HouseholdEntity();
        household.id = UUID.randomUUID();
        HouseholdMapper.apply(in, household);
        household.createdAt = clock.instant();
        household.updatedAt = household.createdAt;
        household.persist();

        Map<String, PersonEntity> known = PersonEntity.<PersonEntity>list("nik in ?1", niks).stream()
                .collect(Collectors.toMap(p -> p.nik, Function.identity()));
        for (var m : in.members()) {
            var person = known.computeIfAbsent(m.nik(), nik -> {
                var p = new PersonEntity();
                p.createdAt = clock.instant();
                return p;
            });
            HouseholdMapper.apply(m, person);
            person.updatedAt = clock.instant();
            person.persist();
            join(household.id, m.nik(), m.relationship().name(), today);
        }
        if (household.desil != null) {
            desilHistory.record(household.id, household.desil, household.desilPeriod, "registration", actor);
        }
        HouseholdEntity.flush();
        var memberships = MembershipEntity.current(household.id);
        var view = HouseholdMapper.view(household, memberships, known);
        changeLog.record("household", household.id.toString(), "REGISTERED", actor, "registration", null, view);
        events.published(HouseholdEvents.REGISTERED, household, memberships, known);
        LOG.infof("household %s registered in %s with %d members by %s", household.id, village, memberships.size(), actor);
        return view;
    }

    @Transactional
    public HouseholdApi.HouseholdView update(UUID id, long expectedVersion, HouseholdApi.UpdateHousehold in,
            String actor, RegionScope scope) {
        var household = changes.lockForChange(id, expectedVersion, scope);
        var before = changes.view(household);
        household.address = in.address().strip();
        household.rt = in.rt();
        household.rw = in.rw();
        HouseholdMapper.apply(in.socioEconomic(), household);
        return changes.changed(household, HouseholdEvents.UPDATED, "UPDATED", actor, in.reason(), before);
    }

    @Transactional
    public HouseholdApi.HouseholdView setDesil(UUID id, Long expectedVersion, HouseholdApi.SetDesil in, String actor,
            RegionScope scope) {
        if ((in.desil() == null) != (in.desilPeriod() == null)) {
            throw ProblemException.invalid("desilPeriod", "desil and desilPeriod come together, or neither (no desil yet)");
        }
        var household = changes.lockForChange(id, expectedVersion, scope);
        if (in.desilPeriod() != null && household.desilPeriod != null
                && in.desilPeriod().compareTo(household.desilPeriod) < 0) {
            throw ProblemException.conflict("household already has a desil for " + household.desilPeriod
                    + ", newer than " + in.desilPeriod());
        }
        var before = changes.view(household);
        household.desil = in.desil() == null ? null : in.desil().shortValue();
        household.desilPeriod = in.desilPeriod();
        desilHistory.record(id, household.desil, household.desilPeriod, in.source(), actor);
        return changes.changed(household, HouseholdEvents.UPDATED, "DESIL", actor, in.source(), before);
    }

    @Transactional
    public HouseholdApi.HouseholdView find(UUID id, RegionScope scope, String why) {
        HouseholdEntity household = HouseholdEntity.findById(id);
        if (household == null) {
            throw ProblemException.notFound("household", id);
        }
        requireScopeAudited(household, scope, "READ", why);
        audit.record("READ", "household", id.toString(), why);
        return changes.view(household);
    }

    /** A read outside the caller's regions is refused, and the refusal is on record like the read would be. */
    private void requireScopeAudited(HouseholdEntity household, RegionScope scope, String action, String why) {
        try {
            scope.require(RegionCode.of(household.villageCode));
        } catch (ProblemException refused) {
            audit.recordRefused(action, "household", household.id.toString(), why);
            throw refused;
        }
    }

    /** The household as it was recorded at the end of {@code date} (UTC), from its change history. */
    @Transactional
    public HouseholdApi.HouseholdView asOf(UUID id, LocalDate date, RegionScope scope, String why) {
        HouseholdEntity household = HouseholdEntity.findById(id);
        if (household == null) {
            throw ProblemException.notFound("household", id);
        }
        requireScopeAudited(household, scope, "READ_AS_OF", why);
        audit.record("READ_AS_OF", "household", id.toString(), why);
        var state = changeLog.stateAsOf("household", id.toString(), date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC))
                .orElseThrow(() -> ProblemException.notFound("state of household " + id + " on", date));
        try {
            return json.readValue(state, HouseholdApi.HouseholdView.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable history of household " + id, e);
        }
    }

    @Transactional
    public List<DesilHistory.Entry> desilHistory(UUID id, RegionScope scope) {
        HouseholdEntity household = HouseholdEntity.findById(id);
        if (household == null) {
            throw ProblemException.notFound("household", id);
        }
        scope.require(RegionCode.of(household.villageCode));
        return desilHistory.of(id);
    }

    // --- rules shared with life events and proposals ---

    static void join(UUID household, String nik, String relationship, LocalDate from) {
        var membership = new MembershipEntity();
        membership.householdId = household;
        membership.nik = nik;
        membership.relationship = relationship;
        membership.validFrom = from;
        membership.persist();
    }

    static void requireVillage(RegionCode village, String field) {
        RegionEntity region = RegionEntity.findById(village.value());
        if (region == null || region.level != 4) {
            throw ProblemException.invalid(field, "village " + village + " is not a Kemendagri village code");
        }
    }

    /** A new family card: 16 digits beginning with a Kemendagri district (PPKKCC), and on no active household. */
    static void requireKkFree(String noKk, String field) {
        var problem = NoKk.problemWith(noKk);
        if (problem.isPresent()) {
            throw ProblemException.invalid(field, problem.get());
        }
        RegionEntity district = RegionEntity.findById(RegionCode.dotted(noKk.substring(0, 6)));
        if (district == null || district.level != 3) {
            throw ProblemException.invalid(field, "No. KK does not begin with a Kemendagri district code (PPKKCC)");
        }
        if (HouseholdEntity.findActiveByNoKk(noKk).isPresent()) {
            throw ProblemException.conflict("No. KK " + Masking.nik(noKk) + " is already registered");
        }
    }

    static void requireNotHoused(List<String> niks) {
        var housed = MembershipEntity.currentlyHoused(niks);
        if (!housed.isEmpty()) {
            var masked = housed.stream().map(Masking::nik).toList();
            throw new ProblemException(409, "already-member", "Person already in a household",
                    "these persons are members of another active household: " + masked, Map.of("niks", masked));
        }
    }

    static void rejectIfAny(List<Violation> violations, String title) {
        if (!violations.isEmpty()) {
            throw new ProblemException(400, "validation", title,
                    violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")),
                    Map.of("violations", violations));
        }
    }

    /** NIKs whose district code is not a Kemendagri district. */
    static List<Violation> unknownDistricts(List<String> niks) {
        var districts = niks.stream().filter(nik -> Nik.problemWith(nik).isEmpty())
                .map(nik -> Nik.of(nik).districtCode().value()).distinct().toList();
        if (districts.isEmpty()) {
            return List.of();
        }
        var existing = RegionEntity.existing(districts);
        var out = new ArrayList<Violation>();
        for (int i = 0; i < niks.size(); i++) {
            var nik = niks.get(i);
            if (Nik.problemWith(nik).isEmpty() && !existing.contains(Nik.of(nik).districtCode().value())) {
                out.add(new Violation("members[" + i + "].nik", "UNKNOWN_DISTRICT",
                        "NIK district code " + Nik.of(nik).districtCode() + " is not a Kemendagri district"));
            }
        }
        return out;
    }
}
