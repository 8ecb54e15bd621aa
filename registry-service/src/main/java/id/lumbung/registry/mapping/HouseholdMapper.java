package id.lumbung.registry.mapping;

import id.lumbung.platform.id.Sex;
import id.lumbung.registry.domain.EmploymentFact;
import id.lumbung.registry.domain.LifeStatus;
import id.lumbung.registry.domain.Relationship;
import id.lumbung.registry.persistence.HouseholdEntity;
import id.lumbung.registry.persistence.MembershipEntity;
import id.lumbung.registry.persistence.PersonEntity;
import id.lumbung.registry.rest.HouseholdApi;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Household entities ↔ API models. */
public final class HouseholdMapper {

    private HouseholdMapper() {
    }

    public static void apply(HouseholdApi.RegisterHousehold in, HouseholdEntity h) {
        h.noKk = in.noKk();
        h.villageCode = in.villageCode();
        h.address = in.address().strip();
        h.rt = in.rt();
        h.rw = in.rw();
        apply(in.socioEconomic(), h);
        h.desil = in.desil() == null ? null : in.desil().shortValue();
        h.desilPeriod = in.desilPeriod();
    }

    public static void apply(HouseholdApi.SocioEconomic se, HouseholdEntity h) {
        if (se != null) {
            h.housingTenure = se.housingTenure();
            h.floorAreaM2 = se.floorAreaM2();
            h.floorType = se.floorType();
            h.wallType = se.wallType();
            h.roofType = se.roofType();
            h.waterSource = se.waterSource();
            h.toilet = se.toilet();
            h.electricityVa = se.electricityVa();
            h.landAreaM2 = se.landAreaM2();
            h.assets = se.assets() == null ? new String[0] : se.assets().toArray(String[]::new);
            h.livestock = se.livestock() == null ? Map.of() : se.livestock();
            h.monthlyIncome = se.monthlyIncome();
            h.kksCard = se.kksCard();
        }
    }

    public static void apply(HouseholdApi.MemberInput in, PersonEntity p) {
        p.nik = in.nik();
        p.fullName = in.fullName().strip().toUpperCase(java.util.Locale.ROOT);
        p.sex = in.sex().name();
        p.birthDate = in.birthDate();
        p.birthPlace = in.birthPlace();
        p.maritalStatus = in.maritalStatus();
        p.education = in.education();
        p.occupation = in.occupation();
        p.disability = in.disability();
        p.employment = in.employment() == null ? new String[0]
                : in.employment().stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    public static HouseholdApi.HouseholdView view(HouseholdEntity h, List<MembershipEntity> memberships,
            Map<String, PersonEntity> persons) {
        var members = memberships.stream().map(m -> member(persons.get(m.nik), m)).toList();
        var se = new HouseholdApi.SocioEconomic(h.housingTenure, h.floorAreaM2, h.floorType, h.wallType, h.roofType,
                h.waterSource, h.toilet, h.electricityVa, h.landAreaM2, List.of(h.assets), h.livestock,
                h.monthlyIncome, h.kksCard);
        return new HouseholdApi.HouseholdView(h.id, h.noKk, h.villageCode, h.address, h.rt, h.rw, se,
                h.desil == null ? null : h.desil.intValue(), h.desilPeriod, h.status, h.version, members);
    }

    public static HouseholdApi.MemberView member(PersonEntity p, MembershipEntity m) {
        return new HouseholdApi.MemberView(p.nik, p.fullName, Sex.valueOf(p.sex), p.birthDate, p.birthPlace,
                Relationship.valueOf(m.relationship), p.maritalStatus, p.education, p.occupation, p.disability,
                employment(p), LifeStatus.valueOf(p.lifeStatus), p.deathDate, m.validFrom);
    }

    public static java.util.Set<EmploymentFact> employment(PersonEntity p) {
        return Arrays.stream(p.employment).map(EmploymentFact::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(EmploymentFact.class)));
    }
}
