package id.lumbung.disbursement.rest;

import id.lumbung.disbursement.domain.PayPointKind;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API models of pay points. */
public final class PayPointApi {

    private PayPointApi() {
    }

    static final String KIND = "POST_OFFICE (a post-office counter, open from counterFrom), COMMUNITY_POINT (village hall "
            + "or district pendopo, open on the community days) or DOOR_TO_DOOR (a round to families who cannot come)";
    static final String REGION = "Region the pay point serves: families whose village lies within it may be scheduled and "
            + "paid there (a district for a post office, a village for a village hall)";

    /** A new pay point; the code is the operator's (e.g. the post office's KPC code). */
    @Schema(name = "NewPayPoint", description = "A new pay point in a region of the caller's scope; the code is the "
            + "operator's own (e.g. the post office's KPC code) and never changes.")
    public record NewPayPoint(
            @NotBlank @Pattern(regexp = Formats.PAY_POINT_CODE, message = Formats.PAY_POINT_CODE_MESSAGE)
            @Schema(description = "The pay point's code: 2 to 50 capital letters, digits or '-'",
                    examples = "KPC-JEPARA-59400") String code,
            @NotNull @Schema(description = KIND, examples = "POST_OFFICE") PayPointKind kind,
            @NotBlank @Size(max = 200) @Schema(description = "The pay point's name as families know it",
                    examples = "KPC Jepara 59400") String name,
            @NotNull @Size(max = Formats.REGION_CODE_MAX)
            @Pattern(regexp = Formats.REGION_CODE, message = Formats.REGION_CODE_MESSAGE)
            @Schema(description = REGION, examples = "33.20.06") String regionCode,
            @NotNull @Positive @Max(100_000) @Schema(examples = "400") Integer capacityPerDay) {
    }

    @Schema(name = "PayPointChange", description = "A pay point's new kind, name, region and capacity per day (all four "
            + "are set). Its region cannot move while families are scheduled there.")
    public record PayPointChange(
            @NotNull @Schema(description = KIND, examples = "POST_OFFICE") PayPointKind kind,
            @NotBlank @Size(max = 200) @Schema(description = "The pay point's name as families know it",
                    examples = "KPC Jepara 59400") String name,
            @NotNull @Size(max = Formats.REGION_CODE_MAX)
            @Pattern(regexp = Formats.REGION_CODE, message = Formats.REGION_CODE_MESSAGE)
            @Schema(description = REGION, examples = "33.20.06") String regionCode,
            @NotNull @Positive @Max(100_000) @Schema(examples = "500") Integer capacityPerDay) {
    }

    @Schema(name = "PayPointView", description = "A pay point (titik bayar): a post office, community point or door-to-door "
            + "round of PT Pos, with the region it serves and how many families it can pay in a day.")
    public record PayPointView(
            @Schema(description = "The pay point's code", examples = "KPC-JEPARA-59400") String code,
            @Schema(description = KIND, examples = "POST_OFFICE") PayPointKind kind,
            @Schema(description = "The pay point's name as families know it", examples = "KPC Jepara 59400") String name,
            @Schema(description = REGION + ", dotted", examples = "33.20.06") String regionCode,
            int capacityPerDay,
            @Schema(description = "When the pay point was added", examples = "2025-11-12T01:30:00Z") Instant createdAt,
            @Schema(description = "When it was last changed; absent if never", examples = "2025-11-18T04:10:00Z")
            Instant updatedAt) {
    }

    @Schema(name = "PayPointPage", description = "A page of pay points, by region and code")
    public record PayPointPage(List<PayPointView> items, int page, int size, long total) {
    }
}
