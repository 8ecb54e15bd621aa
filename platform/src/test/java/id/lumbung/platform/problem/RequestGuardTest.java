package id.lumbung.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which request URIs the guard lets through to the REST layer. */
class RequestGuardTest {

    @Test
    void acceptsWhatIsValidlyEncodedAndRefusesTheRest() {
        assertThat(RequestGuard.valid("/api/v1/regions/33.20")).isTrue();
        assertThat(RequestGuard.valid("/api/v1/households?name=SITI%20AMINAH&region=33.20")).isTrue();
        assertThat(RequestGuard.valid("/api/v1/regions/x%20y")).isTrue();
        assertThat(RequestGuard.valid("/api/v1/households?name=%E2%9C%93")).isTrue();
        assertThat(RequestGuard.valid("/api/v1/households?q=%")).isFalse();
        assertThat(RequestGuard.valid("/api/v1/households?q=%zz")).isFalse();
        assertThat(RequestGuard.valid("/api/v1/regions/%FF")).isFalse();
        assertThat(RequestGuard.valid("/api/v1/regions/{id}")).isFalse();
        assertThat(RequestGuard.valid("/api/v1/regions/a b")).isFalse();
        assertThat(RequestGuard.valid(null)).isFalse();
    }

    @Test
    void refusesNulCharactersAndOverlongQueryValues() {
        assertThat(RequestGuard.refusal("/api/v1/regions/33%00")).hasValue("the path contains a NUL character");
        assertThat(RequestGuard.refusal("/api/v1/households?name=a%00b")).hasValueSatisfying(
                r -> assertThat(r).contains("'name'").contains("NUL"));
        assertThat(RequestGuard.refusal("/api/v1/households?name=" + "x".repeat(1_001))).hasValueSatisfying(
                r -> assertThat(r).contains("longer than 1000"));
        assertThat(RequestGuard.refusal("/api/v1/households?name=" + "x".repeat(1_000) + "&flag")).isEmpty();
    }
}
