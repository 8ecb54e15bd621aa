package id.lumbung.platform.id;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskingTest {

    @ParameterizedTest
    @CsvSource({
            "SITI AMINAH, S**I A****H",
            "BUDI, B**I",
            "AN NUR, A* N*R",
            "'  JOKO   WIDODO ', J**O W****O",
    })
    void namesKeepOnlyFirstAndLastLetters(String name, String masked) {
        assertThat(Masking.name(name)).isEqualTo(masked);
    }
}
