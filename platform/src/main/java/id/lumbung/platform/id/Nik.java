package id.lumbung.platform.id;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * NIK (Nomor Induk Kependudukan): the 16-digit lifelong person key, {@code PPKKCC DDMMYY SSSS}.
 * The district code is where the person was first registered; the day is +40 for women.
 */
public record Nik(String value) {

    public Nik {
        var problem = problemWith(value);
        if (problem.isPresent()) {
            throw new InvalidIdentifierException("nik", problem.get());
        }
    }

    public static Nik of(String value) {
        return new Nik(value == null ? null : value.strip());
    }

    /** Why a string is not a structurally valid NIK, or empty when it is. */
    public static Optional<String> problemWith(String value) {
        if (value == null || !value.matches("\\d{16}")) {
            return Optional.of("NIK must be exactly 16 digits");
        }
        var district = value.substring(0, 6);
        if (RegionCode.problemWith(RegionCode.dotted(district)).isPresent()) {
            return Optional.of("NIK does not start with a valid district code (PPKKCC)");
        }
        int day = Integer.parseInt(value.substring(6, 8));
        int month = Integer.parseInt(value.substring(8, 10));
        int dayOfMonth = day > 40 ? day - 40 : day;
        if (dayOfMonth < 1 || dayOfMonth > 31 || month < 1 || month > 12) {
            return Optional.of("NIK does not encode a valid birth date (DDMMYY, day + 40 for women)");
        }
        try {
            // 2000 is a leap year, so 29 Feb passes here and is re-checked once the century is known.
            LocalDate.of(2000, month, dayOfMonth);
        } catch (DateTimeException e) {
            return Optional.of("NIK does not encode a valid birth date (DDMMYY, day + 40 for women)");
        }
        if (value.endsWith("0000")) {
            return Optional.of("NIK serial number starts at 0001");
        }
        return Optional.empty();
    }

    /** Kemendagri district (kecamatan) code where the NIK was issued, dotted: {@code 33.20.01}. */
    public RegionCode districtCode() {
        return RegionCode.of(RegionCode.dotted(value.substring(0, 6)));
    }

    public Sex sex() {
        return Integer.parseInt(value.substring(6, 8)) > 40 ? Sex.FEMALE : Sex.MALE;
    }

    /**
     * Birth date encoded in the NIK. The year has two digits: it is placed in the latest century
     * that does not put the birth after {@code today}.
     */
    public LocalDate birthDate(LocalDate today) {
        int day = Integer.parseInt(value.substring(6, 8));
        if (day > 40) {
            day -= 40;
        }
        int month = Integer.parseInt(value.substring(8, 10));
        int yy = Integer.parseInt(value.substring(10, 12));
        int century = today.getYear() / 100 * 100;
        int year = century + yy;
        if (year > today.getYear()) {
            year -= 100;
        }
        return LocalDate.of(year, month, day);
    }

    /** Whether a declared sex and birth date agree with what the NIK encodes. */
    public boolean agreesWith(Sex declaredSex, LocalDate declaredBirthDate) {
        if (declaredSex != sex()) {
            return false;
        }
        int day = declaredBirthDate.getDayOfMonth() + (declaredSex == Sex.FEMALE ? 40 : 0);
        String encoded = "%02d%02d%02d".formatted(day, declaredBirthDate.getMonthValue(), declaredBirthDate.getYear() % 100);
        return value.substring(6, 12).equals(encoded);
    }

    /** For logs and public answers: district code kept, the rest hidden. */
    public String masked() {
        return Masking.nik(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
