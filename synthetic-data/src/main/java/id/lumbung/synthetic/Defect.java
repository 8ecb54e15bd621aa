package id.lumbung.synthetic;

/**
 * A mistake planted in one family of an extract, as village operators make them, with the code the
 * registry's import reports for the row it lands on. One defect per family, so what the import does with
 * the rest of the family (rejects it, or takes it without the bad row) is known exactly.
 */
public enum Defect {

    // households.csv: the family card row is rejected, and with it every member (HOUSEHOLD_REJECTED)
    UNKNOWN_VILLAGE(Row.HOUSEHOLD, "UNKNOWN_VILLAGE", true),
    INVALID_DESIL(Row.HOUSEHOLD, "INVALID_DESIL", true),
    MISSING_ADDRESS(Row.HOUSEHOLD, "MISSING_FIELD", true),
    INVALID_INCOME(Row.HOUSEHOLD, "INVALID_NUMBER", true),
    INVALID_KKS_CARD(Row.HOUSEHOLD, "INVALID_BOOLEAN", true),
    INVALID_LIVESTOCK(Row.HOUSEHOLD, "INVALID_LIVESTOCK", true),
    INVALID_NO_KK(Row.HOUSEHOLD, "INVALID_NO_KK", true),
    NO_MEMBERS(Row.HOUSEHOLD, "NO_MEMBERS", true),
    TWO_HEADS(Row.HOUSEHOLD, "ONE_HEAD", true),
    /** An unquoted comma in the address: the row cannot be read, so its members point to no card (UNKNOWN_KK). */
    MALFORMED_HOUSEHOLD(Row.HOUSEHOLD, "MALFORMED_ROW", true),

    // persons.csv: the member row is rejected, its card with it (MEMBER_REJECTED), and the other members
    INVALID_NIK(Row.PERSON, "INVALID_NIK", true),
    UNKNOWN_DISTRICT(Row.PERSON, "UNKNOWN_DISTRICT", true),
    NIK_MISMATCH(Row.PERSON, "NIK_MISMATCH", true),
    INVALID_DATE(Row.PERSON, "INVALID_DATE", true),
    BORN_IN_FUTURE(Row.PERSON, "BORN_IN_FUTURE", true),
    INVALID_SEX(Row.PERSON, "INVALID_SEX", true),
    MISSING_NAME(Row.PERSON, "MISSING_FIELD", true),
    UNKNOWN_RELATIONSHIP(Row.PERSON, "UNKNOWN_RELATIONSHIP", true),
    UNKNOWN_EMPLOYMENT(Row.PERSON, "UNKNOWN_EMPLOYMENT", true),
    INVALID_LIFE_STATUS(Row.PERSON, "INVALID_LIFE_STATUS", true),
    DUPLICATE_NIK(Row.PERSON, "DUPLICATE_NIK", true),
    /** A member of the family before is listed on this card too: both cards are rejected. */
    NIK_ON_TWO_KK(Row.PERSON, "NIK_ON_TWO_KK", true),
    /** A member row with a mistyped No. KK: only that row is bad; the family goes in without it. CSV only. */
    UNKNOWN_KK(Row.PERSON, "UNKNOWN_KK", false),
    /** An unquoted comma in a member's name: only that row is bad; the family goes in without it. CSV only. */
    MALFORMED_PERSON(Row.PERSON, "MALFORMED_ROW", false);

    /** Which file of a CSV pair the bad row is in. */
    public enum Row { HOUSEHOLD, PERSON }

    private final Row row;
    private final String code;
    private final boolean rejectsFamily;

    Defect(Row row, String code, boolean rejectsFamily) {
        this.row = row;
        this.code = code;
        this.rejectsFamily = rejectsFamily;
    }

    public Row row() {
        return row;
    }

    /** The import error code of the bad row. */
    public String code() {
        return code;
    }

    /** Whether the family stays out of the registry (else it goes in without the bad row). */
    public boolean rejectsFamily() {
        return rejectsFamily;
    }

    /** Whether the defect can be written in NDJSON, where members sit inside their household's line. */
    public boolean inNdjson() {
        return this != UNKNOWN_KK && this != MALFORMED_PERSON;
    }
}
