package id.lumbung.eligibility.domain.policy;

import id.lumbung.eligibility.domain.Circumstances;
import id.lumbung.eligibility.domain.ComplaintFinding;
import id.lumbung.eligibility.domain.EligibilityPolicy;
import id.lumbung.eligibility.domain.Household;
import id.lumbung.eligibility.domain.Reason;
import id.lumbung.eligibility.domain.Verdict;
import java.util.ArrayList;

/**
 * Decided complaints: a family that declined the aid (tolak) does not receive it from the period it declined, and
 * a family an upheld objection (sanggah) found not eligible stays so until the registry's data changes. The
 * sentences speak of the family only, never of the member a complaint was about.
 */
public record ComplaintOutcomes() implements EligibilityPolicy {

    public static final Reason DECLINED = new Reason("DECLINED_TOLAK",
            "Tidak memenuhi syarat: keluarga menolak bantuan (tolak) program ini.",
            "Not eligible: the family declined this aid (tolak).");
    public static final Reason SANGGAH_UPHELD = new Reason("SANGGAH_UPHELD",
            "Tidak memenuhi syarat: hasil verifikasi sanggah menyatakan keluarga tidak memenuhi syarat program ini, sampai data keluarga di DTSEN diperbarui.",
            "Not eligible: the verification of an objection (hasil verifikasi sanggah) found the family not eligible for this program until its DTSEN data is updated.");

    @Override
    public Verdict check(Household household, Circumstances circumstances) {
        boolean declined = false;
        boolean upheld = false;
        for (var finding : circumstances.findings()) {
            if (finding.holds(circumstances.programCode(), circumstances.period(), household.registryVersion())) {
                declined |= finding.kind() == ComplaintFinding.Kind.TOLAK;
                upheld |= finding.kind() == ComplaintFinding.Kind.SANGGAH;
            }
        }
        var reasons = new ArrayList<Reason>();
        if (declined) {
            reasons.add(DECLINED);
        }
        if (upheld) {
            reasons.add(SANGGAH_UPHELD);
        }
        return Verdict.of(reasons);
    }
}
