package id.lumbung.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which request URIs the guard lets through to the REST layer. */
class RawRequestGuardTest {

    @Test
    void acceptsWhatIsValidlyEncodedAndRefusesTheRest() {
        assertThat(RawRequestGuard.valid("/api/v1/regions/33.20")).isTrue();
        assertThat(RawRequestGuard.valid("/api/v1/households?name=SITI%20AMINAH&region=33.20")).isTrue();
        assertThat(RawRequestGuard.valid("/api/v1/regions/x%20y")).isTrue();
        assertThat(RawRequestGuard.valid("/api/v1/households?name=%E2%9C%93")).isTrue();
        assertThat(RawRequestGuard.valid("/api/v1/households?q=%")).isFalse();
        assertThat(RawRequestGuard.valid("/api/v1/households?q=%zz")).isFalse();
        assertThat(RawRequestGuard.valid("/api/v1/regions/%FF")).isFalse();
        assertThat(RawRequestGuard.valid("/api/v1/regions/{id}")).isFalse();
        assertThat(RawRequestGuard.valid("/api/v1/regions/a b")).isFalse();
        assertThat(RawRequestGuard.valid(null)).isFalse();
    }
}
