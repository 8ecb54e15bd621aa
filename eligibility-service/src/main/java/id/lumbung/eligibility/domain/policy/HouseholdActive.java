package id.lumbung.eligibility.domain.policy;

import id.lumbung.eligibility.domain.Circumstances;
import id.lumbung.eligibility.domain.EligibilityPolicy;
import id.lumbung.eligibility.domain.Household;
import id.lumbung.eligibility.domain.HouseholdStatus;
import id.lumbung.eligibility.domain.Reason;
import id.lumbung.eligibility.domain.Verdict;

/** Aid goes to a family card (KK) that still stands. */
public record HouseholdActive() implements EligibilityPolicy {

    public static final Reason NOT_ACTIVE = new Reason("HOUSEHOLD_NOT_ACTIVE",
            "Kartu Keluarga ini sudah tidak aktif (keluarga pecah, bergabung atau berganti KK).",
            "This family card (KK) is no longer active (the family split, merged or has a new KK).");

    @Override
    public Verdict check(Household household, Circumstances circumstances) {
        return household.status() == HouseholdStatus.ACTIVE ? Verdict.ELIGIBLE : Verdict.notEligible(NOT_ACTIVE);
    }
}
