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

    /** A village (desa/kelurahan) code in its dotted Kemendagri form. */
    static final String VILLAGE = "\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}";
    /** A region code of any level: province, regency/city, district or village. */
    static final String REGION = "\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?";

    private CaseApi() {
    }

    @Schema(name = "CaseReporter", description = "Who reports (pelapor). Leave out entirely for an anonymous aduan; "
            + "every other kind needs it.")
    public record Reporter(
            @NotNull @Pattern(regexp = "\\d{16}", message = "must be 16 digits")
            @Schema(description = "The reporter's NIK, as on the KTP. Stored to reach and verify the reporter; "
                    + "every answer shows it masked.", example = "3320010107850001") String nik,
            @Size(max = 13) @Pattern(regexp = VILLAGE, message = "must be a village code like 33.20.01.2001")
            @Schema(description = "Village (desa/kelurahan) the reporter lives in; required for a sanggah, which may "
                    + "only concern a recipient of the reporter's own village.", example = "33.20.01.2001") String villageCode) {
    }

    @Schema(name = "SanggahDetails", description = "What a sanggah (dispute that a listed recipient is eligible) carries "
            + "besides the description, as in Cek Bansos: the reason, a statement and a photo of the recipient's house "
            + "with the coordinates where it was taken")
    public record SanggahDetails(
            @NotBlank @Size(max = 500)
            @Schema(description = "Why the recipient is not eligible, in a sentence", example = "Rumah layak dan punya mobil") String reason,
            @NotBlank @Size(max = 4000) String statement,
            @NotBlank @Size(max = 500) String photoRef,
            @NotNull @DecimalMin("-11.5") @DecimalMax("6.5")
            @Schema(description = "Latitude where the house photo was taken, decimal degrees (WGS 84), within Indonesia",
                    example = "-6.5887") Double latitude,
            @NotNull @DecimalMin("94.5") @DecimalMax("141.5")
            @Schema(description = "Longitude where the house photo was taken, decimal degrees (WGS 84), within Indonesia",
                    example = "110.6684") Double longitude) {
    }

    @Schema(name = "CaseSubmission", description = "A new case: aduan (complaint), usul (proposal of a family), sanggah "
            + "(dispute of a listed recipient) or tolak (a recipient declines aid). What each kind must carry: an aduan "
            + "may be anonymous; usul, sanggah and tolak need the reporter; sanggah and tolak need the household and the "
            + "program; only a sanggah carries sanggah details, and it must carry them.")
    public record SubmitCase(
            @NotNull CaseType type,
            @NotNull Channel channel,
            // no @Pattern: RegionCode checks the form (and also takes the ten plain digits)
            @NotBlank @Schema(description = "Village (desa/kelurahan) the case is about, Kemendagri code; it decides the team "
                    + "that handles the case", example = "33.20.01.2001", pattern = VILLAGE, maxLength = 13) String villageCode,
            UUID householdId,
            @Size(max = 40) @Pattern(regexp = "[A-Z0-9_]+", message = "must be a program code like BLTS_KESRA")
            @Schema(description = "Program (bansos) the case is about; required for a sanggah and a tolak",
                    example = "BLTS_KESRA_2025") String programCode,
            @NotBlank @Size(max = 4000) String description,
            @Valid Reporter reporter,
            @Valid SanggahDetails sanggah) {
    }

    @Schema(name = "CaseHandling", description = "The team that handles the case: the village operator (desa) or the "
            + "regency/city social office (Dinas Sosial), and the person it is assigned to")
    public record Handling(HandlingLevel level, String team,
            @Schema(description = "The region the team covers: the case's village for a village operator, its regency/city "
                    + "for the social office", example = "33.20.01.2001") String regionCode,
            String assignee) {
    }

    @Schema(name = "SubmittedCase", description = "Answer to a submission. The secret is shown only here: with the number "
            + "it lets the reporter follow the case without an account.")
    public record Submitted(String number, String secret, CaseType type, CaseStatus status, Handling handledBy,
            Instant submittedAt, Instant verifyDueAt, String trackPath) {
    }

    @Schema(name = "CaseActionRequest", description = "An operator's action on a case. What each action needs besides "
            + "`action`: ASSIGN the assignee; NOTE, REJECT and APPEAL a note saying why; RESOLVE the finding (outcomeDetail, "
            + "or a note) and, for a usul whose case has no household yet, the registered household's id.")
    public record ActionRequest(
            @NotNull CaseAction action,
            @Size(max = 4000)
            @Schema(description = "Why, in the operator's words; kept in the case history (not shown to the reporter)",
                    example = "Data dicek di SIKS-NG: desil keluarga 3, belum ada usulan.") String note,
            @Size(max = 200)
            @Schema(description = "For ASSIGN: the operator who takes the case (a user name of the team)",
                    example = "budi.operator") String assignee,
            @Size(max = 4000)
            @Schema(description = "For RESOLVE or REJECT: the finding, published with the outcome of a resolved usul, "
                    + "sanggah or tolak", example = "Hasil verifikasi lapangan: keluarga memiliki mobil dan rumah permanen.")
            String outcomeDetail,
            @Size(max = 20)
            @Schema(description = "References of supporting documents already uploaded (minutes of a musdes, photos, "
                    + "letters)", example = "[\"docs/ba-musdes-2025-11.pdf\"]")
            List<@NotBlank @Size(max = 500) String> attachments,
            @Schema(description = "For RESOLVE of a usul: the household registered for the proposed family, when the case "
                    + "has none yet; ignored when the case already names one",
                    format = "uuid", pattern = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
                    maxLength = 36, example = "8d1c5e0e-6a53-4a8e-9b51-3d2c7f1a0b11") UUID householdId) {
    }

    @Schema(name = "CaseReporterView", description = "The reporter as operators see it: the NIK masked")
    public record ReporterView(boolean anonymous,
            @Schema(description = "The reporter's NIK, masked: the district digits stay, the rest is hidden; null for an "
                    + "anonymous aduan", example = "332001**********") String nik,
            @Schema(description = "Village the reporter lives in, as given", example = "33.20.01.2001") String villageCode) {
    }

    @Schema(name = "SanggahDetailsView", description = "The sanggah details as submitted")
    public record SanggahView(
            @Schema(description = "Why the recipient is not eligible, as the reporter put it",
                    example = "Rumah layak dan punya mobil") String reason,
            String statement, String photoRef,
            @Schema(description = "Latitude where the house photo was taken", example = "-6.5887") Double latitude,
            @Schema(description = "Longitude where the house photo was taken", example = "110.6684") Double longitude) {
    }

    @Schema(name = "SlaBreach", description = "A service level the case missed: not met by dueAt, either met late "
            + "(metAt) or still not met")
    public record SlaBreach(SlaPolicy.Rule rule, Instant dueAt, Instant metAt) {
    }

    @Schema(name = "CaseSla", description = "The service levels (SLA) of the case: its due dates and the ones already missed")
    public record Sla(Instant verifyDueAt, Instant followUpDueAt, List<SlaBreach> breaches) {
    }

    @Schema(name = "CaseActivity", description = "One step in the case's history, with who took it")
    public record Activity(Instant at, CaseAction action, CaseStatus fromStatus, CaseStatus toStatus,
            @Schema(description = "Who took the step: the operator's user name, or system:sla for the sweep that voids "
                    + "an overdue sanggah", example = "dinsos.jepara.verifikator") String actor,
            String note,
            @Schema(description = "For ASSIGN: the operator the case was assigned to", example = "budi.operator") String assignee,
            List<String> attachments) {
    }

    @Schema(name = "CaseView", description = "A case as operators see it: its facts, the reporter (NIK masked), the team, "
            + "the SLA, the full history, the actions the caller may take now and, for an aduan about a household, why "
            + "the household does or does not receive each program")
    public record CaseView(String number, CaseType type, Channel channel, CaseStatus status, Handling handledBy,
            String villageCode, UUID householdId, String programCode, ReporterView reporter, String description,
            SanggahView sanggah, String outcomeDetail, Instant submittedAt, Instant verifiedAt, Instant decidedAt,
            Instant closedAt, Sla sla, Set<CaseAction> allowedActions, List<Activity> activity,
            ExplanationApi.Explanation explanation, long version) {
    }

    @Schema(name = "CaseSummary", description = "A case in a list: what it is, where it stands, who handles it and when "
            + "it is due")
    public record CaseSummary(String number, CaseType type, Channel channel, CaseStatus status, HandlingLevel level,
            String team, String villageCode, String programCode, String reporterNik, Instant submittedAt,
            Instant verifyDueAt, Instant followUpDueAt) {
    }

    @Schema(name = "CaseSummaryPage", description = "A page of cases, newest first")
    public record CasePage(List<CaseSummary> items, int page, int size, long total) {
    }

    @Schema(name = "CaseTimelineEntry", description = "One step of the case as the reporter sees it: when, what and the "
            + "status after it, without names or notes")
    public record TimelineEntry(Instant at, CaseAction action, CaseStatus status) {
    }

    @Schema(name = "TrackedCase", description = "What the reporter sees of the case: masked, without names or internal notes")
    public record TrackedCase(String number, CaseType type, CaseStatus status, HandlingLevel handledBy,
            String villageCode, String programCode, String reporterNik, Instant submittedAt, Instant verifyDueAt,
            Instant followUpDueAt, Instant decidedAt, List<TimelineEntry> timeline) {
    }

    @Schema(name = "BreachedCase", description = "A case that missed a service level, with the rule, when it was due and "
            + "when it was met (null: still not met)")
    public record BreachedCase(String number, CaseType type, CaseStatus status, String villageCode,
            SlaPolicy.Rule rule, Instant dueAt, Instant metAt) {
    }

    @Schema(name = "SlaRuleCount", description = "How many cases missed one service level")
    public record RuleCount(SlaPolicy.Rule rule,
            @Schema(description = "Cases that missed the rule, met late or not at all", example = "12") long total,
            @Schema(description = "Of those, cases still not met and still open (SUBMITTED or VERIFYING): the ones to act "
                    + "on now", example = "4") long stillOpen) {
    }

    @Schema(name = "SlaSummary", description = "Service-level breaches as they stand now within the caller's regions: "
            + "counts per rule and the breached cases, earliest due first (at most 500)")
    public record SlaSummary(Instant asOf, List<RuleCount> counts, List<BreachedCase> cases) {
    }
}
