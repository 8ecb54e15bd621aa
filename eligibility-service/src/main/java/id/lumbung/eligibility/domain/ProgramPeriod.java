package id.lumbung.eligibility.domain;

import java.time.LocalDate;

/** A program period, a DTSEN quarter: {@code 2025-Q4} is 1 October to 31 December 2025. */
public record ProgramPeriod(int year, int quarter) implements Comparable<ProgramPeriod> {

    public ProgramPeriod {
        if (year < 2000 || year > 2100 || quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("a program period looks like 2025-Q4");
        }
    }

    public static ProgramPeriod parse(String text) {
        if (text == null || !text.matches("\\d{4}-Q[1-4]")) {
            throw new IllegalArgumentException("a program period looks like 2025-Q4");
        }
        return new ProgramPeriod(Integer.parseInt(text.substring(0, 4)), text.charAt(6) - '0');
    }

    public LocalDate start() {
        return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    }

    public LocalDate end() {
        return start().plusMonths(3).minusDays(1);
    }

    @Override
    public int compareTo(ProgramPeriod o) {
        return year != o.year ? Integer.compare(year, o.year) : Integer.compare(quarter, o.quarter);
    }

    @Override
    public String toString() {
        return year + "-Q" + quarter;
    }
}
