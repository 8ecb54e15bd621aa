package id.lumbung.eligibility.domain.policy;

import id.lumbung.eligibility.domain.Circumstances;
import id.lumbung.eligibility.domain.EligibilityPolicy;
import id.lumbung.eligibility.domain.Household;
import id.lumbung.eligibility.domain.Member;
import id.lumbung.eligibility.domain.Reason;
import id.lumbung.eligibility.domain.Verdict;

/**
 * PKH pays per component, so a family needs at least one: a young child, a school-age child, a person with a
 * (severe) disability or an elderly member. Pregnancy is not on the registry's household event yet, so a
 * family whose only component is a pregnancy is not found here.
 */
public record PkhComponent(int childUnderAge, int schoolAgeUntil, int elderlyAge) implements EligibilityPolicy {

    @Override
    public Verdict check(Household household, Circumstances circumstances) {
        if (household.countedMembers().stream().anyMatch(m -> component(m, circumstances))) {
            return Verdict.ELIGIBLE;
        }
        return Verdict.notEligible(noComponent());
    }

    public Reason noComponent() {
        return new Reason("NO_PKH_COMPONENT",
                "Tidak ada anggota keluarga yang memenuhi komponen PKH (anak usia dini, anak usia sekolah, penyandang disabilitas berat, lansia %d tahun ke atas).".formatted(elderlyAge),
                "No member of the family meets a PKH component (young child, school-age child, severe disability, elderly aged %d or over).".formatted(elderlyAge));
    }

    private boolean component(Member m, Circumstances circumstances) {
        var age = m.ageOn(circumstances.asOf());
        return m.hasDisability() || (age.isPresent() && (age.getAsInt() < schoolAgeUntil || age.getAsInt() >= elderlyAge));
    }
}
