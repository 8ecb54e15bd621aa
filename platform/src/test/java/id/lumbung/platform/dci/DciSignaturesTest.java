package id.lumbung.platform.dci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Message signatures of senders with a registered key: accepted when intact, refused with the spec's codes otherwise. */
class DciSignaturesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant NOW = Instant.parse("2025-11-01T02:00:00Z");

    final KeyPair pair = keys();
    final Optional<DciSignatures.SenderKey> registered = Optional.of(DciSignatures.SenderKey.fromPem("spmis",
            "k1", "-----BEGIN PUBLIC KEY-----\n" + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n"));

    @Test
    void anIntactSignatureOfTheRegisteredKeyPasses() throws Exception {
        DciSignatures.verify(registered, signed(message(), "spmis|k1|ed25519", NOW.getEpochSecond() + 600), NOW, false);
    }

    @Test
    void aSenderWithoutARegisteredKeyPassesUnsigned() {
        DciSignatures.verify(Optional.empty(), DciEnvelope.of(message()), NOW, false);
    }

    @Test
    void aSignatureNoRegisteredKeyCanVerifyIsRefusedNotIgnored() throws Exception {
        var signed = signed(message(), "spmis|k1|ed25519", NOW.getEpochSecond() + 600);
        assertThatThrownBy(() -> DciSignatures.verify(Optional.empty(), signed, NOW, false))
                .isInstanceOfSatisfying(DciException.class, e -> assertThat(e.code()).isEqualTo(DciException.Code.SIGNATURE_INVALID));
    }

    @Test
    void whereSignaturesAreRequiredASenderWithoutAKeyIsRefused() {
        assertThatThrownBy(() -> DciSignatures.verify(Optional.empty(), DciEnvelope.of(message()), NOW, true))
                .isInstanceOfSatisfying(DciException.class, e -> assertThat(e.code()).isEqualTo(DciException.Code.SIGNATURE_MISSING));
    }

    @Test
    void aMissingTamperedForeignOrExpiredSignatureIsRefused() throws Exception {
        assertThatThrownBy(() -> DciSignatures.verify(registered, DciEnvelope.of(message()), NOW, false))
                .isInstanceOfSatisfying(DciException.class, e -> assertThat(e.code()).isEqualTo(DciException.Code.SIGNATURE_MISSING));

        var tampered = signed(message(), "spmis|k1|ed25519", NOW.getEpochSecond() + 600);
        ((ObjectNode) tampered.message()).put("transaction_id", "t-2");
        assertInvalid(tampered);
        assertInvalid(signed(message(), "spmis|k2|ed25519", NOW.getEpochSecond() + 600));
        assertInvalid(signed(message(), "spmis|k1|ed25519", NOW.getEpochSecond() - 1));
    }

    private void assertInvalid(DciEnvelope e) {
        assertThatThrownBy(() -> DciSignatures.verify(registered, e, NOW, false))
                .isInstanceOfSatisfying(DciException.class, ex -> assertThat(ex.code()).isEqualTo(DciException.Code.SIGNATURE_INVALID));
    }

    private DciEnvelope signed(ObjectNode root, String kid, long expires) throws Exception {
        long created = NOW.getEpochSecond() - 10;
        var signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(DciSignatures.signingContent(Long.toString(created), Long.toString(expires), root.get("header"),
                root.get("message")).getBytes(StandardCharsets.UTF_8));
        root.put("signature", ("Signature: namespace=\"spdci\", kidId=\"%s\", algorithm=\"ed25519\", created=\"%d\", "
                + "expires=\"%d\", headers=\"(created) (expires) digest\", signature=\"%s\"")
                .formatted(kid, created, expires, Base64.getEncoder().encodeToString(signer.sign())));
        return DciEnvelope.of(root);
    }

    private static ObjectNode message() {
        var root = JSON.createObjectNode();
        var h = root.putObject("header");
        h.put("message_id", "m-1");
        h.put("action", "search");
        h.put("sender_id", "spmis");
        root.putObject("message").put("transaction_id", "t-1");
        return root;
    }

    private static KeyPair keys() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
