package id.lumbung.eligibility.domain.policy;

import id.lumbung.eligibility.domain.Circumstances;
import id.lumbung.eligibility.domain.EligibilityPolicy;
import id.lumbung.eligibility.domain.EmploymentFact;
import id.lumbung.eligibility.domain.ExclusionGroup;
import id.lumbung.eligibility.domain.Household;
import id.lumbung.eligibility.domain.Verdict;
import java.util.EnumSet;
import java.util.Set;

/**
 * An excluded employment status of any counted member excludes the whole family. One reason per status
 * group ("keluarga ASN/TNI/POLRI"), never naming the member.
 */
public record EmploymentExclusion(Set<EmploymentFact> excluded) implements EligibilityPolicy {

    public EmploymentExclusion {
        excluded = excluded.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(excluded));
    }

    @Override
    public Verdict check(Household household, Circumstances circumstances) {
        var groups = EnumSet.noneOf(ExclusionGroup.class);
        for (var member : household.countedMembers()) {
            for (var fact : excluded) {
                if (member.has(fact)) {
                    groups.add(fact.group());
                }
            }
        }
        return Verdict.of(groups.stream().map(ExclusionGroup::reason).toList());
    }
}
