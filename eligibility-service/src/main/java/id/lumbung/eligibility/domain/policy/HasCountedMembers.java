package id.lumbung.eligibility.domain.policy;

import id.lumbung.eligibility.domain.Circumstances;
import id.lumbung.eligibility.domain.EligibilityPolicy;
import id.lumbung.eligibility.domain.Household;
import id.lumbung.eligibility.domain.Reason;
import id.lumbung.eligibility.domain.Verdict;

/** A family whose members are all deceased or moved away has no one left to receive aid. */
public record HasCountedMembers() implements EligibilityPolicy {

    public static final Reason NO_MEMBER_LEFT = new Reason("NO_LIVING_MEMBER",
            "Seluruh anggota keluarga tercatat meninggal dunia atau pindah.",
            "All members of the family are recorded as deceased or moved away.");

    @Override
    public Verdict check(Household household, Circumstances circumstances) {
        return household.countedMembers().isEmpty() ? Verdict.notEligible(NO_MEMBER_LEFT) : Verdict.ELIGIBLE;
    }
}
