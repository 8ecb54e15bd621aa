package id.lumbung.eligibility.domain.policy;

import id.lumbung.eligibility.domain.Circumstances;
import id.lumbung.eligibility.domain.EligibilityPolicy;
import id.lumbung.eligibility.domain.Household;
import id.lumbung.eligibility.domain.Member;
import id.lumbung.eligibility.domain.Reason;
import id.lumbung.eligibility.domain.Verdict;

/** At least one counted member is elderly, a young child, or (when the rule says so) has a disability. */
public record VulnerableMember(int elderlyAge, int childUnderAge, boolean disability) implements EligibilityPolicy {

    @Override
    public Verdict check(Household household, Circumstances circumstances) {
        boolean found = household.countedMembers().stream().anyMatch(m -> vulnerable(m, circumstances));
        return found ? Verdict.ELIGIBLE : Verdict.notEligible(noneVulnerable());
    }

    public Reason noneVulnerable() {
        String idDisability = disability ? ", atau penyandang disabilitas" : "";
        String enDisability = disability ? ", or a person with a disability" : "";
        return new Reason("NO_VULNERABLE_MEMBER",
                "Tidak ada anggota keluarga yang rentan (lansia %d tahun ke atas, anak di bawah %d tahun%s)."
                        .formatted(elderlyAge, childUnderAge, idDisability),
                "No member of the family is vulnerable (elderly aged %d or over, a child under %d%s)."
                        .formatted(elderlyAge, childUnderAge, enDisability));
    }

    private boolean vulnerable(Member m, Circumstances circumstances) {
        var age = m.ageOn(circumstances.asOf());
        return (age.isPresent() && (age.getAsInt() >= elderlyAge || age.getAsInt() < childUnderAge))
                || (disability && m.hasDisability());
    }
}
