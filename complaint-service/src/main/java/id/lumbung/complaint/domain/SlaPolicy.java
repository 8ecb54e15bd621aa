package id.lumbung.complaint.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The service levels a case is held to. A sanggah not verified within {@code sanggahVerify} is void
 * (Cek Bansos); an aduan is verified within {@code aduanVerify} and followed up (decided) within
 * {@code aduanFollowUp} of its verification (SP4N-LAPOR); a decision can be appealed within {@code appealWindow}.
 */
public record SlaPolicy(Duration sanggahVerify, Duration aduanVerify, Duration aduanFollowUp, Duration appealWindow) {

    /** The rule a breach is about. */
    public enum Rule {
        SANGGAH_VERIFY,
        ADUAN_VERIFY,
        ADUAN_FOLLOW_UP
    }

    /** A service level missed: not met by {@code dueAt}, either met late ({@code metAt}) or still not met. */
    public record Breach(Rule rule, Instant dueAt, Instant metAt) {
    }

    /** When verification is due for a case submitted at {@code submittedAt}, if its kind has such a rule. */
    public Optional<Instant> verifyDue(CaseType type, Instant submittedAt) {
        return switch (type) {
            case SANGGAH -> Optional.of(submittedAt.plus(sanggahVerify));
            case ADUAN -> Optional.of(submittedAt.plus(aduanVerify));
            default -> Optional.empty();
        };
    }

    /** When the follow-up (a decision) is due for a case verified at {@code verifiedAt}. */
    public Optional<Instant> followUpDue(CaseType type, Instant verifiedAt) {
        return type == CaseType.ADUAN ? Optional.of(verifiedAt.plus(aduanFollowUp)) : Optional.empty();
    }

    /** Whether a sanggah submitted at {@code submittedAt} can no longer be verified at {@code now}. */
    public boolean sanggahLapsed(CaseType type, Instant submittedAt, Instant now) {
        return type == CaseType.SANGGAH && now.isAfter(submittedAt.plus(sanggahVerify));
    }

    /** The breaches of one case as they stand at {@code now}. */
    public List<Breach> breaches(CaseType type, Instant verifyDueAt, Instant verifiedAt, Instant followUpDueAt,
            Instant decidedAt, Instant now) {
        var out = new ArrayList<Breach>();
        var verifyRule = type == CaseType.SANGGAH ? Rule.SANGGAH_VERIFY : Rule.ADUAN_VERIFY;
        missed(verifyRule, verifyDueAt, verifiedAt, now).ifPresent(out::add);
        missed(Rule.ADUAN_FOLLOW_UP, followUpDueAt, decidedAt, now).ifPresent(out::add);
        return out;
    }

    private static Optional<Breach> missed(Rule rule, Instant due, Instant met, Instant now) {
        if (due == null) {
            return Optional.empty();
        }
        Instant reference = met != null ? met : now;
        return reference.isAfter(due) ? Optional.of(new Breach(rule, due, met)) : Optional.empty();
    }
}
