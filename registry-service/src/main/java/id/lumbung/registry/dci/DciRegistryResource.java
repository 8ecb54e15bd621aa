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
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.function.Function;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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

    static final String REFUSED_SYNC = "The message was refused (err.request.bad and the other err.* codes of the "
            + "envelope checks: unreadable or not as the spec says, another action, protocol version, encryption, sender_id "
            + "not the token's client, receiver_id, a missing or invalid signature, a message_id already used): the header "
            + "with status rjct, its reason and the error";
    static final String REFUSED_ASYNC = "The message was refused (unreadable or not as the spec says, another action, "
            + "protocol version, encryption, sender_id not the token's client, receiver_id, a sender_uri the registry may "
            + "not send to, a missing or invalid signature, a message_id already used): ERR with the err.* code";
    static final String ACCEPTED = "ACK: accepted, the answer follows to sender_uri";
    static final String UNAUTHORIZED = "No valid bearer token (err.request.unauthorized)";
    static final String FORBIDDEN = "The token's role may not use the DCI registry API (err.request.forbidden)";
    static final String FORBIDDEN_SCOPED = "The token's role may not use the DCI registry API, or the token names no "
            + "region (err.request.forbidden)";
    static final String FAILED = "The request could not be completed; the message quotes a reference for the operators";

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
    @Operation(operationId = "postRegSyncSearch", summary = "DCI sync search: households or persons, answered at once",
            description = "DCI post_reg_sync_search. Searches the registry for households (Group records: KK with its "
                    + "members, desil as poverty_score) or persons (Member records) by NIK, No. KK or household id "
                    + "(idtype-value), by a Mongo-style expression or by a list of predicates over age, sex, desil, region "
                    + "and household size, sorted and paged; each search of the batch is answered in order, and one that "
                    + "cannot run is refused on its own (rjct with its SearchStatusReasonCode). Only active households in "
                    + "the regions of the caller's token are found. Called by other government systems (integrator) and "
                    + "the ministry with a token from the DCI token endpoint; header.sender_id must be the token's client. "
                    + "The message is validated against the DCI Social Registry spec, stored with the answer (so "
                    + "postRegSyncTxnStatus can answer for it later; a message_id is used once per sender) and every search "
                    + "is written to the audit log.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DciApi.SearchEnvelope.class)))
    @APIResponse(responseCode = "200", description = "The answers, header action on-search",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DciApi.OnSearchEnvelope.class)))
    @APIResponse(responseCode = "400", description = REFUSED_SYNC, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DciApi.SyncRejection.class)))
    @APIResponse(responseCode = "401", description = UNAUTHORIZED, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DciApi.HttpErrorResponse.class)))
    @APIResponse(responseCode = "403", description = FORBIDDEN_SCOPED, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DciApi.HttpErrorResponse.class)))
    @APIResponse(responseCode = "500", description = FAILED, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DciApi.HttpErrorResponse.class)))
    public Response syncSearch(String body) {
        return sync("/dci/registry/sync/search", "search", "on-search", body, e -> registry.syncSearch(e, scope()));
    }

    @POST
    @Path("sync/txn/status")
    @RolesAllowed({ Roles.INTEGRATOR, Roles.KEMENSOS })
    @Operation(operationId = "postRegSyncTxnStatus", summary = "DCI sync transaction status: the answer to an earlier "
            + "transaction, at once",
            description = "DCI post_reg_sync_txnstatus. Answers for one of the caller's own earlier transactions, named by "
                    + "its transaction_id, the registry's correlation_id or the reference_ids of its searches: the stored "
                    + "answer, or, while an asynchronous one is still pending, its ids with no results. Called by other "
                    + "government systems (integrator) and the ministry; the message is validated against the DCI Social "
                    + "Registry spec and stored, and the status read is written to the audit log.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DciApi.TxnStatusEnvelope.class)))
    @APIResponse(responseCode = "200", description = "The transaction's status, header action txn-on-status; when the "
            + "caller has no such transaction of that txn_type, the header with status rjct and err.request.not_found",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DciApi.TxnOnStatusEnvelope.class)))
    @APIResponse(responseCode = "400", description = REFUSED_SYNC, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DciApi.SyncRejection.class)))
    @APIResponse(responseCode = "401", description = UNAUTHORIZED, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DciApi.HttpErrorResponse.class)))
    @APIResponse(responseCode = "403", description = FORBIDDEN, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DciApi.HttpErrorResponse.class)))
    @APIResponse(responseCode = "500", description = FAILED, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DciApi.HttpErrorResponse.class)))
    public Response syncTxnStatus(String body) {
        return sync("/dci/registry/sync/txn/status", "txn-status", "txn-on-status", body, registry::syncTxnStatus);
    }

    @POST
    @Path("search")
    @RolesAllowed({ Roles.INTEGRATOR, Roles.KEMENSOS })
    @Operation(operationId = "postRegSearch", summary = "DCI async search: acknowledged now, answered to sender_uri",
            description = "DCI post_reg_search. The search of postRegSyncSearch, answered later: the registry acknowledges "
                    + "(ACK with its correlation_id) as soon as the message passes the envelope checks, runs the searches "
                    + "with the caller's region scope and POSTs the answer (header action on-search) to header.sender_uri, "
                    + "retrying up to 5 times with doubling delays. The transaction is stored (postRegTxnStatus answers for "
                    + "it) and the search is written to the audit log when it is accepted. Called by other government "
                    + "systems (integrator) and the ministry.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DciApi.SearchEnvelope.class)))
    @APIResponse(responseCode = "200", description = ACCEPTED, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DciApi.Ack.class)))
    @APIResponse(responseCode = "400", description = REFUSED_ASYNC, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DciApi.Ack.class)))
    @APIResponse(responseCode = "401", description = UNAUTHORIZED, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DciApi.HttpErrorResponse.class)))
    @APIResponse(responseCode = "403", description = FORBIDDEN_SCOPED, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DciApi.HttpErrorResponse.class)))
    @APIResponse(responseCode = "500", description = FAILED, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DciApi.HttpErrorResponse.class)))
    public Response search(String body) {
        return async("/dci/registry/search", "search", body, e -> registry.asyncSearch(e, scope()));
    }

    @POST
    @Path("txn/status")
    @RolesAllowed({ Roles.INTEGRATOR, Roles.KEMENSOS })
    @Operation(operationId = "postRegTxnStatus", summary = "DCI async transaction status: acknowledged now, answered to "
            + "sender_uri",
            description = "DCI post_reg_txnstatus. The status of postRegSyncTxnStatus, answered later: ACK with the "
                    + "registry's correlation_id, then the status (header action txn-on-status) is POSTed to "
                    + "header.sender_uri with the same retries as a search; when the caller has no such transaction of "
                    + "that txn_type the callback carries status rjct with err.request.not_found. The transaction is "
                    + "stored and the status read is written to the audit log. Every acknowledged message is answered, "
                    + "also when the replica that acknowledged it stops: another one takes it over.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DciApi.TxnStatusEnvelope.class)))
    @APIResponse(responseCode = "200", description = ACCEPTED, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DciApi.Ack.class)))
    @APIResponse(responseCode = "400", description = REFUSED_ASYNC, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DciApi.Ack.class)))
    @APIResponse(responseCode = "401", description = UNAUTHORIZED, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DciApi.HttpErrorResponse.class)))
    @APIResponse(responseCode = "403", description = FORBIDDEN, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DciApi.HttpErrorResponse.class)))
    @APIResponse(responseCode = "500", description = FAILED, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DciApi.HttpErrorResponse.class)))
    public Response txnStatus(String body) {
        return async("/dci/registry/txn/status", "txn-status", body, registry::asyncTxnStatus);
    }

    @POST
    @Path("subscribe")
    @RolesAllowed({ Roles.INTEGRATOR, Roles.KEMENSOS })
    @Operation(operationId = "postRegSubscribe", summary = "DCI subscribe: be notified of household events in your regions",
            description = "DCI post_reg_subscribe (Registry Core spec). ACK now; then the subscriptions made are POSTed "
                    + "(header action on-subscribe) to header.sender_uri: one subscription code per subscribe_request, or a "
                    + "rjct reason for that item. From then on every registry event of the kinds asked for (register, "
                    + "update, delete, link) on a household in the subscription's regions is POSTed as registry/notify, with "
                    + "the household as a Group record, to \"notify\" beside sender_uri, once per subscription and event, "
                    + "with the same retries. A subscription never reaches beyond the regions of the token it was made "
                    + "with, and is not told of what happened before it.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DciApi.SubscribeEnvelope.class)))
    @APIResponse(responseCode = "200", description = ACCEPTED, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DciApi.Ack.class)))
    @APIResponse(responseCode = "400", description = REFUSED_ASYNC, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DciApi.Ack.class)))
    @APIResponse(responseCode = "401", description = UNAUTHORIZED, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DciApi.HttpErrorResponse.class)))
    @APIResponse(responseCode = "403", description = FORBIDDEN_SCOPED, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DciApi.HttpErrorResponse.class)))
    @APIResponse(responseCode = "500", description = FAILED, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DciApi.HttpErrorResponse.class)))
    public Response subscribe(String body) {
        return async("/dci/registry/subscribe", "subscribe", body, e -> registry.subscribe(e, scope()));
    }

    @POST
    @Path("unsubscribe")
    @RolesAllowed({ Roles.INTEGRATOR, Roles.KEMENSOS })
    @Operation(operationId = "postRegUnsubscribe", summary = "DCI unsubscribe: end subscriptions",
            description = "DCI post_reg_unsubscribe (Registry Core spec). ACK now; then the outcome is POSTed (header action "
                    + "on-unsubscribe) to header.sender_uri: the caller's active subscriptions named end and are notified no "
                    + "more; codes that are not the caller's active subscriptions make the answer rjct "
                    + "(rjct.subscription_code.invalid or rjct.event.already_unsubscribed) while the others still end.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DciApi.UnsubscribeEnvelope.class)))
    @APIResponse(responseCode = "200", description = ACCEPTED, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DciApi.Ack.class)))
    @APIResponse(responseCode = "400", description = REFUSED_ASYNC, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DciApi.Ack.class)))
    @APIResponse(responseCode = "401", description = UNAUTHORIZED, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DciApi.HttpErrorResponse.class)))
    @APIResponse(responseCode = "403", description = FORBIDDEN, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DciApi.HttpErrorResponse.class)))
    @APIResponse(responseCode = "500", description = FAILED, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DciApi.HttpErrorResponse.class)))
    public Response unsubscribe(String body) {
        return async("/dci/registry/unsubscribe", "unsubscribe", body, registry::unsubscribe);
    }

    private Response sync(String path, String action, String answerAction, String body, Function<DciEnvelope, ObjectNode> op) {
        return DciResponses.answer(json, path, () -> op.apply(registry.open(path, action, body, caller.getSubject())),
                e -> DciMessages.syncError(json, clock, config, answerAction, caller.getSubject(), e));
    }

    private Response async(String path, String action, String body, Function<DciEnvelope, ObjectNode> op) {
        // a refused request was not accepted, so there is no correlation id of ours to give
        return DciResponses.answer(json, path, () -> op.apply(registry.open(path, action, body, caller.getSubject())),
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
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return DciResponses.unauthorized(json, "/" + uri.getPath().replaceFirst("^/", ""));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return DciResponses.forbidden(json, "/" + uri.getPath().replaceFirst("^/", ""), "DCI registry API");
    }
}
