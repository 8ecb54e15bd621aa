package id.lumbung.eligibility.domain;

import static id.lumbung.eligibility.domain.Families.adult;
import static id.lumbung.eligibility.domain.Families.born;
import static id.lumbung.eligibility.domain.Families.deceased;
import static id.lumbung.eligibility.domain.Families.disabled;
import static id.lumbung.eligibility.domain.Families.family;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lumbung.eligibility.domain.policy.DesilBand;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The evaluator over whole rule versions as seeded, and the choice of rule per region. */
class ProgramRulesTest {

    static final ProgramRule BLTS = rule("BLTS_KESRA_2025", 1, null, 1, 4, List.of(), Set.of());
    static final ProgramRule SEMBAKO = rule("SEMBAKO", 1, null, 1, 4, List.of(), Set.of());
    static final ProgramRule SEMBAKO_JEPARA = rule("SEMBAKO", 2, "33.20", 1, 4, List.of(
            RequiredConditions.of("VULNERABLE_MEMBER", Map.of("elderlyAge", 60, "childUnderAge", 6, "disability", true)),
            RequiredConditions.of("INCOME_BELOW_POVERTY_LINE", Map.of("povertyLinePerCapita", 480_000)),
            RequiredConditions.of("NO_OTHER_AID", Map.of())), Set.of());
    static final ProgramRule BLT_KD = rule("BLT_KD", 1, null, 1, 5, List.of(), Set.of("PKH", "SEMBAKO", "BLT_DD"));

    static ProgramRule rule(String code, int version, String region, int min, int max, List<EligibilityPolicy> requires,
            Set<String> notWith) {
        return new ProgramRule(code, version, Optional.ofNullable(region), Families.Q4_2025,
                Optional.of(new DesilBand(min, max)), EnumSet.allOf(EmploymentFact.class), requires, notWith);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("desil 3 family, BLTS", BLTS, family(3, adult()), Set.of(), List.of()),
                Arguments.of("ASN family, BLTS", BLTS, family(3, adult("ASN")), Set.of(), List.of("EXCLUDED_ASN_TNI_POLRI")),
                Arguments.of("no desil yet, BLTS", BLTS, family(null, adult()), Set.of(), List.of("DESIL_NOT_YET")),
                Arguments.of("dissolved desil 7 ASN family hears every reason", BLTS,
                        family(7, null, HouseholdStatus.DISSOLVED, adult("ASN")), Set.of(),
                        List.of("HOUSEHOLD_NOT_ACTIVE", "DESIL_OUTSIDE_BAND", "EXCLUDED_ASN_TNI_POLRI")),
                Arguments.of("all members deceased", BLTS, family(2, deceased(adult()), deceased(disabled())), Set.of(),
                        List.of("NO_LIVING_MEMBER")),
                Arguments.of("Jepara: vulnerable, poor, no other aid", SEMBAKO_JEPARA,
                        family(2, 600_000L, HouseholdStatus.ACTIVE, adult(), disabled()), Set.of(), List.of()),
                Arguments.of("Jepara: no vulnerable member and income unknown", SEMBAKO_JEPARA,
                        family(2, adult()), Set.of(), List.of("NO_VULNERABLE_MEMBER", "INCOME_NOT_RECORDED")),
                Arguments.of("Jepara: receives PKH", SEMBAKO_JEPARA,
                        family(2, 600_000L, HouseholdStatus.ACTIVE, adult(), born(LocalDate.of(2022, 1, 1))), Set.of("PKH"),
                        List.of("RECEIVES_OTHER_AID")),
                Arguments.of("BLT KD: desil 5 without other aid", BLT_KD, family(5, adult()), Set.of("PBI_JKN"), List.of()),
                Arguments.of("BLT KD: already on BLT DD", BLT_KD, family(5, adult()), Set.of("BLT_DD"),
                        List.of("ALREADY_RECEIVING")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyFailingReasonInPolicyOrder(String label, ProgramRule rule, Household household, Set<String> aid,
            List<String> expected) {
        var d = ProgramRules.evaluate(rule, household, aid);
        assertThat(d.reasons().stream().map(Reason::code).toList()).isEqualTo(expected);
        assertThat(d.eligible()).isEqualTo(expected.isEmpty());
    }

    @Test
    void aDeterminationCarriesTheRuleAndRegistryVersionsItCameFrom() {
        var household = family(3, adult());
        var d = ProgramRules.evaluate(SEMBAKO_JEPARA, household, Set.of());
        assertThat(d.householdId()).isEqualTo(household.id());
        assertThat(d.villageCode()).isEqualTo(Families.KARANGKEBAGUSAN);
        assertThat(d.programCode()).isEqualTo("SEMBAKO");
        assertThat(d.period()).hasToString("2025-Q4");
        assertThat(d.ruleVersion()).isEqualTo(2);
        assertThat(d.registryVersion()).isEqualTo(4);
    }

    @Test
    void theSameHouseholdAndRuleAlwaysGiveTheSameDetermination() {
        var household = family(2, 600_000L, HouseholdStatus.ACTIVE, adult(), born(LocalDate.of(2020, 10, 1)));
        assertThat(ProgramRules.evaluate(SEMBAKO_JEPARA, household, Set.of()))
                .isEqualTo(ProgramRules.evaluate(SEMBAKO_JEPARA, household, Set.of()));
    }

    @Test
    void theRegionalVariantDecidesInsideItsRegionAndTheNationalRuleElsewhere() {
        var published = List.of(BLTS, SEMBAKO, SEMBAKO_JEPARA, BLT_KD);
        assertThat(ProgramRules.applicable(published, "33.20.06.1001"))
                .extracting(r -> r.programCode() + " v" + r.version())
                .containsExactlyInAnyOrder("BLTS_KESRA_2025 v1", "SEMBAKO v2", "BLT_KD v1");
        assertThat(ProgramRules.applicable(published, "33.21.01.2001"))
                .extracting(r -> r.programCode() + " v" + r.version())
                .containsExactlyInAnyOrder("BLTS_KESRA_2025 v1", "SEMBAKO v1", "BLT_KD v1");
    }

    @Test
    void aNewerVersionOfTheSameScopeReplacesTheOlderOne() {
        var newer = rule("BLTS_KESRA_2025", 2, null, 1, 5, List.of(), Set.of());
        assertThat(ProgramRules.applicable(List.of(newer, BLTS), "11.01.01.2001"))
                .extracting(ProgramRule::version).containsExactly(2);
    }

    @Test
    void eachPeriodIsDecidedByItsOwnRule() {
        var nextQuarter = new ProgramRule("SEMBAKO", 3, Optional.empty(), ProgramPeriod.parse("2026-Q1"),
                Optional.of(new DesilBand(1, 5)), Set.of(), List.of(), Set.of());
        assertThat(ProgramRules.applicable(List.of(SEMBAKO, nextQuarter), "11.01.01.2001"))
                .extracting(r -> r.period().toString()).containsExactlyInAnyOrder("2025-Q4", "2026-Q1");
    }

    @Test
    void anUnknownConditionCannotBeRequired() {
        assertThatThrownBy(() -> RequiredConditions.of("PUNYA_SAWAH", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown condition");
        assertThatThrownBy(() -> RequiredConditions.of("INCOME_BELOW_POVERTY_LINE", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("povertyLinePerCapita");
    }

    @Test
    void periodsAndRupiah() {
        var q4 = ProgramPeriod.parse("2025-Q4");
        assertThat(q4.start()).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(q4.end()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThatThrownBy(() -> ProgramPeriod.parse("2025-Q5")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Rupiah.format(900_000)).isEqualTo("Rp900.000");
        assertThat(Rupiah.format(300)).isEqualTo("Rp300");
        assertThat(Rupiah.format(1_234_567)).isEqualTo("Rp1.234.567");
    }
}
