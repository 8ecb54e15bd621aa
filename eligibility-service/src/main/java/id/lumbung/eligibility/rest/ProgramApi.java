package id.lumbung.eligibility.rest;

import id.lumbung.platform.id.Quarter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API models of programs and their rule versions. */
public final class ProgramApi {

    private ProgramApi() {
    }

    /** A rule version in short: where and when it applies and what it pays. */
    @Schema(name = "RuleVersionSummary", description = "A published rule version in short: where and for which quarter "
            + "it applies and what it pays a family")
    public record RuleVersionSummary(int version, String regionPrefix, String period, Long amountPerMonth,
            Integer months, boolean lumpSum) {
    }

    /** A program with the rule versions currently published. */
    @Schema(name = "ProgramSummary", description = "A bansos program with the rule versions currently published")
    public record ProgramSummary(
            @Schema(description = "Program code", example = "BLTS_KESRA_2025") String code,
            @Schema(description = "Program name", example = "BLTS Kesra 2025") String name,
            @Schema(description = "What the program gives and to whom", example = "Bantuan Langsung Tunai Sementara "
                    + "Kesejahteraan Rakyat: Rp300,000 x 3 months (October-December 2025) paid at once, Rp900,000, for "
                    + "desil 1-4 families.") String description,
            @Schema(description = "The published rule versions, national and regional variants, of every quarter")
            List<RuleVersionSummary> published) {
    }

    /**
     * A rule version in full. {@code rules} holds the desil band, exclusions, required conditions and the
     * programs it must not be combined with.
     */
    @Schema(name = "RuleVersion", description = "A rule version in full: its rules, amounts and state. A published "
            + "version is never edited; a new figure or condition is a new version")
    public record RuleVersionView(int version, String regionPrefix, String period,
            @Schema(description = "DRAFT (decides nothing yet) or PUBLISHED (applied by determinations)",
                    enumeration = { "DRAFT", "PUBLISHED" }, example = "PUBLISHED") String status,
            Map<String, Object> rules, Long amountPerMonth, Integer months,
            boolean lumpSum,
            @Schema(description = "amountPerMonth × months in rupiah; null when the amount is not one figure per family",
                    example = "900000") Long totalAmount,
            @Schema(description = "Why this version exists: its source, decree or regional decision",
                    example = "BLTS Kesra 2025: desil 1-4, Rp300,000 x 3 months (Oct-Dec 2025) paid at once: Rp900,000.")
            String note,
            @Schema(description = "When the version was drafted") Instant createdAt,
            @Schema(description = "When the version was published; null for a draft") Instant publishedAt) {
    }

    @Schema(name = "Program", description = "A bansos program with every rule version, drafts and regional variants "
            + "included, oldest first")
    public record ProgramView(
            @Schema(description = "Program code", example = "SEMBAKO") String code,
            @Schema(description = "Program name", example = "Program Sembako (BPNT)") String name,
            @Schema(description = "What the program gives and to whom", example = "Food assistance of Rp200,000 per "
                    + "family per month for desil 1-4, paid per quarter through the KKS card or Pos.") String description,
            @Schema(description = "Every rule version of the program") List<RuleVersionView> ruleVersions) {
    }

    /** A new rule version, created as a draft; {@code rules} as in {@link RuleVersionView}. */
    @Schema(name = "RuleVersionRequest", description = "A new rule version of a program, created as a draft that decides "
            + "nothing until it is published")
    public record RuleVersionRequest(
            @Pattern(regexp = "\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?", message = "must be a region code like 33.20")
            String regionPrefix,
            @NotNull @Pattern(regexp = Quarter.PATTERN, message = Quarter.MESSAGE) String period,
            @NotNull @Size(max = 5, message = "a rule version knows at most 5 rule keys") Map<String, Object> rules,
            @PositiveOrZero @Max(value = 100_000_000, message = "must be at most Rp100,000,000 a month")
            @Schema(description = "Rupiah per family per month; leave out where the amount is not one figure per family "
                    + "(PKH components, PBI-JKN premium, regional budget)", example = "300000") Long amountPerMonth,
            @Min(1) @Max(12) Integer months,
            boolean lumpSum,
            @Size(max = 2000)
            @Schema(description = "Why this version exists: its source, decree or regional decision", example = "Jepara "
                    + "variant: desil 1-4 and a vulnerable member; Dinas Sosial decision of October 2025.") String note) {
    }

    /** Households of one region that a draft would make eligible (gains) or not eligible (losses). */
    @Schema(name = "RuleVersionRegionImpact", description = "What a draft rule version would change in one region: "
            + "eligible households now and with the draft, households gained and lost")
    public record RegionChange(
            @Schema(description = "Kemendagri code of the region, at the level asked for", example = "33.20.06") String regionCode,
            @Schema(description = "Households eligible under the published rules of the program period",
                    example = "4210") long eligibleNow,
            @Schema(description = "Households eligible with the draft added to the published rules",
                    example = "3987") long eligibleWithDraft,
            long gains, long losses) {
    }

    /**
     * What a draft rule version would change against the published rules of its program period, on the current
     * projection, per region at {@code level}; nothing is written.
     */
    @Schema(name = "RuleVersionImpact", description = "What a draft rule version would change against the published "
            + "rules of its program period, on the current household projection, per region; nothing is written")
    public record WhatIfReport(
            @Schema(description = "Program code", example = "SEMBAKO") String programCode,
            @Schema(description = "The draft rule version tried", example = "3") int version,
            String period, String regionPrefix,
            @Schema(description = "The region level the households are counted at",
                    enumeration = { "PROVINCE", "REGENCY", "DISTRICT", "VILLAGE" }, example = "REGENCY") String level,
            @Schema(description = "The published rule versions of the program period the draft "
                    + "was compared with", example = "[1, 2]") List<Integer> comparedWith,
            long gains, long losses,
            @Schema(description = "One entry per region with households eligible now or with the draft, by region code")
            List<RegionChange> regions) {
    }
}
