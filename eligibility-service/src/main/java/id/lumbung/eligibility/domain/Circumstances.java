package id.lumbung.eligibility.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a policy may look at besides the household: the program and period being decided, and the aid the
 * household already receives in that period. Ages are counted on {@link #asOf()}, the first day of the
 * period, so the same data gives the same answer whenever it is evaluated. {@code findings} are the household's
 * decided complaints (tolak, sanggah) of any program and period; the policy picks those that hold.
 */
public record Circumstances(String programCode, ProgramPeriod period, Set<String> aidReceived,
        List<ComplaintFinding> findings) {

    public Circumstances {
        Objects.requireNonNull(programCode, "programCode");
        Objects.requireNonNull(period, "period");
        aidReceived = Set.copyOf(aidReceived);
        findings = List.copyOf(findings);
    }

    public Circumstances(String programCode, ProgramPeriod period, Set<String> aidReceived) {
        this(programCode, period, aidReceived, List.of());
    }

    public LocalDate asOf() {
        return period.start();
    }

    /** Aid from programs other than the one being decided. */
    public Set<String> otherAid() {
        return aidReceived.stream().filter(p -> !p.equals(programCode))
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }
}
