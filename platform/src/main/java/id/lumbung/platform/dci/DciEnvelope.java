package id.lumbung.platform.dci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** An accepted DCI request: its signature, header fields and message, after every envelope check. */
public record DciEnvelope(JsonNode root, JsonNode header, JsonNode message, String signature, String messageId,
        String action, String senderId, String senderUri, String receiverId, String transactionId) {

    /** The only messaging protocol version spoken. */
    public static final String VERSION = "1.0.0";

    /**
     * Every check of the envelope except the signature, in the order a sender can act on: readable JSON, the
     * action of this endpoint, the spec, protocol version, encryption, sender = token client, receiver = us.
     * The signature is checked next by the service, which knows the registered sender keys
     * ({@link DciSignatures#verify}).
     *
     * @param caller     the subject of the bearer token
     * @param receiverId our own id, the {@code receiver_id} a sender must name (when it names one)
     */
    public static DciEnvelope open(ObjectMapper json, DciSpec spec, String path, String action, String body, String caller,
            String receiverId) {
        JsonNode root;
        try {
            root = json.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new DciException(DciException.Code.REQUEST_BAD, "the body is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new DciException(DciException.Code.REQUEST_BAD, "the body is not a DCI message object");
        }
        String sentAction = root.path("header").path("action").asText(null);
        if (sentAction != null && !sentAction.equals(action)) {
            throw new DciException(DciException.Code.REQUEST_BAD, "rjct.action.invalid",
                    "header.action must be " + action + " on " + path);
        }
        List<String> problems = spec.requestProblems(path, body);
        if (!problems.isEmpty()) {
            throw new DciException(DciException.Code.REQUEST_BAD, String.join("; ", problems));
        }
        var e = of(root);
        String version = e.header().path("version").asText(VERSION);
        if (!VERSION.equals(version)) {
            throw new DciException(DciException.Code.VERSION_NOT_SUPPORTED, "rjct.version.invalid",
                    "version " + version + " is not supported; this service speaks " + VERSION);
        }
        if (e.header().path("is_msg_encrypted").asBoolean(false)) {
            throw new DciException(DciException.Code.ENCRYPTION_INVALID, "encrypted messages are not accepted yet; send"
                    + " is_msg_encrypted false over TLS");
        }
        if (!e.senderId().equals(caller)) {
            throw new DciException(DciException.Code.SENDER_ID_INVALID,
                    "sender_id " + e.senderId() + " is not the client this token was issued to");
        }
        if (e.receiverId() != null && !e.receiverId().equals(receiverId)) {
            throw new DciException(DciException.Code.RECEIVER_ID_INVALID, "receiver_id must be " + receiverId);
        }
        return e;
    }

    public static DciEnvelope of(JsonNode root) {
        JsonNode h = root.path("header");
        return new DciEnvelope(root, h, root.path("message"), text(root.path("signature")), text(h.path("message_id")),
                text(h.path("action")), text(h.path("sender_id")), text(h.path("sender_uri")), text(h.path("receiver_id")),
                text(root.path("message").path("transaction_id")));
    }

    private static String text(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? null : n.asText();
    }
}
