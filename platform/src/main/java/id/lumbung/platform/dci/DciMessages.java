package id.lumbung.platform.dci;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** The DCI message shapes a service answers with: callback headers, acknowledgements, errors. */
public final class DciMessages {

    private DciMessages() {
    }

    public static String now(Clock clock) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(clock.instant().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC));
    }

    /**
     * {@code MsgCallbackHeader_V1.0.0} of an answer.
     *
     * @param ourId the answering service's DCI id, sent as {@code sender_id}
     */
    public static ObjectNode header(ObjectMapper json, Clock clock, String ourId, String action, String status,
            String receiverId, int total, int completed) {
        var h = json.createObjectNode();
        h.put("version", DciEnvelope.VERSION);
        h.put("message_id", UUID.randomUUID().toString());
        h.put("message_ts", now(clock));
        h.put("action", action);
        h.put("status", status);
        h.put("total_count", total);
        h.put("completed_count", completed);
        h.put("sender_id", ourId);
        if (receiverId != null) {
            h.put("receiver_id", receiverId);
        }
        h.put("is_msg_encrypted", false);
        return h;
    }

    /** An answer of a sync operation: the callback header and the message. */
    public static ObjectNode answer(ObjectNode header, ObjectNode message) {
        var body = header.objectNode();
        body.set("header", header);
        body.set("message", message);
        return body;
    }

    /**
     * A sync operation refused: the callback header with status {@code rjct}, its {@code rjct.*} reason
     * code when one fits, and the {@code err.*} code and message as {@code Error} object in {@code meta}.
     */
    public static ObjectNode syncError(ObjectMapper json, Clock clock, String ourId, String action, String receiverId,
            DciException e) {
        var body = json.createObjectNode();
        var h = header(json, clock, ourId, action, "rjct", receiverId, 0, 0);
        if (e.headerReason() != null) {
            h.put("status_reason_code", e.headerReason());
        }
        h.put("status_reason_message", limit(e.code().value + ": " + e.getMessage()));
        h.putObject("meta").set("error", error(json, e));
        body.set("header", h);
        return body;
    }

    /** The spec's {@code Response}: ACK / NACK / ERR with the correlation id. */
    public static ObjectNode ack(ObjectMapper json, Clock clock, String status, String correlationId, DciException e) {
        var body = json.createObjectNode();
        var m = body.putObject("message");
        m.put("ack_status", status);
        m.put("timestamp", now(clock));
        m.put("correlation_id", correlationId);
        if (e != null) {
            m.set("error", error(json, e));
        }
        return body;
    }

    /** The spec's {@code HttpErrorResponse} for 401, 403 and 500. */
    public static ObjectNode httpError(ObjectMapper json, String code, String message) {
        var body = json.createObjectNode();
        var e = body.putArray("errors").addObject();
        e.put("code", code);
        e.put("message", message);
        return body;
    }

    /** The {@code HttpErrorResponse} a bearer token failure is answered with. */
    public static ObjectNode unauthorized(ObjectMapper json) {
        return httpError(json, DciException.Code.REQUEST_UNAUTHORIZED.value,
                "a valid bearer token from the DCI token endpoint is required");
    }

    /** {@code Status reason message}s and {@code Error.message} are at most 999 characters. */
    public static String limit(String s) {
        return s == null ? "" : s.length() <= 999 ? s : s.substring(0, 996) + "...";
    }

    private static ObjectNode error(ObjectMapper json, DciException e) {
        var error = json.createObjectNode();
        error.put("code", e.code().value);
        error.put("message", limit(e.getMessage()));
        return error;
    }
}
