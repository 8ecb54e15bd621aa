package id.lumbung.registry.domain;

import java.time.LocalDate;

/** The DTSEN quarter a desil belongs to ("DTSEN triwulan 4 2025" is {@code 2025-Q4}). */
public record DesilPeriod(int year, int quarter) implements Comparable<DesilPeriod> {

    public DesilPeriod {
        if (year < 2000 || year > 2100 || quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("a DTSEN period looks like 2025-Q4");
        }
    }

    public static DesilPeriod parse(String text) {
        if (text == null || !text.matches("\\d{4}-Q[1-4]")) {
            throw new IllegalArgumentException("a DTSEN period looks like 2025-Q4");
        }
        return new DesilPeriod(Integer.parseInt(text.substring(0, 4)), text.charAt(6) - '0');
    }

    public static DesilPeriod containing(LocalDate date) {
        return new DesilPeriod(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
    }

    @Override
    public int compareTo(DesilPeriod o) {
        return year != o.year ? Integer.compare(year, o.year) : Integer.compare(quarter, o.quarter);
    }

    @Override
    public String toString() {
        return year + "-Q" + quarter;
    }
}
