package id.lumbung.eligibility.domain.policy;

import id.lumbung.eligibility.domain.Circumstances;
import id.lumbung.eligibility.domain.EligibilityPolicy;
import id.lumbung.eligibility.domain.Household;
import id.lumbung.eligibility.domain.Reason;
import id.lumbung.eligibility.domain.Verdict;

/** Only for families that receive no aid from any other program in the period (e.g. Jepara's Sembako). */
public record NoOtherAid() implements EligibilityPolicy {

    @Override
    public Verdict check(Household household, Circumstances circumstances) {
        var other = circumstances.otherAid();
        if (other.isEmpty()) {
            return Verdict.ELIGIBLE;
        }
        return Verdict.notEligible(receives(String.join(", ", other)));
    }

    /** @param names the programs received, comma-separated in code order */
    public static Reason receives(String names) {
        return new Reason("RECEIVES_OTHER_AID",
                "Keluarga sudah menerima bantuan lain (%s); program ini hanya untuk keluarga yang belum menerima bantuan.".formatted(names),
                "The family already receives other aid (%s); this program is only for families without other aid.".formatted(names));
    }
}
