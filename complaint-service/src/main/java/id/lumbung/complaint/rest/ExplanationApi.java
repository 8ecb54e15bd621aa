package id.lumbung.complaint.rest;

import id.lumbung.complaint.domain.ExplanationPolicy;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** "Kenapa saya tidak menerima bantuan?" as an API model. */
public final class ExplanationApi {

    private ExplanationApi() {
    }

    public record Explanation(UUID householdId, String villageCode, String ringkasan,
            List<ExplanationPolicy.ProgramAnswer> programs, Instant latestDeterminationAt) {
    }
}
