package id.lumbung.eligibility.domain;

import static id.lumbung.eligibility.domain.Families.adult;
import static id.lumbung.eligibility.domain.Families.born;
import static id.lumbung.eligibility.domain.Families.codes;
import static id.lumbung.eligibility.domain.Families.deceased;
import static id.lumbung.eligibility.domain.Families.deciding;
import static id.lumbung.eligibility.domain.Families.disabled;
import static id.lumbung.eligibility.domain.Families.family;
import static id.lumbung.eligibility.domain.Families.moved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lumbung.eligibility.domain.policy.DesilBand;
import id.lumbung.eligibility.domain.policy.EmploymentExclusion;
import id.lumbung.eligibility.domain.policy.HasCountedMembers;
import id.lumbung.eligibility.domain.policy.HouseholdActive;
import id.lumbung.eligibility.domain.policy.IncomeBelowPovertyLine;
import id.lumbung.eligibility.domain.policy.NoOtherAid;
import id.lumbung.eligibility.domain.policy.NotCombinedWith;
import id.lumbung.eligibility.domain.policy.PkhComponent;
import id.lumbung.eligibility.domain.policy.VulnerableMember;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Each policy, case by case: what a family is told and when. */
class PoliciesTest {

    static final Set<EmploymentFact> ALL_EXCLUSIONS = EnumSet.allOf(EmploymentFact.class);

    @Nested
    class HouseholdActiveTest {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(nullValues = "-", value = { "ACTIVE, -", "DISSOLVED, HOUSEHOLD_NOT_ACTIVE" })
        void onlyAStandingKkReceivesAid(HouseholdStatus status, String expected) {
            var verdict = new HouseholdActive().check(family(3, null, status, adult()), deciding("BLTS_KESRA_2025"));
            assertThat(codes(verdict)).isEqualTo(expected == null ? List.of() : List.of(expected));
        }
    }

    @Nested
    class HasCountedMembersTest {

        static Stream<Arguments> families() {
            return Stream.of(
                    Arguments.of("one living member", List.of(adult()), true),
                    Arguments.of("head deceased, wife alive", List.of(deceased(adult()), disabled()), true),
                    Arguments.of("all deceased", List.of(deceased(adult()), deceased(disabled())), false),
                    Arguments.of("deceased and moved", List.of(deceased(adult()), moved(disabled())), false),
                    Arguments.of("all moved", List.of(moved(adult())), false),
                    Arguments.of("no members at all", List.of(), false));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("families")
        void aFamilyOfOnlyDeceasedOrMovedMembersIsNotEligible(String label, List<Member> members, boolean eligible) {
            var verdict = new HasCountedMembers().check(family(2, members.toArray(Member[]::new)), deciding("PKH"));
            assertThat(verdict.eligible()).isEqualTo(eligible);
            if (!eligible) {
                assertThat(codes(verdict)).containsExactly("NO_LIVING_MEMBER");
            }
        }
    }

    @Nested
    class DesilBandTest {

        @ParameterizedTest(name = "desil {2} in {0}-{1} -> {3}")
        @CsvSource(nullValues = "-", value = {
                "1, 4, 1, -",
                "1, 4, 3, -",
                "1, 4, 4, -",
                "1, 4, 5, DESIL_OUTSIDE_BAND",
                "1, 4, 10, DESIL_OUTSIDE_BAND",
                "1, 5, 5, -",
                "1, 5, 6, DESIL_OUTSIDE_BAND",
                "2, 4, 1, DESIL_OUTSIDE_BAND",
                "1, 4, -, DESIL_NOT_YET",
                "1, 5, -, DESIL_NOT_YET" })
        void theBandIsInclusive(int min, int max, Integer desil, String expected) {
            var verdict = new DesilBand(min, max).check(family(desil, adult()), deciding("SEMBAKO"));
            assertThat(codes(verdict)).isEqualTo(expected == null ? List.of() : List.of(expected));
        }

        @Test
        void aFamilyWithoutDesilIsToldToUpdateItsDataThroughTheVillage() {
            var reason = new DesilBand(1, 4).check(family(null, adult()), deciding("BLTS_KESRA_2025")).reasons().getFirst();
            assertThat(reason.id()).contains("belum ada desil").contains("desa/kelurahan");
            assertThat(reason.en()).contains("no desil").contains("village");
        }

        @Test
        void aFamilyOutsideTheBandHearsItsDesilAndTheBand() {
            var reason = new DesilBand(1, 4).check(family(7, adult()), deciding("BLTS_KESRA_2025")).reasons().getFirst();
            assertThat(reason.id()).isEqualTo("Keluarga berada di desil 7, sedangkan program ini untuk desil 1-4.");
        }

        @Test
        void aBandOutsideOneToTenIsRefused() {
            assertThatThrownBy(() -> new DesilBand(0, 4)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new DesilBand(5, 4)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class EmploymentExclusionTest {

        static Stream<Arguments> families() {
            return Stream.of(
                    Arguments.of("no excluded status", List.of(adult(), disabled()), List.of()),
                    Arguments.of("ASN head", List.of(adult("ASN")), List.of("EXCLUDED_ASN_TNI_POLRI")),
                    Arguments.of("TNI head", List.of(adult("TNI")), List.of("EXCLUDED_ASN_TNI_POLRI")),
                    Arguments.of("POLRI head", List.of(adult("POLRI")), List.of("EXCLUDED_ASN_TNI_POLRI")),
                    Arguments.of("ASN and TNI: one status group", List.of(adult("ASN"), born(LocalDate.of(1990, 1, 1), "TNI")),
                            List.of("EXCLUDED_ASN_TNI_POLRI")),
                    Arguments.of("retired ASN", List.of(adult("PENSIUNAN_ASN")), List.of("EXCLUDED_PENSIUNAN_ASN_TNI_POLRI")),
                    Arguments.of("retired TNI", List.of(adult("PENSIUNAN_TNI")), List.of("EXCLUDED_PENSIUNAN_ASN_TNI_POLRI")),
                    Arguments.of("retired POLRI", List.of(adult("PENSIUNAN_POLRI")), List.of("EXCLUDED_PENSIUNAN_ASN_TNI_POLRI")),
                    Arguments.of("pendamping sosial", List.of(adult("PENDAMPING_SOSIAL")), List.of("EXCLUDED_PENDAMPING_SOSIAL")),
                    Arguments.of("certified teacher", List.of(adult("GURU_BERSERTIFIKAT")), List.of("EXCLUDED_GURU_BERSERTIFIKAT")),
                    Arguments.of("APBN/APBD income", List.of(adult("PENGHASILAN_APBN_APBD")), List.of("EXCLUDED_PENGHASILAN_APBN_APBD")),
                    Arguments.of("BUMN employee", List.of(adult("PEGAWAI_BUMN")), List.of("EXCLUDED_PEGAWAI_BUMN")),
                    Arguments.of("village official wife", List.of(adult(), born(LocalDate.of(1987, 7, 1), "PERANGKAT_DESA")),
                            List.of("EXCLUDED_PERANGKAT_DESA")),
                    Arguments.of("ASN head and village official wife",
                            List.of(adult("ASN"), born(LocalDate.of(1987, 7, 1), "PERANGKAT_DESA")),
                            List.of("EXCLUDED_ASN_TNI_POLRI", "EXCLUDED_PERANGKAT_DESA")),
                    Arguments.of("deceased ASN does not count", List.of(deceased(adult("ASN")), disabled()), List.of()),
                    Arguments.of("moved-away POLRI does not count", List.of(moved(adult("POLRI")), disabled()), List.of()),
                    Arguments.of("a fact no rule excludes", List.of(adult("PETANI")), List.of()));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("families")
        void anyCountedMembersStatusExcludesTheFamily(String label, List<Member> members, List<String> expected) {
            var verdict = new EmploymentExclusion(ALL_EXCLUSIONS).check(family(2, members.toArray(Member[]::new)),
                    deciding("BLT_KD"));
            assertThat(codes(verdict)).isEqualTo(expected);
        }

        @Test
        void theReasonNamesTheStatusNeverTheMember() {
            var reason = new EmploymentExclusion(ALL_EXCLUSIONS).check(family(2, adult("ASN")), deciding("BLTS_KESRA_2025"))
                    .reasons().getFirst();
            assertThat(reason.id()).contains("keluarga ASN/TNI/POLRI").doesNotContain("SLAMET").doesNotContain("3320");
            assertThat(reason.en()).contains("ASN/TNI/POLRI").doesNotContain("SLAMET");
        }

        @Test
        void onlyTheFactsTheRuleListsExclude() {
            var verdict = new EmploymentExclusion(Set.of(EmploymentFact.ASN)).check(family(2, adult("PERANGKAT_DESA")),
                    deciding("BLT_DD"));
            assertThat(verdict.eligible()).isTrue();
        }
    }

    @Nested
    class VulnerableMemberTest {

        static Stream<Arguments> families() {
            return Stream.of(
                    Arguments.of("60 on the first day of the period", List.of(born(LocalDate.of(1965, 10, 1))), true),
                    Arguments.of("59, turning 60 a day later", List.of(born(LocalDate.of(1965, 10, 2))), false),
                    Arguments.of("child of 5", List.of(adult(), born(LocalDate.of(2019, 10, 2))), true),
                    Arguments.of("child turned 6 on the first day", List.of(adult(), born(LocalDate.of(2019, 10, 1))), false),
                    Arguments.of("member with a disability", List.of(adult(), disabled()), true),
                    Arguments.of("two working-age adults", List.of(adult(), born(LocalDate.of(1987, 7, 1))), false),
                    Arguments.of("deceased grandmother does not count", List.of(adult(), deceased(born(LocalDate.of(1940, 1, 1)))), false),
                    Arguments.of("moved-away child does not count", List.of(adult(), moved(born(LocalDate.of(2022, 1, 1)))), false));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("families")
        void elderlyYoungChildOrDisability(String label, List<Member> members, boolean eligible) {
            var verdict = new VulnerableMember(60, 6, true).check(family(2, members.toArray(Member[]::new)),
                    deciding("SEMBAKO"));
            assertThat(verdict.eligible()).isEqualTo(eligible);
            if (!eligible) {
                assertThat(codes(verdict)).containsExactly("NO_VULNERABLE_MEMBER");
            }
        }

        @Test
        void disabilityCountsOnlyWhenTheRuleSaysSo() {
            var verdict = new VulnerableMember(60, 6, false).check(family(2, adult(), disabled()), deciding("SEMBAKO"));
            assertThat(codes(verdict)).containsExactly("NO_VULNERABLE_MEMBER");
            assertThat(verdict.reasons().getFirst().id()).doesNotContain("disabilitas");
        }
    }

    @Nested
    class IncomeBelowPovertyLineTest {

        @ParameterizedTest(name = "income {0} for {1} counted of {2} members -> {3}")
        @CsvSource(nullValues = "-", value = {
                "-, 2, 2, INCOME_NOT_RECORDED",
                "0, 2, 2, -",
                "959999, 2, 2, -",
                "960000, 2, 2, INCOME_ABOVE_POVERTY_LINE",
                "479999, 1, 1, -",
                "480000, 1, 1, INCOME_ABOVE_POVERTY_LINE",
                "700000, 1, 2, INCOME_ABOVE_POVERTY_LINE",
                "700000, 2, 2, -" })
        void incomePerCountedPersonBelowTheLine(Long income, int counted, int members, String expected) {
            var list = new java.util.ArrayList<Member>();
            for (int i = 0; i < members; i++) {
                list.add(i < counted ? adult() : deceased(adult()));
            }
            var household = family(3, income, HouseholdStatus.ACTIVE, list.toArray(Member[]::new));
            var verdict = new IncomeBelowPovertyLine(480_000).check(household, deciding("SEMBAKO"));
            assertThat(codes(verdict)).isEqualTo(expected == null ? List.of() : List.of(expected));
        }

        @Test
        void theReasonGivesTheLineInRupiah() {
            var verdict = new IncomeBelowPovertyLine(480_000)
                    .check(family(3, 5_000_000L, HouseholdStatus.ACTIVE, adult()), deciding("SEMBAKO"));
            assertThat(verdict.reasons().getFirst().id()).contains("Rp480.000 per orang per bulan");
        }
    }

    @Nested
    class PkhComponentTest {

        static Stream<Arguments> families() {
            return Stream.of(
                    Arguments.of("toddler", List.of(adult(), born(LocalDate.of(2023, 5, 1))), true),
                    Arguments.of("pupil of 15", List.of(adult(), born(LocalDate.of(2010, 5, 1))), true),
                    Arguments.of("student of 20", List.of(adult(), born(LocalDate.of(2005, 5, 1))), true),
                    Arguments.of("young adult of 21", List.of(adult(), born(LocalDate.of(2004, 5, 1))), false),
                    Arguments.of("elderly of 70", List.of(born(LocalDate.of(1955, 5, 1))), true),
                    Arguments.of("disability", List.of(adult(), disabled()), true),
                    Arguments.of("two working-age adults only", List.of(adult(), born(LocalDate.of(1990, 5, 1))), false),
                    Arguments.of("deceased child does not count", List.of(adult(), deceased(born(LocalDate.of(2023, 5, 1)))), false));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("families")
        void atLeastOneComponent(String label, List<Member> members, boolean eligible) {
            var verdict = new PkhComponent(6, 21, 60).check(family(2, members.toArray(Member[]::new)), deciding("PKH"));
            assertThat(verdict.eligible()).isEqualTo(eligible);
        }
    }

    @Nested
    class NoDoubleAidTest {

        @ParameterizedTest(name = "receives {0} -> {1}")
        @CsvSource(nullValues = "-", value = {
                "-, -",
                "PBI_JKN, -",
                "BLT_KD, -",
                "PKH, ALREADY_RECEIVING",
                "SEMBAKO;BLT_DD, ALREADY_RECEIVING" })
        void bltKdIsNotCombinedWithPkhSembakoOrBltDd(String received, String expected) {
            String[] aid = received == null ? new String[0] : received.split(";");
            var verdict = new NotCombinedWith(Set.of("PKH", "SEMBAKO", "BLT_DD")).check(family(3, adult()),
                    deciding("BLT_KD", aid));
            assertThat(codes(verdict)).isEqualTo(expected == null ? List.of() : List.of(expected));
        }

        @Test
        void theReasonNamesTheProgramsAlreadyReceived() {
            var verdict = new NotCombinedWith(Set.of("PKH", "SEMBAKO", "BLT_DD")).check(family(3, adult()),
                    deciding("BLT_KD", "SEMBAKO", "PKH", "PBI_JKN"));
            assertThat(verdict.reasons().getFirst().id()).startsWith("Keluarga sudah menerima PKH, SEMBAKO;");
        }

        @ParameterizedTest(name = "receives {0} -> {1}")
        @CsvSource(nullValues = "-", value = {
                "-, -",
                "SEMBAKO, -",
                "PKH, RECEIVES_OTHER_AID",
                "PBI_JKN, RECEIVES_OTHER_AID" })
        void jeparaSembakoOnlyForFamiliesWithoutOtherAid(String received, String expected) {
            String[] aid = received == null ? new String[0] : received.split(";");
            var verdict = new NoOtherAid().check(family(3, adult()), deciding("SEMBAKO", aid));
            assertThat(codes(verdict)).isEqualTo(expected == null ? List.of() : List.of(expected));
        }
    }
}
