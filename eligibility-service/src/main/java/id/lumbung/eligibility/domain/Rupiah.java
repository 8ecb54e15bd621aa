package id.lumbung.eligibility.domain;

/** Rupiah amounts in sentences, written the Indonesian way: {@code Rp480.000}. */
public final class Rupiah {

    private Rupiah() {
    }

    public static String format(long amount) {
        var digits = Long.toString(Math.abs(amount));
        var out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append('.');
            }
            out.append(digits.charAt(i));
        }
        return (amount < 0 ? "-Rp" : "Rp") + out;
    }
}
