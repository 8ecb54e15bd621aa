package id.lumbung.eligibility.domain;

import static id.lumbung.eligibility.domain.Families.adult;
import static id.lumbung.eligibility.domain.Families.codes;
import static id.lumbung.eligibility.domain.Families.family;
import static org.assertj.core.api.Assertions.assertThat;

import id.lumbung.eligibility.domain.policy.ComplaintOutcomes;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tolak and sanggah, case by case (the family below is at registry version 4 and decided for 2025-Q4). */
class ComplaintOutcomesTest {

    @ParameterizedTest(name = "{0} {1} from {2} at v{3} -> {4}")
    @CsvSource(nullValues = "-", value = {
            // kind, program of the finding (- = every program), tolak from, sanggah registry version, reasons for BLTS
            "TOLAK,   BLTS_KESRA_2025, 2025-Q4, -, DECLINED_TOLAK",
            "TOLAK,   BLTS_KESRA_2025, 2025-Q3, -, DECLINED_TOLAK",
            "TOLAK,   BLTS_KESRA_2025, 2026-Q1, -, -",
            "TOLAK,   PBI_JKN,         2025-Q4, -, -",
            "TOLAK,   -,               2025-Q4, -, DECLINED_TOLAK",
            "SANGGAH, BLTS_KESRA_2025, -,       4, SANGGAH_UPHELD",
            "SANGGAH, BLTS_KESRA_2025, -,       3, -",
            "SANGGAH, PBI_JKN,         -,       4, -",
            "SANGGAH, -,               -,       4, SANGGAH_UPHELD",
    })
    void aFindingHoldsForItsProgramFromItsPeriodOrOnItsData(ComplaintFinding.Kind kind, String program, String from,
            Long version, String expected) {
        var finding = kind == ComplaintFinding.Kind.TOLAK ? ComplaintFinding.tolak(program, ProgramPeriod.parse(from))
                : ComplaintFinding.sanggah(program, version);
        var verdict = new ComplaintOutcomes().check(family(3, adult()),
                new Circumstances("BLTS_KESRA_2025", Families.Q4_2025, Set.of(), List.of(finding)));
        assertThat(codes(verdict)).isEqualTo(expected == null ? List.of() : List.of(expected));
    }

    @ParameterizedTest
    @CsvSource({ "2025-09-30T16:59:59Z, 2025-Q4", "2025-09-30T17:00:00Z, 2026-Q1", "2025-11-05T04:00:00Z, 2026-Q1",
            "2025-03-01T00:00:00Z, 2025-Q2" })
    void aTolakStartsInThePeriodAfterTheOneItWasDecidedInWesternIndonesianTime(String decidedAt, String from) {
        assertThat(id.lumbung.eligibility.service.ComplaintOutcomesAccess.nextPeriod(java.time.Instant.parse(decidedAt)))
                .hasToString(from);
    }

    @org.junit.jupiter.api.Test
    void bothFindingsAreToldAndNeitherNamesAMember() {
        var verdict = new ComplaintOutcomes().check(family(3, adult()), new Circumstances("BLTS_KESRA_2025",
                Families.Q4_2025, Set.of(), List.of(ComplaintFinding.tolak(null, Families.Q4_2025),
                        ComplaintFinding.sanggah("BLTS_KESRA_2025", 4L))));
        assertThat(codes(verdict)).containsExactly("DECLINED_TOLAK", "SANGGAH_UPHELD");
        assertThat(verdict.reasons().get(0).id()).contains("menolak bantuan (tolak)");
        assertThat(verdict.reasons().get(1).id()).contains("hasil verifikasi sanggah");
        verdict.reasons().forEach(r -> assertThat(r.id() + r.en()).doesNotContainIgnoringCase("slamet"));
    }
}
