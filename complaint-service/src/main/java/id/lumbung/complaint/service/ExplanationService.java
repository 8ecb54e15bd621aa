package id.lumbung.complaint.service;

import id.lumbung.complaint.domain.ExplanationPolicy;
import id.lumbung.complaint.persistence.DeterminationView;
import id.lumbung.complaint.rest.ExplanationApi;
import id.lumbung.platform.audit.AuditLog;
import id.lumbung.platform.id.RegionCode;
import id.lumbung.platform.problem.ProblemException;
import id.lumbung.platform.security.RegionScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

/** Answers "why don't I receive aid?" for a household from the latest determinations eligibility sent. */
@ApplicationScoped
public class ExplanationService {

    private final DeterminationView determinations;
    private final AuditLog audit;

    public ExplanationService(DeterminationView determinations, AuditLog audit) {
        this.determinations = determinations;
        this.audit = audit;
    }

    @Transactional
    public ExplanationApi.Explanation forOperator(UUID householdId, RegionScope scope) {
        var explanation = explain(householdId).orElseThrow(() -> new ProblemException(404, "no-determination",
                "No determination yet", "eligibility has not determined household " + householdId + " for any program yet"));
        scope.require(RegionCode.of(explanation.villageCode()));
        audit.record("READ", "explanation", householdId.toString(), null);
        return explanation;
    }

    /** The explanation, or empty when eligibility has not determined the household yet. */
    public Optional<ExplanationApi.Explanation> explain(UUID householdId) {
        var latest = determinations.latestPerProgram(householdId);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        var newest = latest.stream().max(Comparator.comparing(DeterminationView.Determination::determinedAt)).get();
        var answers = latest.stream()
                .map(d -> ExplanationPolicy.explain(d.programCode(), d.period(), d.eligible(), d.reasons()))
                .toList();
        long receiving = answers.stream().filter(ExplanationPolicy.ProgramAnswer::eligible).count();
        String ringkasan = receiving == 0
                ? "Keluarga belum ditetapkan sebagai penerima bantuan pada program yang sudah dinilai. Lihat sebab dan solusi per program."
                : "Keluarga ditetapkan sebagai penerima pada " + receiving + " dari " + answers.size() + " program yang sudah dinilai.";
        Instant at = newest.determinedAt();
        return Optional.of(new ExplanationApi.Explanation(householdId, newest.villageCode(), ringkasan,
                answers.stream().map(ExplanationApi.ProgramExplanation::of).toList(), at));
    }
}
