package id.lumbung.platform.id;

/** A quarter as DTSEN and the programs name it ({@code 2025-Q4}), within the years Lumbung can mean (2000–2099). */
public final class Quarter {

    /** For {@code @Pattern} on API fields and parameters. */
    public static final String PATTERN = "^20\\d{2}-Q[1-4]$";
    public static final String MESSAGE = "must be a quarter of 2000–2099 like 2025-Q4";

    private Quarter() {
    }
}
