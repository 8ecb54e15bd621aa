package id.lumbung.disbursement.rest;

import id.lumbung.disbursement.domain.CorrectionKind;
import id.lumbung.disbursement.domain.PresenterRole;
import id.lumbung.disbursement.domain.StatusReason;
import id.lumbung.platform.validation.ServiceDate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API models of closing collection, reconciliation and return. */
public final class ReconciliationApi {

    private ReconciliationApi() {
    }

    /** A reason known from the field for a family that did not collect (otherwise NOT_COLLECTED). */
    @Schema(name = "KnownFailure", description = "A reason known from the field for a family that did not collect; "
            + "families not listed fail as NOT_COLLECTED (a blocked order keeps its own reason).")
    public record KnownFailure(@NotNull UUID householdId,
            @NotNull @Schema(description = "Why the family did not collect: DECEASED, MOVED, NOT_FOUND (address unknown "
                    + "or incomplete), UNABLE_TO_COME, RECLASSIFIED (no longer poor) or REFUSED", examples = "MOVED")
            StatusReason reason) {
    }

    @Schema(name = "CloseCollection", description = "Closing a plan's collection, with the reasons the field knows for "
            + "families that did not collect. An empty object ({}) closes with no known reasons: every unpaid order "
            + "fails as NOT_COLLECTED (blocked orders keep their reason).")
    public record CloseCollection(
            @Size(max = 1_000_000) @Schema(description = "Reasons known per household, at most 1,000,000, each household "
                    + "at most once; every household must have an unpaid (READY or BLOCKED) order in the plan")
            List<@Valid @NotNull KnownFailure> failures) {
    }

    @Schema(name = "FailureReasonTotal", description = "The orders that failed for one reason, counted and summed.")
    public record ReasonTotal(
            @Schema(description = "Why these orders failed", examples = "NOT_COLLECTED") StatusReason reason,
            @Schema(description = "Number of orders", examples = "412") long orders,
            @Schema(description = "Their amounts summed, in whole rupiah", examples = "370800000") long amount) {
    }

    @Schema(name = "CollectionClosed", description = "A plan's collection, closed: every unpaid order has failed with "
            + "its reason, and an order.failed event was published for each.")
    public record CollectionClosed(UUID planId,
            @Schema(description = "When the collection was closed", examples = "2025-12-09T00:30:00Z") Instant closedAt,
            @Schema(description = "Orders that failed on closing", examples = "524") long failed,
            @Schema(description = "The failed orders per reason") List<ReasonTotal> byReason) {
    }

    /** The village's SPTJM (Surat Pernyataan Tanggung Jawab Mutlak), signed by its officials. */
    @Schema(name = "Sptjm", description = "The village's SPTJM (Surat Pernyataan Tanggung Jawab Mutlak, statement of "
            + "full responsibility) for its failed payments, signed by the village head or lurah; the document itself "
            + "is kept by the village, the API holds its reference and SHA-256.")
    public record Sptjm(
            @NotBlank @Size(max = 200) String signerName,
            @NotBlank @Size(max = 200) String signerPosition,
            @NotNull @ServiceDate LocalDate signedOn,
            @NotBlank @Size(max = 200) String documentRef,
            @NotNull @Pattern(regexp = Formats.SHA256, message = Formats.SHA256_MESSAGE) String documentSha256) {
    }

    /**
     * A correction under the SPTJM. A late payment names when, where, by whom and to whom it was paid, and
     * the proof photo's hash; a confirmed death needs only the proof.
     */
    @Schema(name = "ReconciliationCorrection", description = "A correction of a failed order under the village's SPTJM. "
            + "LATE_PAYMENT: the family was paid while collection was open but it was not reported; name paidAt, "
            + "presenterNik, presenterRole (and noKk for a kuasa), payPointCode, officer, latitude and longitude, and the "
            + "proof photo's hash. DEATH_CONFIRMED: only the proof (e.g. the death certificate's hash).")
    public record Correction(
            @NotNull @Schema(description = "The failed order to correct; it must belong to this plan and village",
                    examples = "d6094ce7-97fd-4ecd-8b97-6f082d9934f0") UUID orderId,
            @NotNull CorrectionKind kind,
            @NotNull @Pattern(regexp = Formats.SHA256, message = Formats.SHA256_MESSAGE) String proofSha256,
            @Size(max = 1000) @Schema(description = "What happened, in the village's words",
                    examples = "Dibayar di Balai Desa Karangkebagusan 27-11-2025, laporan tertinggal") String detail,
            @Schema(description = "LATE_PAYMENT: when the money was handed over; within the collection windows "
                    + "(counterFrom to lateUntil) and not in the future", examples = "2025-11-27T03:15:00Z") Instant paidAt,
            @Pattern(regexp = Formats.SIXTEEN_DIGITS, message = Formats.SIXTEEN_DIGITS_MESSAGE)
            @Schema(description = "LATE_PAYMENT: NIK of the person who collected", examples = "3320064107870001")
            String presenterNik,
            @Schema(description = "LATE_PAYMENT: RECIPIENT or KUASA", examples = "RECIPIENT") PresenterRole presenterRole,
            @Pattern(regexp = Formats.SIXTEEN_DIGITS, message = Formats.SIXTEEN_DIGITS_MESSAGE)
            @Schema(description = "LATE_PAYMENT by a KUASA: the number on the KK shown", examples = "3320060101200001")
            String noKk,
            @Size(max = 50) @Schema(description = "LATE_PAYMENT: the pay point where the money was handed over",
                    examples = "KPC-JEPARA-59400") String payPointCode,
            @Size(max = 200) @Schema(description = "LATE_PAYMENT: the pay officer who handed it over",
                    examples = "Budi Santoso, KPC Jepara 59400") String officer,
            @DecimalMin("-90") @DecimalMax("90") @Schema(description = "LATE_PAYMENT: latitude of the proof photo's "
                    + "geotag, decimal degrees (WGS 84)", examples = "-6.5887") BigDecimal latitude,
            @DecimalMin("-180") @DecimalMax("180") @Schema(description = "LATE_PAYMENT: longitude of the proof photo's "
                    + "geotag, decimal degrees (WGS 84)", examples = "110.6684") BigDecimal longitude) {
    }

    @Schema(name = "RecordedCorrection", description = "A correction as recorded in the village's reconciliation.")
    public record CorrectionView(
            @Schema(description = "The correction's id", examples = "b24170ae-8b0e-48f3-bb28-25e2da13c6e7") UUID id,
            UUID orderId, CorrectionKind kind, String proofSha256,
            @Schema(description = "What happened, in the village's words",
                    examples = "Dibayar di Balai Desa Karangkebagusan 27-11-2025, laporan tertinggal") String detail,
            @Schema(description = "Who recorded it (token name)", examples = "operator.karangkebagusan") String recordedBy,
            @Schema(description = "When it was recorded", examples = "2025-12-09T03:40:00Z") Instant recordedAt) {
    }

    @Schema(name = "VillageReconciliation", description = "A village's failed-payment reconciliation of a plan under "
            + "its SPTJM: who signed, the corrections made, and, once closed, the village's totals with planned = paid + "
            + "returned to the rupiah.")
    public record Reconciliation(UUID planId,
            @Schema(description = "The village reconciling", examples = "33.20.06.1001") String villageCode,
            String signerName, String signerPosition, LocalDate signedOn, String documentRef, String documentSha256,
            @Schema(description = "Who opened the reconciliation (token name)", examples = "operator.karangkebagusan")
            String openedBy,
            @Schema(description = "When it was opened", examples = "2025-12-09T02:00:00Z") Instant openedAt,
            @Schema(description = "Who closed it (token name); absent while open", examples = "dinsos.jepara")
            String closedBy,
            @Schema(description = "When it was closed and the failed orders' money marked for return; absent while open",
                    examples = "2025-12-11T08:00:00Z") Instant closedAt,
            @Schema(description = "Orders of the plan in the village; set on closing", examples = "1250") Integer orders,
            @Schema(description = "What the village's orders were planned to pay, in whole rupiah; set on closing",
                    examples = "1125000000") Long plannedTotal,
            @Schema(description = "What was paid, counter and late payments together, in whole rupiah; set on closing",
                    examples = "1080000000") Long paidTotal,
            @Schema(description = "What goes back to the treasury (retur), in whole rupiah; set on closing",
                    examples = "45000000") Long returnedTotal,
            List<CorrectionView> corrections) {
    }
}
