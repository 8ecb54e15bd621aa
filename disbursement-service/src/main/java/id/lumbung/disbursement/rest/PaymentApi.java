package id.lumbung.disbursement.rest;

import id.lumbung.disbursement.domain.PresenterRole;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API models of payment recording at the counter. */
public final class PaymentApi {

    private PaymentApi() {
    }

    /**
     * The most one family is paid in one order, in rupiah: Rp100.000.000. The largest entitlements are far below it
     * (BLTS Kesra Rp900.000 at once; a PKH family with four components about Rp10.800.000 a year), and no program
     * hands a family a sum in that range in cash at a counter.
     */
    public static final long MAX_AMOUNT = 100_000_000L;

    /**
     * What the pay officer records. The order is named by its id or by the invitation code scanned at the
     * counter (or both, which must agree). The amount is never the caller's to choose: when given it must
     * equal the order's amount, otherwise the request is refused.
     */
    @Schema(name = "RecordPayment", description = "A payment the pay officer records at the counter. Name the order by "
            + "orderId or by the invitationCode scanned from the undangan (or both, which must agree). The presenter is "
            + "the recipient (RECIPIENT, NIK as on the order) or a kuasa from the same KK (KUASA, with the KK's number). "
            + "The amount is set by the plan: when given it must equal the order's amount.")
    public record RecordPayment(
            @Schema(description = "The order to pay; required unless invitationCode is given",
                    examples = "d6094ce7-97fd-4ecd-8b97-6f082d9934f0") UUID orderId,
            @Size(max = 64) @Schema(description = "The invitation code as scanned or typed from the undangan: 26 "
                    + "characters A-Z and 2-7, in any case, spaces and hyphens ignored; required unless orderId is given",
                    examples = "7OPA-C3OZ-GYFT-YLIJ-MZEA-IWZ2-J4") String invitationCode,
            @NotNull @Pattern(regexp = Formats.SIXTEEN_DIGITS, message = Formats.SIXTEEN_DIGITS_MESSAGE)
            @Schema(examples = "3320064107870001") String presenterNik,
            @NotNull @Schema(examples = "RECIPIENT") PresenterRole presenterRole,
            @Pattern(regexp = Formats.SIXTEEN_DIGITS, message = Formats.SIXTEEN_DIGITS_MESSAGE)
            @Schema(description = "The number on the original KK the presenter shows; required for a KUASA, who must "
                    + "be a member of that KK", examples = "3320060101200001") String noKk,
            @NotBlank @Size(max = 50) @Schema(description = "The pay point where the money is handed over; it must be "
                    + "registered and serve the family's village", examples = "KPC-JEPARA-59400") String payPointCode,
            @NotNull @DecimalMin("-90") @DecimalMax("90")
            @Schema(description = "Latitude of the proof photo's geotag, decimal degrees (WGS 84), stored to 6 decimals",
                    examples = "-6.5887") BigDecimal latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180")
            @Schema(description = "Longitude of the proof photo's geotag, decimal degrees (WGS 84), stored to 6 decimals",
                    examples = "110.6684") BigDecimal longitude,
            @NotNull @Pattern(regexp = "^[0-9a-fA-F]{64}$", message = "must be a SHA-256 hash in 64 hex digits")
            @Schema(examples = "d990414ea2b15ef676a311dea4411ed9dcb99191b64571a67878d4c0cdf287c5") String photoSha256,
            @Positive @Max(MAX_AMOUNT)
            @Schema(description = "The amount handed over, in whole rupiah, if the counter states it: it must equal the "
                    + "order's amount (at most Rp100.000.000)", examples = "900000") Long amount) {
    }

    /** A recorded payment; NIKs masked. */
    @Schema(name = "PaymentView", description = "A recorded payment (pembayaran): who collected, where, when and with "
            + "which proof; the presenter's NIK masked.")
    public record PaymentView(
            @Schema(description = "The payment's id", examples = "46d9cde3-2976-4776-b6b8-5c92d1fc8e07") UUID id,
            UUID orderId, UUID planId,
            @Schema(description = "The amount paid, in whole rupiah: always the order's amount", examples = "900000")
            long amount,
            @Schema(description = "NIK of the person who collected, masked: the district of first registration stays",
                    examples = "332006**********") String presenterNik,
            PresenterRole presenterRole,
            @Schema(description = "The pay officer who recorded the payment (token subject at the counter, or the "
                    + "officer named in a late-payment correction)", examples = "petugas.kpc-jepara-59400") String officer,
            String payPointCode, Instant paidAt,
            @Schema(description = "Latitude of the proof photo's geotag, decimal degrees (WGS 84)",
                    examples = "-6.588700") BigDecimal latitude,
            @Schema(description = "Longitude of the proof photo's geotag, decimal degrees (WGS 84)",
                    examples = "110.668400") BigDecimal longitude,
            @Schema(description = "SHA-256 of the proof photo (recipient with the money and the KTP), lower case",
                    examples = "d990414ea2b15ef676a311dea4411ed9dcb99191b64571a67878d4c0cdf287c5") String photoSha256) {
    }
}
