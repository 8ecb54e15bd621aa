package id.lumbung.registry.service;

import id.lumbung.platform.audit.AuditLog;
import id.lumbung.platform.id.Masking;
import id.lumbung.platform.id.Nik;
import id.lumbung.platform.id.RegionCode;
import id.lumbung.platform.problem.ProblemException;
import id.lumbung.platform.security.RegionScope;
import id.lumbung.registry.domain.HouseholdComposition;
import id.lumbung.registry.domain.Violation;
import id.lumbung.registry.events.HouseholdEvents;
import id.lumbung.registry.mapping.HouseholdMapper;
import id.lumbung.registry.persistence.ChangeLog;
import id.lumbung.registry.persistence.HouseholdEntity;
import id.lumbung.registry.persistence.MembershipEntity;
import id.lumbung.registry.persistence.PersonEntity;
import id.lumbung.registry.persistence.RegionEntity;
import id.lumbung.registry.rest.HouseholdApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/** Registers and reads households: validation, scope, persistence, history and the event, in one transaction. */
@ApplicationScoped
public class HouseholdService {

    private static final Logger LOG = Logger.getLogger(HouseholdService.class);

    private final HouseholdEvents events;
    private final ChangeLog changes;
    private final Clock clock;

    private final AuditLog audit;

    public HouseholdService(HouseholdEvents events, ChangeLog changes, AuditLog audit, Clock clock) {
        this.events = events;
        this.audit = audit;
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional
    public HouseholdApi.HouseholdView register(HouseholdApi.RegisterHousehold in, String actor, RegionScope scope) {
        var village = RegionCode.of(in.villageCode());
        scope.require(village);
        RegionEntity region = RegionEntity.findById(village.value());
        if (region == null || region.level != 4) {
            throw ProblemException.invalid("villageCode", "village " + village + " is not a Kemendagri village code");
        }
        LocalDate today = LocalDate.now(clock);
        var violations = HouseholdComposition.check(in.members().stream()
                .map(m -> new HouseholdComposition.Member(m.nik(), m.sex(), m.birthDate(), m.relationship()))
                .toList(), today);
        violations = new java.util.ArrayList<>(violations);
        violations.addAll(unknownDistricts(in));
        if (!violations.isEmpty()) {
            throw new ProblemException(400, "validation", "Household is not valid",
                    violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")),
                    Map.of("violations", violations));
        }
        if (HouseholdEntity.findActiveByNoKk(in.noKk()).isPresent()) {
            throw ProblemException.conflict("No. KK " + Masking.nik(in.noKk()) + " is already registered");
        }
        var niks = in.members().stream().map(HouseholdApi.MemberInput::nik).toList();
        var housed = MembershipEntity.currentlyHoused(niks);
        if (!housed.isEmpty()) {
            throw new ProblemException(409, "already-member", "Person already in a household",
                    "these persons are members of another active household: "
                            + housed.stream().map(Masking::nik).toList(),
                    Map.of("niks", housed.stream().map(Masking::nik).toList()));
        }

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
            var membership = new MembershipEntity();
            membership.householdId = household.id;
            membership.nik = m.nik();
            membership.relationship = m.relationship().name();
            membership.validFrom = today;
            membership.persist();
        }
        HouseholdEntity.flush();
        var memberships = MembershipEntity.current(household.id);
        var view = HouseholdMapper.view(household, memberships, known);
        changes.record("household", household.id.toString(), "REGISTERED", actor, "registration", null, view);
        events.published(HouseholdEvents.REGISTERED, household, memberships, known);
        LOG.infof("household %s registered in %s with %d members by %s", household.id, village, memberships.size(), actor);
        return view;
    }

    @Transactional
    public HouseholdApi.HouseholdView find(UUID id, RegionScope scope) {
        HouseholdEntity household = HouseholdEntity.findById(id);
        if (household == null) {
            throw ProblemException.notFound("household", id);
        }
        scope.require(RegionCode.of(household.villageCode));
        audit.record("READ", "household", id.toString(), null);
        var memberships = MembershipEntity.current(id);
        Map<String, PersonEntity> persons = PersonEntity.<PersonEntity>list("nik in ?1",
                memberships.stream().map(m -> m.nik).toList()).stream()
                .collect(Collectors.toMap(p -> p.nik, Function.identity()));
        return HouseholdMapper.view(household, memberships, persons);
    }

    /** NIKs whose district code is not a Kemendagri district. */
    private static List<Violation> unknownDistricts(HouseholdApi.RegisterHousehold in) {
        var districts = in.members().stream().map(HouseholdApi.MemberInput::nik)
                .filter(nik -> Nik.problemWith(nik).isEmpty())
                .map(nik -> Nik.of(nik).districtCode().value()).distinct().toList();
        if (districts.isEmpty()) {
            return List.of();
        }
        var existing = RegionEntity.existing(districts);
        var out = new java.util.ArrayList<Violation>();
        for (int i = 0; i < in.members().size(); i++) {
            var nik = in.members().get(i).nik();
            if (Nik.problemWith(nik).isEmpty() && !existing.contains(Nik.of(nik).districtCode().value())) {
                out.add(new Violation("members[" + i + "].nik", "UNKNOWN_DISTRICT",
                        "NIK district code " + Nik.of(nik).districtCode() + " is not a Kemendagri district"));
            }
        }
        return out;
    }
}
