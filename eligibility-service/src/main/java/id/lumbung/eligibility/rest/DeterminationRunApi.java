package id.lumbung.eligibility.rest;

import id.lumbung.platform.id.Quarter;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API models of batch determinations. */
public final class DeterminationRunApi {

    private DeterminationRunApi() {
    }

    @Schema(name = "DeterminationRunRequest", description = "The program period to decide for every household")
    public record RunRequest(
            @NotNull @Pattern(regexp = ProgramResource.CODE, message = ProgramResource.CODE_MESSAGE) String programCode,
            @NotNull @Pattern(regexp = Quarter.PATTERN, message = Quarter.MESSAGE) String period) {
    }

    /**
     * A run and its progress: {@code done} of {@code total} households walked, the determinations decided (of
     * them eligible) and changed (each change published once), the rate so far and the estimated seconds left.
     */
    @Schema(name = "DeterminationRun", description = "A batch determination of one program period and its progress")
    public record RunView(
            @Schema(description = "The run's id", example = "5d2e8f64-1b7a-4c3e-9a0d-2f4b6c8e0a1b") UUID id,
            String programCode, String period,
            @Schema(description = "RUNNING, SUCCEEDED or FAILED (then with error); a run left RUNNING by a stopped "
                    + "service is marked FAILED at the next start", enumeration = { "RUNNING", "SUCCEEDED", "FAILED" },
                    example = "RUNNING") String status,
            @Schema(description = "Households in the projection when the run started", example = "1250000") long total,
            @Schema(description = "Households walked so far", example = "480000") long done,
            @Schema(description = "Households decided so far (those an applicable rule version covers)",
                    example = "480000") long decided,
            @Schema(description = "Of the determinations made, how many are eligible", example = "151230") long eligible,
            @Schema(description = "Determinations that differ from the household's previous one; each is published once "
                    + "on eligibility.determinations.v1", example = "2140") long changed,
            @Schema(description = "Households walked per second so far", example = "8421.7") double householdsPerSecond,
            @Schema(description = "Estimated seconds left; 0 once finished, null while the rate is not known yet",
                    example = "91") Long etaSeconds,
            @Schema(description = "Milliseconds the run has taken so far", example = "57000") long elapsedMs,
            @Schema(description = "Why the run failed; null otherwise",
                    example = "the service stopped during the run; start a new run") String error,
            @Schema(description = "Who started the run (the token's user)", example = "kemensos.rina") String requestedBy,
            @Schema(description = "When the run was started") Instant requestedAt,
            @Schema(description = "When the run finished; null while it runs") Instant finishedAt) {
    }
}
