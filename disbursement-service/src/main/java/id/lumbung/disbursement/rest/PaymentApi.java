package id.lumbung.disbursement.rest;

import id.lumbung.disbursement.domain.PresenterRole;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The API models of payment recording at the counter. */
public final class PaymentApi {

    private PaymentApi() {
    }

    /**
     * What the pay officer records. The order is named by its id or by the invitation code scanned at the
     * counter (or both, which must agree). The amount is never the caller's to choose: when given it must
     * equal the order's amount, otherwise the request is refused.
     */
    public record RecordPayment(
            UUID orderId,
            @Size(max = 64) String invitationCode,
            @NotNull @Pattern(regexp = "\\d{16}", message = "must be 16 digits") String presenterNik,
            @NotNull PresenterRole presenterRole,
            @Pattern(regexp = "\\d{16}", message = "must be 16 digits") String noKk,
            @NotBlank @Size(max = 50) String payPointCode,
            @NotNull @DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") BigDecimal longitude,
            @NotNull @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be a SHA-256 hash in 64 hex digits") String photoSha256,
            @Positive Long amount) {
    }

    /** A recorded payment; NIKs masked. */
    public record PaymentView(UUID id, UUID orderId, UUID planId, long amount, String presenterNik,
            PresenterRole presenterRole, String officer, String payPointCode, Instant paidAt, BigDecimal latitude,
            BigDecimal longitude, String photoSha256) {
    }
}
