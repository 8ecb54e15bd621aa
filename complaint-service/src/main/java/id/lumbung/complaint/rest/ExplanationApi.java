package id.lumbung.complaint.rest;

import id.lumbung.complaint.domain.ExplanationPolicy;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** "Kenapa saya tidak menerima bantuan?" as an API model. */
public final class ExplanationApi {

    private ExplanationApi() {
    }

    @Schema(name = "AidExplanation", description = "\"Kenapa saya tidak menerima bantuan?\" (why don't I receive aid?): "
            + "per program the household was determined for, whether it receives it and, if not, each cause (sebab) "
            + "with what the family can do about it (solusi), in plain Indonesian")
    public record Explanation(UUID householdId,
            @Schema(description = "Village of the household as of its latest determination", example = "33.20.01.2001")
            String villageCode,
            String ringkasan, List<ProgramExplanation> programs, Instant latestDeterminationAt) {
    }

    @Schema(name = "ProgramExplanation", description = "One program's answer for the household, from its latest "
            + "determination by eligibility")
    public record ProgramExplanation(String programCode, String period, boolean eligible, String ringkasan,
            List<ExplanationCause> causes) {

        public static ProgramExplanation of(ExplanationPolicy.ProgramAnswer answer) {
            return new ProgramExplanation(answer.programCode(), answer.period(), answer.eligible(), answer.ringkasan(),
                    answer.causes().stream().map(c -> new ExplanationCause(c.code(), c.sebab(), c.solusi())).toList());
        }
    }

    @Schema(name = "ExplanationCause", description = "One reason the household does not receive a program, in words, "
            + "with the way out")
    public record ExplanationCause(String code, String sebab, String solusi) {
    }
}
