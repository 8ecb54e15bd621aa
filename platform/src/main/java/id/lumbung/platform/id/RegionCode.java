package id.lumbung.platform.id;

import java.util.Optional;

/**
 * Kemendagri region (wilayah) code in dotted form: province {@code 33}, regency/city {@code 33.20},
 * district {@code 33.20.01}, village {@code 33.20.01.2001}.
 */
public record RegionCode(String value) implements Comparable<RegionCode> {

    public enum Level { PROVINCE, REGENCY, DISTRICT, VILLAGE }

    public RegionCode {
        var problem = problemWith(value);
        if (problem.isPresent()) {
            throw new InvalidIdentifierException("regionCode", problem.get());
        }
    }

    /** Accepts the dotted form or the plain digits (2, 4, 6 or 10 digits). */
    public static RegionCode of(String value) {
        if (value == null) {
            return new RegionCode(null);
        }
        var v = value.strip();
        return new RegionCode(v.contains(".") ? v : dotted(v));
    }

    public static Optional<String> problemWith(String value) {
        if (value == null || !value.matches("\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?")) {
            return Optional.of("region code must look like 33, 33.20, 33.20.01 or 33.20.01.2001");
        }
        var parts = value.split("\\.");
        int province = Integer.parseInt(parts[0]);
        if (province < 11 || province > 99) {
            return Optional.of("province code must be between 11 and 99");
        }
        for (int i = 1; i < parts.length; i++) {
            if (Integer.parseInt(parts[i]) == 0) {
                return Optional.of("region code parts start at 01 (0001 for villages)");
            }
        }
        return Optional.empty();
    }

    /** Plain digits ({@code 3320012001}) to dotted form; anything else is returned as it is. */
    public static String dotted(String digits) {
        if (digits == null || !digits.matches("\\d+")) {
            return digits;
        }
        return switch (digits.length()) {
            case 2 -> digits;
            case 4 -> digits.substring(0, 2) + "." + digits.substring(2);
            case 6 -> digits.substring(0, 2) + "." + digits.substring(2, 4) + "." + digits.substring(4);
            case 10 -> digits.substring(0, 2) + "." + digits.substring(2, 4) + "." + digits.substring(4, 6) + "."
                    + digits.substring(6);
            default -> digits;
        };
    }

    public Level level() {
        return switch (value.length()) {
            case 2 -> Level.PROVINCE;
            case 5 -> Level.REGENCY;
            case 8 -> Level.DISTRICT;
            default -> Level.VILLAGE;
        };
    }

    public Optional<RegionCode> parent() {
        int cut = value.lastIndexOf('.');
        return cut < 0 ? Optional.empty() : Optional.of(new RegionCode(value.substring(0, cut)));
    }

    /** The enclosing region at a higher level, or this code when it is already at that level. */
    public RegionCode at(Level level) {
        int length = switch (level) {
            case PROVINCE -> 2;
            case REGENCY -> 5;
            case DISTRICT -> 8;
            case VILLAGE -> 13;
        };
        if (length > value.length()) {
            throw new IllegalArgumentException(value + " is above " + level);
        }
        return new RegionCode(value.substring(0, length));
    }

    /** Whether this region lies within (or is) {@code other}. */
    public boolean isWithin(RegionCode other) {
        return value.equals(other.value) || value.startsWith(other.value + ".");
    }

    @Override
    public int compareTo(RegionCode o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
