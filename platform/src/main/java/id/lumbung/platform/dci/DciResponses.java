package id.lumbung.platform.dci;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * How a DCI endpoint answers: the operation's body, or the fault in the spec's shapes. A refused caller
 * (401, 403) gets the {@code HttpErrorResponse}; any other {@link DciException} gets the endpoint's own
 * refusal (a {@code rjct} callback header for a sync operation, an {@code ERR} acknowledgement for an async
 * one); anything unexpected is logged with a reference and answered 500 without its details.
 */
public final class DciResponses {

    private static final Logger LOG = Logger.getLogger(DciResponses.class);

    private DciResponses() {
    }

    public static Response answer(ObjectMapper json, String endpoint, Supplier<ObjectNode> operation,
            Function<DciException, ObjectNode> refusal) {
        try {
            Response answer = Response.ok(operation.get()).build();
            DciMetrics.count(endpoint, "answered");
            return answer;
        } catch (DciException e) {
            DciMetrics.count(endpoint, DciMetrics.outcome(e));
            int status = e.code().httpStatus;
            if (status == 401 || status == 403) {
                return Response.status(status).entity(DciMessages.httpError(json, e.code().value, e.getMessage())).build();
            }
            return Response.status(status).entity(refusal.apply(e)).build();
        } catch (RuntimeException e) {
            DciMetrics.count(endpoint, "failed");
            String reference = UUID.randomUUID().toString();
            LOG.errorf(e, "DCI request failed, reference %s", reference);
            return Response.status(500).entity(DciMessages.httpError(json, DciException.Code.SERVICE_UNAVAILABLE.value,
                    "the request could not be completed; quote reference " + reference)).build();
        }
    }

    /** A missing or invalid bearer token, which the framework refuses before the endpoint runs. */
    public static Response unauthorized(ObjectMapper json, String endpoint) {
        DciMetrics.count(endpoint, DciException.Code.REQUEST_UNAUTHORIZED.value);
        return Response.status(401).type(MediaType.APPLICATION_JSON).header("WWW-Authenticate", "Bearer")
                .entity(DciMessages.unauthorized(json)).build();
    }

    /** A token whose role may not use the API, refused by the framework before the endpoint runs. */
    public static Response forbidden(ObjectMapper json, String endpoint, String api) {
        DciMetrics.count(endpoint, DciException.Code.REQUEST_FORBIDDEN.value);
        return Response.status(403).type(MediaType.APPLICATION_JSON)
                .entity(DciMessages.httpError(json, DciException.Code.REQUEST_FORBIDDEN.value,
                        "your role may not use the " + api)).build();
    }
}
