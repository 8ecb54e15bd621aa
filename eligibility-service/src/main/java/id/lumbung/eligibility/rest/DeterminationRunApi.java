package id.lumbung.eligibility.rest;

import id.lumbung.platform.id.Quarter;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.UUID;

/** The API models of batch determinations. */
public final class DeterminationRunApi {

    private DeterminationRunApi() {
    }

    public record RunRequest(
            @NotNull @Pattern(regexp = ProgramResource.CODE, message = "must be a program code like BLTS_KESRA_2025") String programCode,
            @NotNull @Pattern(regexp = Quarter.PATTERN, message = Quarter.MESSAGE) String period) {
    }

    /**
     * A run and its progress: {@code done} of {@code total} households walked, the determinations decided (of
     * them eligible) and changed (each change published once), the rate so far and the estimated seconds left.
     */
    public record RunView(UUID id, String programCode, String period, String status, long total, long done,
            long decided, long eligible, long changed, double householdsPerSecond, Long etaSeconds, long elapsedMs,
            String error, String requestedBy, Instant requestedAt, Instant finishedAt) {
    }
}
