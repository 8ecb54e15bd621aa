package id.lumbung.registry.dci;

import com.fasterxml.jackson.databind.JsonNode;

/** An accepted DCI request: its signature, header fields and message, after every envelope check. */
public record DciEnvelope(JsonNode root, JsonNode header, JsonNode message, String signature, String messageId,
        String action, String senderId, String senderUri, String receiverId, String transactionId) {

    static DciEnvelope of(JsonNode root) {
        JsonNode h = root.path("header");
        return new DciEnvelope(root, h, root.path("message"), text(root.path("signature")), text(h.path("message_id")),
                text(h.path("action")), text(h.path("sender_id")), text(h.path("sender_uri")), text(h.path("receiver_id")),
                text(root.path("message").path("transaction_id")));
    }

    private static String text(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? null : n.asText();
    }
}
