package id.lumbung.registry.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Reads the values native queries return, whichever JDBC type the driver chose. */
public final class SqlValues {

    private SqlValues() {
    }

    public static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case java.sql.Timestamp t -> t.toInstant();
            default -> throw new IllegalArgumentException("not a timestamp: " + value.getClass());
        };
    }

    public static LocalDate date(Object value) {
        return switch (value) {
            case null -> null;
            case LocalDate d -> d;
            case java.sql.Date d -> d.toLocalDate();
            default -> throw new IllegalArgumentException("not a date: " + value.getClass());
        };
    }
}
