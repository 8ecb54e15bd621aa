package id.lumbung.registry.rest;

import com.fasterxml.jackson.databind.JsonNode;
import id.lumbung.registry.domain.FieldBounds;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** API models of usulan (proposals from a village, verified by the regency social office). */
public final class ProposalApi {

    private ProposalApi() {
    }

    /** The village deliberation (musyawarah desa) that backs a proposal, from its Berita Acara. */
    @Schema(name = "Musdes", description = "The village deliberation (musyawarah desa) that backs a proposal, as its Berita "
            + "Acara (signed minutes) records it.")
    public record Musdes(
            @Schema(description = "Number of the Berita Acara of the musdes", examples = "BA/MUSDES/412/2025")
            @NotBlank @Size(max = 200) String beritaAcaraRef,
            @Schema(description = "Date the musdes was held; not in the future", examples = "2025-10-02")
            @NotNull @PastOrPresent LocalDate date,
            @Schema(description = "Number of persons present, as the Berita Acara counts them", examples = "37")
            @NotNull @Positive @Max(FieldBounds.ATTENDANCE_MAX) Integer attendance) {
    }

    @Schema(name = "ProposeNewHousehold", description = "An usulan to register a family of the operator's village, backed "
            + "by a musdes.")
    public record ProposeNewHousehold(
            @Schema(description = "The family as it would be registered; held to every registration rule when proposed")
            @NotNull @Valid HouseholdApi.RegisterHousehold household,
            @NotNull @Valid Musdes musdes) {
    }

    @Schema(name = "ProposeHouseholdUpdate", description = "An usulan to change the address or socio-economic attributes "
            + "of an active family of the operator's village, backed by a musdes.")
    public record ProposeUpdate(
            @NotNull UUID householdId,
            @Schema(description = "The change as it would be applied once approved")
            @NotNull @Valid HouseholdApi.UpdateHousehold update,
            @NotNull @Valid Musdes musdes) {
    }

    @Schema(name = "FieldCheckResult", description = "What the field check (verifikasi lapangan) found: SESUAI, the data "
            + "as proposed; TIDAK_SESUAI, not as proposed.")
    public enum FieldCheck { SESUAI, TIDAK_SESUAI }

    /** The result of the social office's field check (verifikasi lapangan). */
    @Schema(name = "FieldVerification", description = "The result of the social office's field check (verifikasi "
            + "lapangan) of a proposal.")
    public record Verification(
            @Schema(description = "What the field check found", examples = "SESUAI") @NotNull FieldCheck result,
            @Schema(description = "What the officer found on the visit", examples = "Kunjungan rumah 12 Nov 2025: lantai "
                    + "tanah, dinding bambu, listrik 450 VA, sesuai usulan")
            @NotBlank @Size(max = 2000) String notes) {
    }

    @Schema(name = "ProposalDecision", description = "The social office's decision on a verified proposal.")
    public record Decision(
            @Schema(description = "true approves the proposal and applies it; false rejects it", examples = "true")
            boolean approve,
            @Schema(description = "Why; kept with the proposal", examples = "hasil verifikasi lapangan sesuai, memenuhi "
                    + "kriteria")
            @NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(name = "Proposal", description = "An usulan from a village with its musdes and where it stands: SUBMITTED by "
            + "the village, VERIFIED in the field by Dinsos, then APPROVED (and applied) or REJECTED.")
    public record ProposalView(
            @Schema(description = "Proposal id", examples = "5c0d7e21-9a4b-4f3e-8d6c-2b1a0f9e8d7c") UUID id,
            @Schema(description = "NEW_HOUSEHOLD: a family to register; UPDATE_HOUSEHOLD: a change of a registered family",
                    enumeration = { "NEW_HOUSEHOLD", "UPDATE_HOUSEHOLD" }, examples = "NEW_HOUSEHOLD") String kind,
            String villageCode,
            @Schema(description = "The household an UPDATE_HOUSEHOLD proposal is about; absent for NEW_HOUSEHOLD",
                    examples = "0b6f9a52-3c1e-4d7a-9f2b-5e8d1c4a7b90") UUID householdId,
            @Schema(description = "The data proposed: a RegisterHousehold for NEW_HOUSEHOLD, an UpdateHousehold for "
                    + "UPDATE_HOUSEHOLD") JsonNode payload,
            @Schema(description = "Number of the Berita Acara of the musdes", examples = "BA/MUSDES/412/2025")
            String beritaAcaraRef,
            @Schema(description = "Date the musdes was held", examples = "2025-10-02") LocalDate musdesDate,
            @Schema(description = "Number of persons present at the musdes", examples = "37") int attendance,
            @Schema(description = "Where the proposal stands", enumeration = { "SUBMITTED", "VERIFIED", "APPROVED",
                    "REJECTED" }, examples = "VERIFIED") String status,
            @Schema(description = "What the field check found; absent until verified",
                    enumeration = { "SESUAI", "TIDAK_SESUAI" }, examples = "SESUAI") String fieldCheckResult,
            @Schema(description = "The field check's notes; absent until verified",
                    examples = "Kunjungan rumah 12 Nov 2025: lantai tanah, dinding bambu, sesuai usulan")
            String fieldCheckNotes,
            @Schema(description = "Who recorded the field check", examples = "dinsos.jepara.ani") String verifiedBy,
            @Schema(description = "When the field check was recorded", examples = "2025-11-12T07:30:00Z") Instant verifiedAt,
            @Schema(description = "Who decided", examples = "dinsos.jepara.ani") String decidedBy,
            @Schema(description = "When the decision was recorded", examples = "2025-11-14T02:15:00Z") Instant decidedAt,
            @Schema(description = "The reason given with the decision", examples = "hasil verifikasi lapangan sesuai")
            String decisionReason,
            @Schema(description = "The household the approval registered or changed; absent until approved",
                    examples = "0b6f9a52-3c1e-4d7a-9f2b-5e8d1c4a7b90") UUID appliedHouseholdId,
            @Schema(description = "Who proposed (the village operator)", examples = "operator.desa.karangkebagusan")
            String proposedBy,
            @Schema(description = "When the proposal was made", examples = "2025-10-03T04:00:00Z") Instant proposedAt) {
    }
}
