package id.lumbung.eligibility.domain.policy;

import id.lumbung.eligibility.domain.Circumstances;
import id.lumbung.eligibility.domain.EligibilityPolicy;
import id.lumbung.eligibility.domain.Household;
import id.lumbung.eligibility.domain.Reason;
import id.lumbung.eligibility.domain.Rupiah;
import id.lumbung.eligibility.domain.Verdict;

/**
 * The family's monthly income per counted member is below the regional poverty line the rule gives
 * (BPS poverty lines are per person per month). An unrecorded income cannot be compared and is said so.
 */
public record IncomeBelowPovertyLine(long povertyLinePerCapita) implements EligibilityPolicy {

    public static final Reason INCOME_NOT_RECORDED = new Reason("INCOME_NOT_RECORDED",
            "Penghasilan keluarga belum tercatat sehingga belum dapat dibandingkan dengan garis kemiskinan daerah. Perbarui data melalui desa/kelurahan.",
            "The family's income is not recorded, so it cannot be compared with the regional poverty line. Update the data through the village office.");

    public IncomeBelowPovertyLine {
        if (povertyLinePerCapita <= 0) {
            throw new IllegalArgumentException("a poverty line is a positive rupiah amount");
        }
    }

    @Override
    public Verdict check(Household household, Circumstances circumstances) {
        int persons = household.countedMembers().size();
        if (household.monthlyIncome() == null) {
            return Verdict.notEligible(INCOME_NOT_RECORDED);
        }
        if (persons == 0) {
            return Verdict.ELIGIBLE; // no one left to divide by: HasCountedMembers gives the reason
        }
        // income / persons < line, without the rounding of an integer division
        if (household.monthlyIncome() < povertyLinePerCapita * persons) {
            return Verdict.ELIGIBLE;
        }
        return Verdict.notEligible(notBelow());
    }

    public Reason notBelow() {
        String line = Rupiah.format(povertyLinePerCapita);
        return new Reason("INCOME_ABOVE_POVERTY_LINE",
                "Penghasilan keluarga per orang tidak di bawah garis kemiskinan daerah (%s per orang per bulan).".formatted(line),
                "The family's income per person is not below the regional poverty line (%s per person per month).".formatted(line));
    }
}
