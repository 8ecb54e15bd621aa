package id.lumbung.eligibility.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Households for policy tests, decided for 2025-Q4 (ages counted on 1 October 2025). */
public final class Families {

    public static final ProgramPeriod Q4_2025 = ProgramPeriod.parse("2025-Q4");
    public static final String KARANGKEBAGUSAN = "33.20.06.1001";

    private Families() {
    }

    public static Circumstances deciding(String program, String... aidReceived) {
        return new Circumstances(program, Q4_2025, Set.of(aidReceived));
    }

    public static Member adult(String... employment) {
        return born(LocalDate.of(1985, 7, 1), employment);
    }

    public static Member born(LocalDate birthDate, String... employment) {
        return new Member("3320060107850001", "SLAMET RIYADI", "MALE", birthDate, "KEPALA_KELUARGA", null,
                Set.of(employment), LifeStatus.ALIVE, null);
    }

    public static Member disabled() {
        return new Member("3320064107870002", "SITI AMINAH", "FEMALE", LocalDate.of(1987, 7, 1), "ISTRI",
                "DISABILITAS_FISIK", Set.of(), LifeStatus.ALIVE, null);
    }

    public static Member deceased(Member m) {
        return new Member(m.nik(), m.fullName(), m.sex(), m.birthDate(), m.relationship(), m.disability(),
                m.employment(), LifeStatus.DECEASED, LocalDate.of(2025, 3, 1));
    }

    public static Member moved(Member m) {
        return new Member(m.nik(), m.fullName(), m.sex(), m.birthDate(), m.relationship(), m.disability(),
                m.employment(), LifeStatus.MOVED, null);
    }

    public static Household family(Integer desil, Member... members) {
        return family(desil, null, HouseholdStatus.ACTIVE, members);
    }

    public static Household family(Integer desil, Long income, HouseholdStatus status, Member... members) {
        return new Household(UUID.fromString("7f0c1a52-0000-4000-8000-000000000001"), "3320060101200001",
                KARANGKEBAGUSAN, desil, desil == null ? null : "2025-Q4", status, 4, true, income, List.of(members));
    }

    public static List<String> codes(Verdict verdict) {
        return verdict.reasons().stream().map(Reason::code).toList();
    }
}
