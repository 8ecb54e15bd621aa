package id.lumbung.registry.imports;

import id.lumbung.platform.problem.ProblemException;
import java.util.Locale;
import java.util.Map;

/**
 * What an upload is. A DTSEN extract comes either as one NDJSON file (a household with its members per
 * line) or as a CSV pair: households.csv, then persons.csv linked to it by no_kk.
 */
public enum ImportFormat {
    NDJSON,
    HOUSEHOLDS_CSV,
    PERSONS_CSV;

    public static final String NDJSON_TYPE = "application/x-ndjson";
    public static final String CSV_TYPE = "text/csv";

    /** The format named by a request's content type and {@code kind}, or a 400 problem saying what is accepted. */
    public static ImportFormat of(String contentType, String kind) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        String k = kind == null ? "" : kind.strip().toLowerCase(Locale.ROOT);
        if (!k.isEmpty() && !k.equals("households") && !k.equals("persons")) {
            throw unsupported("kind must be households or persons, not '" + kind + "'");
        }
        return switch (type) {
            case NDJSON_TYPE -> {
                if (k.equals("persons")) {
                    throw unsupported("NDJSON carries each household with its members: use kind=households");
                }
                yield NDJSON;
            }
            case CSV_TYPE, "application/csv" -> switch (k) {
                case "households" -> HOUSEHOLDS_CSV;
                case "persons" -> PERSONS_CSV;
                default -> throw unsupported("a CSV upload needs kind=households or kind=persons");
            };
            default -> throw unsupported("Content-Type must be " + CSV_TYPE + " or " + NDJSON_TYPE
                    + (type.isEmpty() ? "" : ", not " + type));
        };
    }

    /** The file name that bad rows are reported against. */
    public String file() {
        return switch (this) {
            case NDJSON -> "households.ndjson";
            case HOUSEHOLDS_CSV -> "households.csv";
            case PERSONS_CSV -> "persons.csv";
        };
    }

    private static ProblemException unsupported(String detail) {
        return new ProblemException(400, "unsupported-import", "Import format not supported", detail,
                Map.of("accepted", java.util.List.of(NDJSON_TYPE + " (kind=households)",
                        CSV_TYPE + " (kind=households, then kind=persons&job={id})")));
    }
}
