package id.lumbung.platform.id;

import java.util.Optional;

/**
 * No. KK: the 16-digit Kartu Keluarga (family card) number, {@code PPKKCC ddmmyy ssss}. Unlike a NIK
 * it changes when a family moves, splits or loses its head.
 */
public record NoKk(String value) {

    public NoKk {
        var problem = problemWith(value);
        if (problem.isPresent()) {
            throw new InvalidIdentifierException("noKk", problem.get());
        }
    }

    public static NoKk of(String value) {
        return new NoKk(value == null ? null : value.strip());
    }

    public static Optional<String> problemWith(String value) {
        if (value == null || !value.matches("\\d{16}")) {
            return Optional.of("No. KK must be exactly 16 digits");
        }
        if (RegionCode.problemWith(RegionCode.dotted(value.substring(0, 6))).isPresent()) {
            return Optional.of("No. KK does not start with a valid district code (PPKKCC)");
        }
        return Optional.empty();
    }

    public String masked() {
        return Masking.nik(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
