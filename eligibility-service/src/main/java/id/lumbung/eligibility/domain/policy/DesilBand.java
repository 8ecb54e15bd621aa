package id.lumbung.eligibility.domain.policy;

import id.lumbung.eligibility.domain.Circumstances;
import id.lumbung.eligibility.domain.EligibilityPolicy;
import id.lumbung.eligibility.domain.Household;
import id.lumbung.eligibility.domain.Reason;
import id.lumbung.eligibility.domain.Verdict;

/**
 * The program's welfare-decile band, inclusive (desil 1-4 means 1, 2, 3 or 4). A family with no desil yet is
 * told so, and what to do about it, rather than being told it is too well off.
 */
public record DesilBand(int min, int max) implements EligibilityPolicy {

    public static final Reason NO_DESIL_YET = new Reason("DESIL_NOT_YET",
            "Keluarga belum ada desil di DTSEN. Perbarui data keluarga melalui operator desa/kelurahan agar dapat dinilai.",
            "The family has no desil in DTSEN yet. Update the family's data through the village office so that it can be assessed.");

    public DesilBand {
        if (min < 1 || max > 10 || min > max) {
            throw new IllegalArgumentException("a desil band lies within 1-10 with min <= max");
        }
    }

    @Override
    public Verdict check(Household household, Circumstances circumstances) {
        Integer desil = household.desil();
        if (desil == null) {
            return Verdict.notEligible(NO_DESIL_YET);
        }
        if (desil < min || desil > max) {
            return Verdict.notEligible(outside(desil));
        }
        return Verdict.ELIGIBLE;
    }

    /** The refusal for a family in {@code desil} (any text: the set-based form passes a placeholder). */
    public Reason outside(Object desil) {
        return new Reason("DESIL_OUTSIDE_BAND",
                "Keluarga berada di desil %s, sedangkan program ini untuk desil %d-%d.".formatted(desil, min, max),
                "The family is in desil %s; this program is for desil %d-%d.".formatted(desil, min, max));
    }
}
