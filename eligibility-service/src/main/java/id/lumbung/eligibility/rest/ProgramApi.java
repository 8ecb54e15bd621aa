package id.lumbung.eligibility.rest;

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
}
