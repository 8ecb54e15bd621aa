package id.lumbung.registry.dci;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lumbung.platform.dci.DciException;
import java.time.Clock;

/** The platform's DCI message shapes with the registry as the answering party. */
final class DciMessages {

    private DciMessages() {
    }

    static String now(Clock clock) {
        return id.lumbung.platform.dci.DciMessages.now(clock);
    }

    /** {@code MsgCallbackHeader_V1.0.0} of an answer from the registry. */
    static ObjectNode header(ObjectMapper json, Clock clock, DciConfig config, String action, String status,
            String receiverId, int total, int completed) {
        return id.lumbung.platform.dci.DciMessages.header(json, clock, config.registryId(), action, status, receiverId, total,
                completed);
    }

    /** A sync operation refused, answered by the registry. */
    static ObjectNode syncError(ObjectMapper json, Clock clock, DciConfig config, String action, String receiverId,
            DciException e) {
        return id.lumbung.platform.dci.DciMessages.syncError(json, clock, config.registryId(), action, receiverId, e);
    }

    static ObjectNode ack(ObjectMapper json, Clock clock, String status, String correlationId, DciException e) {
        return id.lumbung.platform.dci.DciMessages.ack(json, clock, status, correlationId, e);
    }
}
