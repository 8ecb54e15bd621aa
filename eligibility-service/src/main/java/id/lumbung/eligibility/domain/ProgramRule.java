package id.lumbung.eligibility.domain;

import id.lumbung.eligibility.domain.policy.ComplaintOutcomes;
import id.lumbung.eligibility.domain.policy.DesilBand;
import id.lumbung.eligibility.domain.policy.EmploymentExclusion;
import id.lumbung.eligibility.domain.policy.HasCountedMembers;
import id.lumbung.eligibility.domain.policy.HouseholdActive;
import id.lumbung.eligibility.domain.policy.NotCombinedWith;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One version of a program's rules for a period, national or a regional variant ({@code regionPrefix},
 * e.g. {@code 33.20} for Jepara). Its policies are the list below, readable in one screen.
 */
public record ProgramRule(String programCode, int version, Optional<String> regionPrefix, ProgramPeriod period,
        Optional<DesilBand> desilBand, Set<EmploymentFact> exclusions, List<EligibilityPolicy> requiredConditions,
        Set<String> notCombinedWith) {

    public ProgramRule {
        Objects.requireNonNull(programCode, "programCode");
        Objects.requireNonNull(period, "period");
        exclusions = Set.copyOf(exclusions);
        requiredConditions = List.copyOf(requiredConditions);
        notCombinedWith = Set.copyOf(notCombinedWith);
    }

    /** The policies, in the order their reasons are given. */
    public List<EligibilityPolicy> policies() {
        var policies = new ArrayList<EligibilityPolicy>();
        policies.add(new HouseholdActive());
        policies.add(new HasCountedMembers());
        desilBand.ifPresent(policies::add);
        if (!exclusions.isEmpty()) {
            policies.add(new EmploymentExclusion(exclusions));
        }
        policies.addAll(requiredConditions);
        if (!notCombinedWith.isEmpty()) {
            policies.add(new NotCombinedWith(notCombinedWith));
        }
        // every program honours a family's tolak and an upheld sanggah; last, so earlier reasons keep their order
        policies.add(new ComplaintOutcomes());
        return policies;
    }

    /** Whether this rule applies to a household in {@code villageCode} (national rules apply everywhere). */
    public boolean appliesTo(String villageCode) {
        return regionPrefix.map(p -> villageCode.equals(p) || villageCode.startsWith(p + ".")).orElse(true);
    }

    /** More specific rules win over broader ones: national 0, province 2, regency 5, ... */
    int specificity() {
        return regionPrefix.map(String::length).orElse(0);
    }
}
