package id.lumbung.disbursement.rest;

/**
 * What the identifiers a caller sends look like, as anchored patterns for validation and for the OpenAPI document
 * alike. Whether a well-formed value names something that exists is the services' question.
 */
public final class Formats {

    private Formats() {
    }

    /** A Kemendagri region code, dotted (33.20.06.1001) or as plain digits (3320061001). */
    public static final String REGION_CODE = "^(\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?|\\d{4}|\\d{6}|\\d{10})$";
    public static final int REGION_CODE_MAX = 13;
    public static final String REGION_CODE_MESSAGE = "must be a region code like 33.20, 33.20.06 or 33.20.06.1001";

    /** A pay point's code as its operator knows it, e.g. the post office's KPC code. */
    public static final String PAY_POINT_CODE = "^[A-Z0-9][A-Z0-9-]{1,49}$";
    public static final String PAY_POINT_CODE_MESSAGE = "must be 2 to 50 capital letters, digits or '-'";

    /** A UUID in its canonical text form. */
    public static final String UUID_TEXT = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

    /** NIK and No. KK: 16 digits. */
    public static final String SIXTEEN_DIGITS = "^\\d{16}$";
    public static final String SIXTEEN_DIGITS_MESSAGE = "must be 16 digits";

    /** A SHA-256 hash as 64 lower-case hex digits. */
    public static final String SHA256 = "^[0-9a-f]{64}$";
    public static final String SHA256_MESSAGE = "must be a SHA-256 hash in 64 lower-case hex digits";

    /** An ISO date, yyyy-mm-dd. */
    public static final String ISO_DATE = "^\\d{4}-\\d{2}-\\d{2}$";
}
