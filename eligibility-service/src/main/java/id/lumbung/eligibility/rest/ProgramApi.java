package id.lumbung.eligibility.rest;

import id.lumbung.platform.id.Quarter;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The API models of programs and their rule versions. */
public final class ProgramApi {

    private ProgramApi() {
    }

    /** A rule version in short: where and when it applies and what it pays. */
    public record RuleVersionSummary(int version, String regionPrefix, String period, Long amountPerMonth,
            Integer months, boolean lumpSum) {
    }

    /** A program with the rule versions currently published. */
    public record ProgramSummary(String code, String name, String description, List<RuleVersionSummary> published) {
    }

    /**
     * A rule version in full. {@code rules} holds the desil band, exclusions, required conditions and the
     * programs it must not be combined with.
     */
    public record RuleVersionView(int version, String regionPrefix, String period, String status,
            Map<String, Object> rules, Long amountPerMonth, Integer months, boolean lumpSum, Long totalAmount,
            String note, Instant createdAt, Instant publishedAt) {
    }

    public record ProgramView(String code, String name, String description, List<RuleVersionView> ruleVersions) {
    }

    /** A new rule version, created as a draft; {@code rules} as in {@link RuleVersionView}. */
    public record RuleVersionRequest(
            @jakarta.validation.constraints.Pattern(regexp = "\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?", message = "must be a region code like 33.20") String regionPrefix,
            @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Pattern(regexp = Quarter.PATTERN, message = Quarter.MESSAGE) String period,
            @jakarta.validation.constraints.NotNull Map<String, Object> rules,
            @jakarta.validation.constraints.PositiveOrZero Long amountPerMonth,
            @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(12) Integer months,
            boolean lumpSum,
            @jakarta.validation.constraints.Size(max = 2000) String note) {
    }

    /** Households of one region that a draft would make eligible (gains) or not eligible (losses). */
    public record RegionChange(String regionCode, long eligibleNow, long eligibleWithDraft, long gains, long losses) {
    }

    /**
     * What a draft rule version would change against the published rules of its program period, on the current
     * projection, per region at {@code level}; nothing is written.
     */
    public record WhatIfReport(String programCode, int version, String period, String regionPrefix, String level,
            List<Integer> comparedWith, long gains, long losses, List<RegionChange> regions) {
    }
}
