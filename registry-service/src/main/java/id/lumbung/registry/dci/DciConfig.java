package id.lumbung.registry.dci;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registry's side of DCI: who it is, the systems allowed to call it, the tokens it issues. */
@ConfigMapping(prefix = "lumbung.dci")
public interface DciConfig {

    /** Our id as DCI {@code receiver_id} in requests and {@code sender_id} in answers. */
    @WithDefault("registry.lumbung.id")
    String registryId();

    /**
     * Every sender must have registered a signing key and sign every message ({@code LUMBUNG_DCI_REQUIRE_SIGNATURES});
     * otherwise only the senders with a registered key must.
     */
    @WithDefault("false")
    boolean requireSignatures();

    /** The largest page a search may ask for. */
    @WithDefault("1000")
    int maxPageSize();

    Token token();

    Callback callback();

    /** Integrators by OAuth2 client id; the client id is also the DCI {@code sender_id} they must use. */
    Map<String, Client> clients();

    interface Token {
        /**
         * PEM private key (PKCS#8 RSA) the tokens are signed with: classpath resource or file. Without it the
         * token endpoint answers 503: a production deployment must configure its own key.
         */
        Optional<String> signingKeyLocation();

        @WithDefault("lumbung-dci-1")
        String keyId();

        @WithDefault("PT15M")
        Duration lifetime();
    }

    interface Callback {
        @WithDefault("5")
        int attempts();

        /** Delay before the second attempt; doubled after each failure. */
        @WithDefault("PT2S")
        Duration firstRetry();

        @WithDefault("PT10S")
        Duration timeout();

        /**
         * Whether answers may go to loopback, link-local, private or shared addresses. Off in production: an
         * answer carries unmasked personal data and must not reach the registry's own network.
         */
        @WithDefault("false")
        boolean allowPrivateAddresses();
    }

    interface Client {
        /** {@code pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>}, see {@link ClientSecrets}. */
        String secretHash();

        @WithDefault("integrator")
        List<String> roles();

        /** Region-code prefixes the client may read; empty with a national role only. */
        Optional<List<String>> regions();

        /**
         * The client's registered callback address: used when a request names no {@code sender_uri}, and the only
         * prefix a {@code sender_uri} may have.
         */
        Optional<String> callbackUri();
    }
}
