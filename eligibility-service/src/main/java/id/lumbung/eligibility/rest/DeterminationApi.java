package id.lumbung.eligibility.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The API models of determinations. */
public final class DeterminationApi {

    private DeterminationApi() {
    }

    public record ReasonView(String code, String id, String en) {
    }

    public record DeterminationView(String programCode, String period, boolean eligible, List<ReasonView> reasons,
            int ruleVersion, long registryVersion, Instant determinedAt) {
    }

    /** A household's determinations, with the projection they were computed from. */
    public record HouseholdDeterminations(UUID householdId, String villageCode, Integer desil, String desilPeriod,
            String status, long registryVersion, List<DeterminationView> determinations) {
    }
}
