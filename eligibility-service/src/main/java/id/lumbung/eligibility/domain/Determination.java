package id.lumbung.eligibility.domain;

import java.util.List;
import java.util.UUID;

/**
 * The answer for one household, program and period: eligible or not, with every reason, and the rule
 * version and registry version it was computed from (so it can be reproduced and explained later).
 */
public record Determination(UUID householdId, String villageCode, String programCode, ProgramPeriod period,
        int ruleVersion, long registryVersion, boolean eligible, List<Reason> reasons) {

    public Determination {
        reasons = List.copyOf(reasons);
        if (eligible != reasons.isEmpty()) {
            throw new IllegalArgumentException("a determination is eligible exactly when it has no reasons");
        }
    }
}
