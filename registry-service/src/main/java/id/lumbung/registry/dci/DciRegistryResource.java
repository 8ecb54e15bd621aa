package id.lumbung.registry.dci;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lumbung.platform.dci.DciEnvelope;
import id.lumbung.platform.dci.DciException;
import id.lumbung.platform.dci.DciResponses;
import id.lumbung.platform.security.RegionScope;
import id.lumbung.platform.security.Roles;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.function.Function;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * DCI Social Registry API v1.0.0 (spec: {@code dci/social_api_v1.0.0.yaml}). Bodies are read as text so
 * that every fault, unreadable JSON included, is answered in the spec's shapes rather than problem+json.
 */
@Path("/dci/registry")
@Tag(name = "DCI", description = "Digital Convergence Initiative Social Registry API v1.0.0 for other government systems")
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
public class DciRegistryResource {

    private final DciRegistry registry;
    private final RegionScope regionScope;
    private final JsonWebToken caller;
    private final ObjectMapper json;
    private final Clock clock;
    private final DciConfig config;

    public DciRegistryResource(DciRegistry registry, RegionScope regionScope, JsonWebToken caller, ObjectMapper json,
            Clock clock, DciConfig config) {
        this.registry = registry;
        this.regionScope = regionScope;
        this.caller = caller;
        this.json = json;
        this.clock = clock;
        this.config = config;
    }

    @POST
    @Path("sync/search")
    @RolesAllowed({ Roles.INTEGRATOR, Roles.KEMENSOS })
    @Operation(summary = "DCI sync search: households (Group) or persons (Member) by NIK, No. KK, expression or predicate")
    public Response syncSearch(String body) {
        return sync("/dci/registry/sync/search", "search", "on-search", body, e -> registry.syncSearch(e, scope()));
    }

    @POST
    @Path("sync/txn/status")
    @RolesAllowed({ Roles.INTEGRATOR, Roles.KEMENSOS })
    @Operation(summary = "DCI sync transaction status: the stored answer of one of your earlier transactions")
    public Response syncTxnStatus(String body) {
        return sync("/dci/registry/sync/txn/status", "txn-status", "txn-on-status", body, registry::syncTxnStatus);
    }

    @POST
    @Path("search")
    @RolesAllowed({ Roles.INTEGRATOR, Roles.KEMENSOS })
    @Operation(summary = "DCI async search: ACK now, the result is posted to header.sender_uri as on-search")
    public Response search(String body) {
        return async("/dci/registry/search", "search", body, e -> registry.asyncSearch(e, scope()));
    }

    @POST
    @Path("txn/status")
    @RolesAllowed({ Roles.INTEGRATOR, Roles.KEMENSOS })
    @Operation(summary = "DCI async transaction status: ACK now, the status is posted to header.sender_uri as txn-on-status")
    public Response txnStatus(String body) {
        return async("/dci/registry/txn/status", "txn-status", body, registry::asyncTxnStatus);
    }

    @POST
    @Path("subscribe")
    @RolesAllowed({ Roles.INTEGRATOR, Roles.KEMENSOS })
    @Operation(summary = "DCI subscribe: ACK now, on-subscribe to header.sender_uri; then notify (beside it) on household events in your regions")
    public Response subscribe(String body) {
        return async("/dci/registry/subscribe", "subscribe", body, e -> registry.subscribe(e, scope()));
    }

    @POST
    @Path("unsubscribe")
    @RolesAllowed({ Roles.INTEGRATOR, Roles.KEMENSOS })
    @Operation(summary = "DCI unsubscribe: ACK now, on-unsubscribe to header.sender_uri; no notify after it")
    public Response unsubscribe(String body) {
        return async("/dci/registry/unsubscribe", "unsubscribe", body, registry::unsubscribe);
    }

    private Response sync(String path, String action, String answerAction, String body, Function<DciEnvelope, ObjectNode> op) {
        return DciResponses.answer(json, () -> op.apply(registry.open(path, action, body, caller.getSubject())),
                e -> DciMessages.syncError(json, clock, config, answerAction, caller.getSubject(), e));
    }

    private Response async(String path, String action, String body, Function<DciEnvelope, ObjectNode> op) {
        // a refused request was not accepted, so there is no correlation id of ours to give
        return DciResponses.answer(json, () -> op.apply(registry.open(path, action, body, caller.getSubject())),
                e -> DciMessages.ack(json, clock, "ERR", "", e));
    }

    private DciScope scope() {
        var scope = DciScope.of(regionScope);
        if (!scope.national() && scope.regions().isEmpty()) {
            throw new DciException(DciException.Code.REQUEST_FORBIDDEN, "your token names no region");
        }
        return scope;
    }

    // Authentication happens before the method runs: answer it in the spec's HttpErrorResponse shape too.
    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException e) {
        return DciResponses.unauthorized(json);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return DciResponses.forbidden(json, "DCI registry API");
    }
}
