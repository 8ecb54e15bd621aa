package id.lumbung.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;

import id.lumbung.platform.id.Sex;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HouseholdCompositionTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final HouseholdComposition.Member HEAD = new HouseholdComposition.Member("3320060107850001", Sex.MALE,
            LocalDate.of(1985, 7, 1), Relationship.KEPALA_KELUARGA);
    static final HouseholdComposition.Member WIFE = new HouseholdComposition.Member("3320064107870001", Sex.FEMALE,
            LocalDate.of(1987, 7, 1), Relationship.ISTRI);

    @Test
    void aWellFormedFamilyPasses() {
        assertThat(HouseholdComposition.check(List.of(HEAD, WIFE), TODAY)).isEmpty();
    }

    @Test
    void aFamilyHasExactlyOneHead() {
        assertThat(codes(List.of(WIFE))).containsExactly("ONE_HEAD");
        var secondHead = new HouseholdComposition.Member(WIFE.nik(), WIFE.sex(), WIFE.birthDate(), Relationship.KEPALA_KELUARGA);
        assertThat(codes(List.of(HEAD, secondHead))).containsExactly("ONE_HEAD");
        assertThat(codes(List.of())).containsExactly("NO_MEMBERS");
    }

    @Test
    void eachNikOnceAndAgreeingWithSexAndBirthDate() {
        assertThat(codes(List.of(HEAD, HEAD))).contains("DUPLICATE_NIK", "ONE_HEAD");
        var wrongSex = new HouseholdComposition.Member(WIFE.nik(), Sex.MALE, WIFE.birthDate(), Relationship.ISTRI);
        assertThat(codes(List.of(HEAD, wrongSex))).containsExactly("NIK_MISMATCH");
        var notANik = new HouseholdComposition.Member("3320069907870001", Sex.FEMALE, WIFE.birthDate(), Relationship.ANAK);
        assertThat(codes(List.of(HEAD, notANik))).containsExactly("INVALID_NIK");
        var unborn = new HouseholdComposition.Member("3320060101270001", Sex.MALE, LocalDate.of(2027, 1, 1), Relationship.ANAK);
        assertThat(codes(List.of(HEAD, unborn))).containsExactly("BORN_IN_FUTURE");
    }

    private static List<String> codes(List<HouseholdComposition.Member> members) {
        return HouseholdComposition.check(members, TODAY).stream().map(Violation::code).toList();
    }
}
