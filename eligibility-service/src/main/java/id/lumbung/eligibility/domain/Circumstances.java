package id.lumbung.eligibility.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * What a policy may look at besides the household: the program and period being decided, and the aid the
 * household already receives in that period. Ages are counted on {@link #asOf()}, the first day of the
 * period, so the same data gives the same answer whenever it is evaluated.
 */
public record Circumstances(String programCode, ProgramPeriod period, Set<String> aidReceived) {

    public Circumstances {
        Objects.requireNonNull(programCode, "programCode");
        Objects.requireNonNull(period, "period");
        aidReceived = Set.copyOf(aidReceived);
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
