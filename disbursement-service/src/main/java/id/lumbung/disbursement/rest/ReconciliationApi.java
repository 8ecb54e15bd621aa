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

/** The API models of closing collection, reconciliation and return. */
public final class ReconciliationApi {

    private ReconciliationApi() {
    }

    /** A reason known from the field for a family that did not collect (otherwise NOT_COLLECTED). */
    public record KnownFailure(@NotNull UUID householdId, @NotNull StatusReason reason) {
    }

    public record CloseCollection(@Size(max = 1_000_000) List<@Valid @NotNull KnownFailure> failures) {
    }

    public record ReasonTotal(StatusReason reason, long orders, long amount) {
    }

    public record CollectionClosed(UUID planId, Instant closedAt, long failed, List<ReasonTotal> byReason) {
    }

    /** The village's SPTJM (Surat Pernyataan Tanggung Jawab Mutlak), signed by its officials. */
    public record Sptjm(
            @NotBlank @Size(max = 200) String signerName,
            @NotBlank @Size(max = 200) String signerPosition,
            @NotNull @ServiceDate LocalDate signedOn,
            @NotBlank @Size(max = 200) String documentRef,
            @NotNull @Pattern(regexp = "[0-9a-f]{64}", message = "must be a SHA-256 hash in 64 lower-case hex digits") String documentSha256) {
    }

    /**
     * A correction under the SPTJM. A late payment names when, where, by whom and to whom it was paid, and
     * the proof photo's hash; a confirmed death needs only the proof.
     */
    public record Correction(
            @NotNull UUID orderId,
            @NotNull CorrectionKind kind,
            @NotNull @Pattern(regexp = "[0-9a-f]{64}", message = "must be a SHA-256 hash in 64 lower-case hex digits") String proofSha256,
            @Size(max = 1000) String detail,
            Instant paidAt,
            @Pattern(regexp = "\\d{16}", message = "must be 16 digits") String presenterNik,
            PresenterRole presenterRole,
            @Pattern(regexp = "\\d{16}", message = "must be 16 digits") String noKk,
            @Size(max = 50) String payPointCode,
            @Size(max = 200) String officer,
            @DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
            @DecimalMin("-180") @DecimalMax("180") BigDecimal longitude) {
    }

    public record CorrectionView(UUID id, UUID orderId, CorrectionKind kind, String proofSha256, String detail,
            String recordedBy, Instant recordedAt) {
    }

    public record Reconciliation(UUID planId, String villageCode, String signerName, String signerPosition,
            LocalDate signedOn, String documentRef, String documentSha256, String openedBy, Instant openedAt,
            String closedBy, Instant closedAt, Integer orders, Long plannedTotal, Long paidTotal, Long returnedTotal,
            List<CorrectionView> corrections) {
    }
}
