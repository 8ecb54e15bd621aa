package id.lumbung.eligibility.dci;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lumbung.platform.dci.DciEnvelope;
import id.lumbung.platform.dci.DciException;
import id.lumbung.platform.dci.DciMessages;
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
 * DCI Integrated Beneficiary Registry API v1.0.0 (spec: {@code dci/ibr_api_v1.0.0.yaml}). Bodies are read as text
 * so that every fault, unreadable JSON included, is answered in the spec's shapes rather than problem+json.
 */
@Path("/dci/registry")
@Tag(name = "DCI", description = "Digital Convergence Initiative Integrated Beneficiary Registry API v1.0.0: enrolment across programs")
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
public class DciIbrResource {

    private static final String ENVELOPE_REFUSED = "The message is refused in the spec's shape (header status rjct, "
            + "err.* code in meta.error): not JSON or not as the spec defines it, another action or protocol version, "
            + "encrypted, sender_id other than the token's client, receiver_id other than ibr.lumbung.id, unsigned "
            + "or wrongly signed from a sender with a registered key (or from any sender where signatures are required), "
            + "signed by a sender without a registered key, or a message_id the sender used before "
            + "(rjct.message_id.duplicate)";
    private static final String UNAUTHORIZED = "No valid bearer token from the registry's DCI token endpoint";
    private static final String FORBIDDEN = "The token's role may not use the DCI registry API, or the token names no region";
    private static final String FAILED = "The request could not be completed; the message quotes a reference for the "
            + "operators";

    private final DciIbr ibr;
    private final RegionScope regionScope;
    private final JsonWebToken caller;
    private final ObjectMapper json;
    private final Clock clock;
    private final DciConfig config;

    public DciIbrResource(DciIbr ibr, RegionScope regionScope, JsonWebToken caller, ObjectMapper json, Clock clock,
            DciConfig config) {
        this.ibr = ibr;
        this.regionScope = regionScope;
        this.caller = caller;
        this.json = json;
        this.clock = clock;
        this.config = config;
    }

    @POST
    @Path("sync/enrolled")
    @RolesAllowed({ Roles.INTEGRATOR, Roles.KEMENSOS })
    @Operation(operationId = "postRegEnrolled", summary = "DCI enrolled: the programs a family is enrolled in",
            description = "DCI IBR operation post_reg_enrolled. Before it pays, another system asks by a member's NIK or "
                    + "the family's No. KK which programs the family is enrolled in (on an approved beneficiary list), "
                    + "since when, for which period and amount, whether paid, and whether the enrolment ended (tolak or "
                    + "upheld sanggah); optionally for one program. Integrators see the families of the regions their "
                    + "token names, the ministry (Kemensos) any; a family outside those regions is answered like an "
                    + "unknown identifier. Every lookup is recorded in the audit log with the NIK or KK masked. Reads "
                    + "only; may be repeated.")
    @APIResponse(responseCode = "200", description = "Answered: header status succ with the family's enrolments "
            + "(enrolled_status yes or no), or rjct when no family with the identifier lies in the caller's regions",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DciIbrApi.EnrolledResponse.class)))
    @APIResponse(responseCode = "400", description = ENVELOPE_REFUSED + "; or the query names no single 16-digit NIK or KK, "
            + "uses another query_type or attribute, or a malformed program code",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DciIbrApi.Refusal.class)))
    @APIResponse(responseCode = "401", description = UNAUTHORIZED,
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DciIbrApi.HttpError.class)))
    @APIResponse(responseCode = "403", description = FORBIDDEN,
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DciIbrApi.HttpError.class)))
    @APIResponse(responseCode = "500", description = FAILED,
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DciIbrApi.HttpError.class)))
    public Response enrolled(@RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DciIbrApi.EnrolledRequest.class))) String body) {
        return sync("/dci/registry/sync/enrolled", "search", body, e -> ibr.enrolled(e, regionScope));
    }

    @POST
    @Path("sync/search")
    @RolesAllowed({ Roles.INTEGRATOR, Roles.KEMENSOS })
    @Operation(operationId = "postRegSyncSearch", summary = "DCI search: enrolments that began or ended since a time",
            description = "DCI IBR operation post_reg_sync_search. Another system keeps its copy of the enrolments up to "
                    + "date: the enrolments that began (a beneficiary list approved) or ended (tolak or upheld sanggah) "
                    + "since a time, oldest first, optionally of one program or region, a page at a time. Each "
                    + "search_request item is answered on its own, succ or rjct with the spec's reason code. "
                    + "Integrators see the families of the regions their token names, the ministry (Kemensos) any. "
                    + "Every page is recorded in the audit log. Reads only; may be repeated.")
    @APIResponse(responseCode = "200", description = "Answered, item by item: succ with a page of enrolment changes, or rjct "
            + "with rjct.search_criteria.invalid, rjct.sort.invalid or rjct.pagination.invalid",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DciIbrApi.SearchResponse.class)))
    @APIResponse(responseCode = "400", description = ENVELOPE_REFUSED,
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DciIbrApi.Refusal.class)))
    @APIResponse(responseCode = "401", description = UNAUTHORIZED,
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DciIbrApi.HttpError.class)))
    @APIResponse(responseCode = "403", description = FORBIDDEN,
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DciIbrApi.HttpError.class)))
    @APIResponse(responseCode = "500", description = FAILED,
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DciIbrApi.HttpError.class)))
    public Response search(@RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DciIbrApi.SearchRequest.class))) String body) {
        return sync("/dci/registry/sync/search", "search", body, e -> ibr.changes(e, regionScope));
    }

    @POST
    @Path("sync/enrollment/updates")
    @RolesAllowed({ Roles.INTEGRATOR, Roles.KEMENSOS })
    @Operation(operationId = "postRegEnrollmentsUpdates", summary = "DCI enrollment updates from other systems (not taken yet)",
            description = "DCI IBR operation post_reg_enrollments_updates, where other systems would report their own "
                    + "enrolments. This registry does not take them yet: a message that passes the envelope checks is "
                    + "refused with rjct.action.not_supported; read enrolment changes with registry/sync/search instead. "
                    + "Nothing is written.")
    @APIResponse(responseCode = "200", description = "Not answered at present: every message is refused (400). Reserved for "
            + "the spec's EnrollmentUpdatesResponse once updates are taken",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = DciIbrApi.EnrollmentUpdatesResponse.class)))
    @APIResponse(responseCode = "400", description = "Every message is refused: with rjct.action.not_supported once the "
            + "envelope passes; before that as any DCI message: not JSON or not as the spec defines it, another "
            + "action or protocol version, encrypted, sender_id other than the token's client, receiver_id other than "
            + "ibr.lumbung.id, or unsigned or wrongly signed from a sender with a registered key",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DciIbrApi.Refusal.class)))
    @APIResponse(responseCode = "401", description = UNAUTHORIZED,
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DciIbrApi.HttpError.class)))
    @APIResponse(responseCode = "403", description = "The token's role may not use the DCI registry API",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DciIbrApi.HttpError.class)))
    @APIResponse(responseCode = "500", description = FAILED,
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DciIbrApi.HttpError.class)))
    public Response enrollmentUpdates(@RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DciIbrApi.EnrollmentUpdatesRequest.class))) String body) {
        return sync("/dci/registry/sync/enrollment/updates", "notify", body, e -> {
            throw new DciException(DciException.Code.REQUEST_BAD, "rjct.action.not_supported", "this registry does not take"
                    + " enrolments from other systems yet; read enrolment changes with registry/sync/search");
        });
    }

    private Response sync(String path, String action, String body, Function<DciEnvelope, ObjectNode> op) {
        return DciResponses.answer(json, path, () -> op.apply(ibr.open(path, action, body, caller.getSubject())),
                e -> DciMessages.syncError(json, clock, config.ibrId(), "on-" + action, caller.getSubject(), e));
    }

    // Authentication happens before the method runs: answer it in the spec's HttpErrorResponse shape too.
    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return DciResponses.unauthorized(json, "/" + uri.getPath().replaceFirst("^/", ""));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return DciResponses.forbidden(json, "/" + uri.getPath().replaceFirst("^/", ""), "DCI beneficiary registry API");
    }
}
