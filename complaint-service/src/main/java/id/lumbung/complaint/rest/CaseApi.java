package id.lumbung.complaint.rest;

import id.lumbung.complaint.domain.CaseAction;
import id.lumbung.complaint.domain.CaseStatus;
import id.lumbung.complaint.domain.CaseType;
import id.lumbung.complaint.domain.Channel;
import id.lumbung.complaint.domain.HandlingLevel;
import id.lumbung.complaint.domain.SlaPolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API models of cases. */
public final class CaseApi {

    private CaseApi() {
    }

    @Schema(description = "Who reports. Leave out entirely for an anonymous aduan.")
    public record Reporter(
            @NotNull @Pattern(regexp = "\\d{16}", message = "must be 16 digits") String nik,
            @Schema(description = "Village (desa/kelurahan) the reporter lives in; required for a sanggah") String villageCode) {
    }

    @Schema(description = "What a sanggah carries besides the description")
    public record SanggahDetails(
            @NotBlank @Size(max = 500) String reason,
            @NotBlank @Size(max = 4000) String statement,
            @NotBlank @Size(max = 500) @Schema(description = "Reference of the uploaded house photo") String photoRef,
            @NotNull @DecimalMin("-11.5") @DecimalMax("6.5") Double latitude,
            @NotNull @DecimalMin("94.5") @DecimalMax("141.5") Double longitude) {
    }

    public record SubmitCase(
            @NotNull CaseType type,
            @NotNull Channel channel,
            @NotBlank @Schema(description = "Kemendagri village code, e.g. 33.20.01.2001") String villageCode,
            UUID householdId,
            @Size(max = 40) @Pattern(regexp = "[A-Z0-9_]+", message = "must be a program code like BLTS_KESRA") String programCode,
            @NotBlank @Size(max = 4000) String description,
            @Valid Reporter reporter,
            @Valid SanggahDetails sanggah) {
    }

    public record Handling(HandlingLevel level, String team, String regionCode, String assignee) {
    }

    @Schema(description = "Answer to a submission. The secret is shown only here: with the number it lets the reporter follow the case.")
    public record Submitted(String number, String secret, CaseType type, CaseStatus status, Handling handledBy,
            Instant submittedAt, Instant verifyDueAt, String trackPath) {
    }

    public record ActionRequest(
            @NotNull CaseAction action,
            @Size(max = 4000) String note,
            @Size(max = 200) String assignee,
            @Size(max = 4000) @Schema(description = "The finding, for RESOLVE or REJECT") String outcomeDetail,
            @Size(max = 20) List<@NotBlank @Size(max = 500) String> attachments,
            @Schema(description = "Registered household of an accepted usul, when the case has none yet") UUID householdId) {
    }

    public record ReporterView(boolean anonymous, String nik, String villageCode) {
    }

    public record SanggahView(String reason, String statement, String photoRef, Double latitude, Double longitude) {
    }

    public record Sla(Instant verifyDueAt, Instant followUpDueAt, List<SlaPolicy.Breach> breaches) {
    }

    public record Activity(Instant at, CaseAction action, CaseStatus fromStatus, CaseStatus toStatus, String actor,
            String note, String assignee, List<String> attachments) {
    }

    public record CaseView(String number, CaseType type, Channel channel, CaseStatus status, Handling handledBy,
            String villageCode, UUID householdId, String programCode, ReporterView reporter, String description,
            SanggahView sanggah, String outcomeDetail, Instant submittedAt, Instant verifiedAt, Instant decidedAt,
            Instant closedAt, Sla sla, Set<CaseAction> allowedActions, List<Activity> activity,
            ExplanationApi.Explanation explanation, long version) {
    }

    public record CaseSummary(String number, CaseType type, Channel channel, CaseStatus status, HandlingLevel level,
            String team, String villageCode, String programCode, String reporterNik, Instant submittedAt,
            Instant verifyDueAt, Instant followUpDueAt) {
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    public record TimelineEntry(Instant at, CaseAction action, CaseStatus status) {
    }

    @Schema(description = "What the reporter sees of his case: masked, without names or internal notes")
    public record TrackedCase(String number, CaseType type, CaseStatus status, HandlingLevel handledBy,
            String villageCode, String programCode, String reporterNik, Instant submittedAt, Instant verifyDueAt,
            Instant followUpDueAt, Instant decidedAt, List<TimelineEntry> timeline) {
    }

    public record BreachedCase(String number, CaseType type, CaseStatus status, String villageCode,
            SlaPolicy.Rule rule, Instant dueAt, Instant metAt) {
    }

    public record RuleCount(SlaPolicy.Rule rule, long total, long stillOpen) {
    }

    public record SlaSummary(Instant asOf, List<RuleCount> counts, List<BreachedCase> cases) {
    }
}
