package id.lumbung.eligibility.service;

import id.lumbung.eligibility.domain.ProgramPeriod;
import java.time.Instant;

/** Opens {@link ComplaintOutcomes#nextPeriod} to tests of other packages. */
public final class ComplaintOutcomesAccess {

    private ComplaintOutcomesAccess() {
    }

    public static ProgramPeriod nextPeriod(Instant decidedAt) {
        return ComplaintOutcomes.nextPeriod(decidedAt);
    }
}
