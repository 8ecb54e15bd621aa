package id.lumbung.platform.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NikTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @ParameterizedTest(name = "{0} → {1} born {2}")
    @CsvSource({
            "3320010107850001, MALE,   1985-07-01",
            "3320014107850002, FEMALE, 1985-07-01",
            "3320017112200003, FEMALE, 2020-12-31",
            "1101012902000001, MALE,   2000-02-29",
            "3320015506260001, FEMALE, 2026-06-15",
            "3320011501270001, MALE,   1927-01-15",
    })
    void decodesSexAndBirthDate(String value, Sex sex, LocalDate born) {
        var nik = Nik.of(value);
        assertThat(nik.sex()).isEqualTo(sex);
        assertThat(nik.birthDate(TODAY)).isEqualTo(born);
        assertThat(nik.agreesWith(sex, born)).isTrue();
        assertThat(nik.districtCode().value()).isEqualTo(value.substring(0, 2) + "." + value.substring(2, 4) + "." + value.substring(4, 6));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "'332001010785000',  16 digits",
            "'33200101078500011', 16 digits",
            "'33200A0107850001', 16 digits",
            "'0920010107850001', district code",
            "'3300010107850001', district code",
            "'3320000107850001', district code",
            "'3320013207850001', birth date",
            "'3320017207850001', birth date",
            "'3320010013850001', birth date",
            "'3320013102850001', birth date",
            "'3320010107850000', serial",
    })
    void refusesWhatNoNikLooksLike(String value, String about) {
        assertThat(Nik.problemWith(value)).get().asString().containsIgnoringCase(about.split(" ")[0]);
        assertThatThrownBy(() -> Nik.of(value)).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void declaredFactsThatContradictTheNikAreNoticed() {
        var woman = Nik.of("3320014107850002");
        assertThat(woman.agreesWith(Sex.MALE, LocalDate.of(1985, 7, 1))).isFalse();
        assertThat(woman.agreesWith(Sex.FEMALE, LocalDate.of(1985, 7, 2))).isFalse();
    }

    @Test
    void neverPrintsItselfWhole() {
        assertThat(Nik.of("3320014107850002").toString()).isEqualTo("332001**********");
        assertThat(NoKk.of("3320012001200007").toString()).isEqualTo("332001**********");
    }
}
