package id.lumbung.platform.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegionCodeTest {

    @ParameterizedTest
    @CsvSource({
            "33, 33, PROVINCE",
            "3320, 33.20, REGENCY",
            "332001, 33.20.01, DISTRICT",
            "3320012001, 33.20.01.2001, VILLAGE",
            "33.20.01.2001, 33.20.01.2001, VILLAGE",
    })
    void readsDigitsAndDottedForms(String input, String dotted, RegionCode.Level level) {
        var code = RegionCode.of(input);
        assertThat(code.value()).isEqualTo(dotted);
        assertThat(code.level()).isEqualTo(level);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "3", "333", "33.2", "33.20.1", "33.20.01.201", "10.01", "33.00", "33.20.01.0000", "abc" })
    void refusesMalformedCodes(String input) {
        assertThatThrownBy(() -> RegionCode.of(input)).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void knowsItsAncestors() {
        var village = RegionCode.of("33.20.01.2001");
        assertThat(village.parent()).contains(RegionCode.of("33.20.01"));
        assertThat(village.at(RegionCode.Level.REGENCY)).isEqualTo(RegionCode.of("33.20"));
        assertThat(village.isWithin(RegionCode.of("33.20"))).isTrue();
        assertThat(village.isWithin(village)).isTrue();
        assertThat(village.isWithin(RegionCode.of("33.21"))).isFalse();
        assertThat(RegionCode.of("33.20.11").isWithin(RegionCode.of("33.20.01"))).isFalse();
        assertThat(RegionCode.of("33").parent()).isEmpty();
    }
}
