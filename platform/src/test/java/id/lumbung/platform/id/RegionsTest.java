package id.lumbung.platform.id;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Region codes are checked against the shipped Kemendagri list, at every level. */
class RegionsTest {

    @Test
    void knowsTheRegionsThatExistAndNoOthers() {
        assertThat(Regions.exists("33")).isTrue();
        assertThat(Regions.exists("33.20")).isTrue();
        assertThat(Regions.exists("33.20.06")).isTrue();
        assertThat(Regions.exists("11.01")).isTrue();
        assertThat(Regions.exists("99")).isFalse();
        assertThat(Regions.exists("99.99")).isFalse();
        assertThat(Regions.exists("33.99")).isFalse();
        assertThat(Regions.exists("33.20.06.9999")).isFalse();
        assertThat(Regions.exists("3320")).isFalse();
        assertThat(Regions.exists(null)).isFalse();
        assertThat(Regions.problemWith("33.99")).hasValueSatisfying(p -> assertThat(p).contains("not a Kemendagri region"));
        assertThat(Regions.problemWith("33.20")).isEmpty();
    }
}
