package id.lumbung.disbursement.domain;

/**
 * What a program pays one family: an amount per month for a number of months, either in one payment
 * (lump sum, e.g. BLTS Kesra: Rp300.000 x 3 = Rp900.000 at once) or month by month. Whole rupiah.
 */
public record Entitlement(long amountPerMonth, int months, boolean lumpSum) {

    public Entitlement {
        if (amountPerMonth <= 0) {
            throw new IllegalArgumentException("amount per month must be positive, was " + amountPerMonth);
        }
        if (months <= 0) {
            throw new IllegalArgumentException("months must be positive, was " + months);
        }
    }

    /** The family's whole entitlement over the plan; overflow is an error, never a wrap-around. */
    public long perFamily() {
        return Math.multiplyExact(amountPerMonth, (long) months);
    }

    public long plannedTotal(long families) {
        return Math.multiplyExact(perFamily(), families);
    }
}
