package id.lumbung.eligibility.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Runs a rule version's policies over a household and chooses which rule versions apply to it. */
public final class ProgramRules {

    private ProgramRules() {
    }

    /** Every policy is asked, so the family hears every reason at once, not only the first. */
    public static Determination evaluate(ProgramRule rule, Household household, Set<String> aidReceived) {
        return evaluate(rule, household, aidReceived, List.of());
    }

    /** As above, with the household's decided complaints (tolak, sanggah). */
    public static Determination evaluate(ProgramRule rule, Household household, Set<String> aidReceived,
            List<ComplaintFinding> findings) {
        var circumstances = new Circumstances(rule.programCode(), rule.period(), aidReceived, findings);
        var reasons = new ArrayList<Reason>();
        for (var policy : rule.policies()) {
            reasons.addAll(policy.check(household, circumstances).reasons());
        }
        return new Determination(household.id(), household.villageCode(), rule.programCode(), rule.period(),
                rule.version(), household.registryVersion(), reasons.isEmpty(), reasons);
    }

    /**
     * The rule that decides each program and period for a household in {@code villageCode}: among the
     * published rules that apply there, the most specific regional variant, then the highest version.
     */
    public static List<ProgramRule> applicable(Collection<ProgramRule> published, String villageCode) {
        Map<String, ProgramRule> chosen = new LinkedHashMap<>();
        var order = Comparator.comparingInt(ProgramRule::specificity).thenComparingInt(ProgramRule::version);
        published.stream()
                .filter(r -> r.appliesTo(villageCode))
                .sorted(Comparator.comparing(ProgramRule::programCode).thenComparing(ProgramRule::period))
                .forEach(r -> chosen.merge(r.programCode() + "|" + r.period(), r,
                        (a, b) -> order.compare(a, b) >= 0 ? a : b));
        return List.copyOf(chosen.values());
    }
}
