package id.lumbung.registry.domain;

import id.lumbung.platform.id.Nik;
import id.lumbung.platform.id.Sex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The rules a family card must satisfy before it enters the registry: one head, each NIK once,
 * NIKs that agree with the declared sex and birth date, nobody born in the future.
 */
public final class HouseholdComposition {

    /** What the rules need to know about a member. */
    public record Member(String nik, Sex sex, LocalDate birthDate, Relationship relationship) {
    }

    private HouseholdComposition() {
    }

    public static List<Violation> check(List<Member> members, LocalDate today) {
        var violations = new ArrayList<Violation>();
        if (members.isEmpty()) {
            violations.add(new Violation("members", "NO_MEMBERS", "a family has at least one member"));
            return violations;
        }
        long heads = members.stream().filter(m -> m.relationship() == Relationship.KEPALA_KELUARGA).count();
        if (heads != 1) {
            violations.add(new Violation("members", "ONE_HEAD",
                    "a family has exactly one KEPALA_KELUARGA, this one has " + heads));
        }
        var seen = new HashSet<String>();
        for (int i = 0; i < members.size(); i++) {
            var m = members.get(i);
            String field = "members[" + i + "]";
            if (!seen.add(m.nik())) {
                violations.add(new Violation(field + ".nik", "DUPLICATE_NIK", "the same NIK appears twice on one KK"));
            }
            var problem = Nik.problemWith(m.nik());
            if (problem.isPresent()) {
                violations.add(new Violation(field + ".nik", "INVALID_NIK", problem.get()));
                continue;
            }
            if (m.birthDate().isAfter(today)) {
                violations.add(new Violation(field + ".birthDate", "BORN_IN_FUTURE", "birth date is in the future"));
            } else if (!Nik.of(m.nik()).agreesWith(m.sex(), m.birthDate())) {
                violations.add(new Violation(field + ".nik", "NIK_MISMATCH",
                        "NIK does not encode the declared sex and birth date (DDMMYY, day + 40 for women)"));
            }
        }
        return violations;
    }
}
