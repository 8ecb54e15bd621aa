package id.lumbung.disbursement.domain;

import java.util.Optional;

/** Funds not paid go back (retur); what a village was planned must be exactly what was paid plus returned. */
public final class Retur {

    private Retur() {
    }

    public static Optional<Refusal> totalsProblem(long planned, long paid, long returned) {
        if (paid < 0 || returned < 0) {
            return Optional.of(new Refusal("NEGATIVE_TOTAL", "paid and returned totals cannot be negative"));
        }
        if (planned != Math.addExact(paid, returned)) {
            return Optional.of(new Refusal("TOTALS_DO_NOT_ADD_UP", "planned Rp" + planned + " is not paid Rp" + paid
                    + " + returned Rp" + returned));
        }
        return Optional.empty();
    }
}
