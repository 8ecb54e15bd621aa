package id.lumbung.platform.dci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Verifies the DCI message {@code signature} against the key a sender registered with the receiving service;
 * where that key is kept is the service's business.
 *
 * <p>The signature string follows the spec's example: {@code Signature: namespace="spdci",
 * kidId="{sender_id}|{key_id}|ed25519", algorithm="ed25519", created="<unix s>", expires="<unix s>",
 * headers="(created) (expires) digest", signature="<base64>"}. The signed content is the three lines
 * {@code (created): <created>}, {@code (expires): <expires>}, {@code digest: SHA-256=<base64 SHA-256>} joined
 * by {@code \n}, where the digest covers the compact JSON of {@code header} followed by the compact JSON of
 * {@code message}, members in the order sent.
 */
public final class DciSignatures {

    private static final Pattern PARAM = Pattern.compile("([A-Za-z]+)=\"([^\"]*)\"");
    private static final Duration SKEW = Duration.ofMinutes(5);

    /** A sender's registered Ed25519 key. */
    public record SenderKey(String keyId, PublicKey publicKey) {

        /** From an X.509 SubjectPublicKeyInfo PEM, as senders register it. */
        public static SenderKey fromPem(String senderId, String keyId, String pem) {
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            try {
                var key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
                return new SenderKey(keyId, key);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new IllegalStateException("the registered key of sender " + senderId + " is unreadable", e);
            }
        }
    }

    private DciSignatures() {
    }

    /**
     * Refuses a message from a sender with a registered key unless it carries a valid signature. A sender without
     * a key passes unsigned, unless {@code required} (then every sender must have registered one); a signature it
     * sends all the same cannot be verified and is refused rather than ignored.
     */
    public static void verify(Optional<SenderKey> key, DciEnvelope e, Instant now, boolean required) {
        boolean signed = e.signature() != null && !e.signature().isBlank();
        if (key.isEmpty()) {
            if (signed) {
                throw invalid("the message is signed, but " + e.senderId() + " has no registered key to verify it with:"
                        + " register the key first, or send the message unsigned");
            }
            if (required) {
                throw new DciException(DciException.Code.SIGNATURE_MISSING, "messages must be signed, and "
                        + e.senderId() + " has no registered key: register the sender's Ed25519 key first");
            }
            return;
        }
        String senderId = e.senderId();
        if (e.signature() == null || e.signature().isBlank()) {
            throw new DciException(DciException.Code.SIGNATURE_MISSING, "messages from " + senderId + " must be signed");
        }
        Map<String, String> p = new HashMap<>();
        var m = PARAM.matcher(e.signature());
        while (m.find()) {
            p.put(m.group(1), m.group(2));
        }
        String[] kid = p.getOrDefault("kidId", "").split("\\|");
        if (kid.length != 3 || !kid[0].equals(senderId) || !kid[1].equals(key.get().keyId())
                || !"ed25519".equals(p.get("algorithm")) || p.get("signature") == null
                || p.get("created") == null || p.get("expires") == null) {
            throw invalid("the signature does not name the registered key " + senderId + "|" + key.get().keyId() + "|ed25519");
        }
        long seconds = now.getEpochSecond();
        try {
            if (Long.parseLong(p.get("created")) > seconds + SKEW.toSeconds() || Long.parseLong(p.get("expires")) < seconds) {
                throw invalid("the signature is expired or not yet valid");
            }
        } catch (NumberFormatException ex) {
            throw invalid("created and expires must be unix seconds");
        }
        String content = signingContent(p.get("created"), p.get("expires"), e.header(), e.message());
        try {
            var verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key.get().publicKey());
            verifier.update(content.getBytes(StandardCharsets.UTF_8));
            if (!verifier.verify(Base64.getDecoder().decode(p.get("signature")))) {
                throw invalid("the signature does not match the message");
            }
        } catch (GeneralSecurityException | IllegalArgumentException ex) {
            throw invalid("the signature cannot be checked: " + ex.getMessage());
        }
    }

    /** The text a sender signs (public so that senders and tests build it the same way). */
    public static String signingContent(String created, String expires, JsonNode header, JsonNode message) {
        try {
            var mapper = new ObjectMapper();
            byte[] body = (mapper.writeValueAsString(header) + mapper.writeValueAsString(message)).getBytes(StandardCharsets.UTF_8);
            String digest = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
            return "(created): " + created + "\n(expires): " + expires + "\ndigest: SHA-256=" + digest;
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build signing content", e);
        }
    }

    private static DciException invalid(String why) {
        return new DciException(DciException.Code.SIGNATURE_INVALID, why);
    }
}
