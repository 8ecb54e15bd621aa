package id.lumbung.complaint.domain;

/** Case numbers people can read out on the phone: {@code SGH-2025-000123}, running per kind and year. */
public final class CaseNumber {

    /** The shape of every case number: kind prefix, calendar year, running number of six to nine digits. */
    public static final String PATTERN = "(ADU|USL|SGH|TLK)-\\d{4}-\\d{6,9}";

    private CaseNumber() {
    }

    public static String format(CaseType type, int year, long sequence) {
        return "%s-%d-%06d".formatted(type.prefix(), year, sequence);
    }

    /** Whether {@code value} has the shape of a case number at all (checked before any lookup). */
    public static boolean looksLikeOne(String value) {
        return value != null && value.matches(PATTERN);
    }
}
