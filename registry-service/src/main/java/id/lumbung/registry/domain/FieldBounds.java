package id.lumbung.registry.domain;

/**
 * The largest value the registry accepts for each free-text field and list, over REST and in imports alike. They
 * are set from what real records need (a KTP name is at most a few dozen characters) and kept well inside what
 * the consumers of {@code registry.households.v1} can store and index (a btree entry holds at most 2,704 bytes):
 * an event that leaves the registry can always be applied.
 */
public final class FieldBounds {

    /** Full name as on the KTP. */
    public static final int NAME = 200;
    /** Street address. */
    public static final int ADDRESS = 500;
    /** RT / RW numbers. */
    public static final int RT_RW = 3;
    /** Birth place, and the coded socio-economic and person attributes (wall type, education, occupation, ...). */
    public static final int ATTRIBUTE = 100;
    /** Assets listed for one family, and livestock kinds. */
    public static final int LIST_ITEMS = 50;
    /** Members of one family card registered or proposed over REST, and members who leave it together. */
    public static final int MEMBERS = 30;
    /** Employment facts of one person: each {@link EmploymentFact} at most once. */
    public static final int EMPLOYMENT_FACTS = 11;
    /** Floor and land area in square metres. */
    public static final String AREA_MAX = "1000000";
    /** Connected electricity in VA. */
    public static final long ELECTRICITY_VA_MAX = 1_000_000;
    /** Head of one livestock kind. */
    public static final long LIVESTOCK_MAX = 100_000;
    /** Monthly income in rupiah. */
    public static final long INCOME_MAX = 1_000_000_000_000L;
    /** Persons present at one village deliberation (musdes), as its Berita Acara counts them. */
    public static final long ATTENDANCE_MAX = 10_000;

    private FieldBounds() {
    }
}
