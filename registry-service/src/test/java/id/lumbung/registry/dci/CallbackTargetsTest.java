package id.lumbung.registry.dci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lumbung.platform.dci.DciException;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** An answer with unmasked personal data goes only where the sender registered, and never inside our network. */
class CallbackTargetsTest {

    @ParameterizedTest
    @ValueSource(strings = { "http://127.0.0.1:8081/dci/registry/sync/search", "http://localhost/on-search",
            "http://169.254.169.254/latest/meta-data/", "http://10.0.0.7/on-search", "http://192.168.1.1/on-search",
            "http://172.16.5.4/on-search", "http://100.64.0.1/on-search", "http://[::1]/on-search", "http://[fd00::1]/x",
            "http://0.0.0.0:5432/", "http://[fe80::1]/x" })
    void refusesTheMachineItselfLinkLocalPrivateAndSharedAddresses(String target) {
        assertThatThrownBy(() -> CallbackTargets.choose(target, Optional.empty(), false))
                .isInstanceOfSatisfying(DciException.class, e -> assertThat(e.code()).isEqualTo(DciException.Code.SENDER_URI_INVALID));
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp://203.0.113.5/x", "http://user:pw@203.0.113.5/x", "not a uri", "http:///nohost" })
    void refusesWhatIsNotAPlainHttpAddress(String target) {
        assertThatThrownBy(() -> CallbackTargets.choose(target, Optional.empty(), true)).isInstanceOf(DciException.class);
    }

    @Test
    void aPublicAddressIsAcceptedAndAllowingPrivateAddressesIsForTests() {
        assertThat(CallbackTargets.choose("https://203.0.113.5/spmis/on-search", Optional.empty(), false).getHost())
                .isEqualTo("203.0.113.5");
        assertThat(CallbackTargets.choose("http://127.0.0.1:9/spmis/on-search", Optional.empty(), true).getPort()).isEqualTo(9);
    }

    @Test
    void aRegisteredSenderIsAnsweredOnlyUnderItsAddressAndThereWhenItNamesNone() {
        var registered = Optional.of("https://203.0.113.5/spmis/");
        assertThat(CallbackTargets.choose(null, registered, false).toString()).isEqualTo("https://203.0.113.5/spmis/");
        assertThat(CallbackTargets.choose("https://203.0.113.5/spmis/on-search", registered, false).getPath())
                .isEqualTo("/spmis/on-search");
        for (String elsewhere : new String[] { "https://203.0.113.6/spmis/on-search", "https://203.0.113.5/other/on-search",
                "https://203.0.113.5:8443/spmis/on-search", "http://203.0.113.5/spmis/on-search",
                "https://203.0.113.5/spmis/../admin" }) {
            assertThatThrownBy(() -> CallbackTargets.choose(elsewhere, registered, false)).as(elsewhere)
                    .isInstanceOf(DciException.class);
        }
        assertThatThrownBy(() -> CallbackTargets.choose(null, Optional.empty(), false)).isInstanceOf(DciException.class);
    }
}
