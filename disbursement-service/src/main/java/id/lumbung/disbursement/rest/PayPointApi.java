package id.lumbung.disbursement.rest;

import id.lumbung.disbursement.domain.PayPointKind;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** The API models of pay points. */
public final class PayPointApi {

    private PayPointApi() {
    }

    /** A new pay point; the code is the operator's (e.g. the post office's KPC code). */
    public record NewPayPoint(
            @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,49}", message = "must be 2 to 50 capital letters, digits or '-'") String code,
            @NotNull PayPointKind kind,
            @NotBlank @Size(max = 200) String name,
            @NotBlank String regionCode,
            @NotNull @Positive @Max(100_000) Integer capacityPerDay) {
    }

    public record PayPointChange(
            @NotNull PayPointKind kind,
            @NotBlank @Size(max = 200) String name,
            @NotBlank String regionCode,
            @NotNull @Positive @Max(100_000) Integer capacityPerDay) {
    }

    public record PayPointView(String code, PayPointKind kind, String name, String regionCode, int capacityPerDay,
            Instant createdAt, Instant updatedAt) {
    }
}
