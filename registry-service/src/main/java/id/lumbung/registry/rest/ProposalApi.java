package id.lumbung.registry.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** API models of usulan (proposals from a village, verified by the regency social office). */
public final class ProposalApi {

    private ProposalApi() {
    }

    /** The village deliberation (musyawarah desa) that backs a proposal, from its Berita Acara. */
    public record Musdes(@NotBlank @Size(max = 200) String beritaAcaraRef, @NotNull @PastOrPresent LocalDate date,
            @NotNull @Positive Integer attendance) {
    }

    public record ProposeNewHousehold(@NotNull @Valid HouseholdApi.RegisterHousehold household, @NotNull @Valid Musdes musdes) {
    }

    public record ProposeUpdate(@NotNull UUID householdId, @NotNull @Valid HouseholdApi.UpdateHousehold update,
            @NotNull @Valid Musdes musdes) {
    }

    public enum FieldCheck { SESUAI, TIDAK_SESUAI }

    /** The result of the social office's field check (verifikasi lapangan). */
    public record Verification(@NotNull FieldCheck result, @NotBlank @Size(max = 2000) String notes) {
    }

    public record Decision(boolean approve, @NotBlank @Size(max = 2000) String reason) {
    }

    public record ProposalView(UUID id, String kind, String villageCode, UUID householdId, JsonNode payload,
            String beritaAcaraRef, LocalDate musdesDate, int attendance, String status, String fieldCheckResult,
            String fieldCheckNotes, String verifiedBy, Instant verifiedAt, String decidedBy, Instant decidedAt,
            String decisionReason, UUID appliedHouseholdId, String proposedBy, Instant proposedAt) {
    }
}
