package id.lumbung.registry.rest;

import id.lumbung.platform.security.RegionScope;
import id.lumbung.platform.security.Roles;
import id.lumbung.registry.service.ProposalService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/proposals")
@Tag(name = "Proposals (usulan)", description = "Village proposals backed by musdes minutes, verified and decided by Dinsos")
public class ProposalResource {

    static final String PROPOSAL_ID = "Proposal id";
    static final String PROPOSAL_ID_EXAMPLE = "5c0d7e21-9a4b-4f3e-8d6c-2b1a0f9e8d7c";

    private final ProposalService proposals;
    private final RegionScope scope;
    private final JsonWebToken caller;

    public ProposalResource(ProposalService proposals, RegionScope scope, JsonWebToken caller) {
        this.proposals = proposals;
        this.scope = scope;
        this.caller = caller;
    }

    @POST
    @Path("/new-households")
    @RolesAllowed(Roles.OPERATOR_DESA)
    @Operation(operationId = "proposeNewHousehold", summary = "Propose a new family in the operator's own village",
            description = "A village operator proposes (usul) a family for the registry, backed by the musdes that agreed "
                    + "on it. The family is held to every registration rule now (village, No. KK, one head, NIKs), so that "
                    + "Dinsos verifies only proposals that could be applied. The proposal starts SUBMITTED; nothing is "
                    + "registered until Dinsos approves it.")
    @APIResponse(responseCode = "201", description = "Proposed: the proposal, its address in Location",
            headers = @Header(name = "Location", description = "Address of the proposal",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProposalApi.ProposalView.class)))
    @APIResponse(responseCode = "400", description = "A field out of bounds, an unknown village or district, a family "
            + "that breaks the KK rules, or desil without its quarter; the violations name each field")
    @APIResponse(responseCode = "403", description = "The village lies outside the operator's villages")
    @APIResponse(responseCode = "409", description = "The No. KK is already registered")
    public Response proposeNew(@Valid @NotNull ProposalApi.ProposeNewHousehold request, UriInfo uri) {
        var created = proposals.proposeNew(request, caller.getName(), scope);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/proposals").path(created.id().toString()).build())
                .entity(created).build();
    }

    @POST
    @Path("/updates")
    @RolesAllowed(Roles.OPERATOR_DESA)
    @Operation(operationId = "proposeHouseholdUpdate", summary = "Propose a data update of a family in the operator's own village",
            description = "A village operator proposes (usul) a change of an active family's address or socio-economic "
                    + "attributes, backed by the musdes that agreed on it. The proposal starts SUBMITTED; the household "
                    + "changes only when Dinsos approves it.")
    @APIResponse(responseCode = "201", description = "Proposed: the proposal, its address in Location",
            headers = @Header(name = "Location", description = "Address of the proposal",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProposalApi.ProposalView.class)))
    @APIResponse(responseCode = "400", description = "A field out of bounds or missing")
    @APIResponse(responseCode = "403", description = "The household lies outside the operator's villages")
    @APIResponse(responseCode = "404", description = "No active household with this householdId")
    public Response proposeUpdate(@Valid @NotNull ProposalApi.ProposeUpdate request, UriInfo uri) {
        var created = proposals.proposeUpdate(request, caller.getName(), scope);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/proposals").path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.AUDITOR })
    @Operation(operationId = "listProposals", summary = "Proposals in the caller's regions, newest first",
            description = "The usulan of the villages in the caller's regions, newest first, optionally only those with "
                    + "one status or in one region: a village operator sees its villages, Dinsos its regency, the ministry "
                    + "and auditors all.")
    @APIResponse(responseCode = "200", description = "A page of proposals, newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ProposalApi.ProposalView.class)))
    @APIResponse(responseCode = "400", description = "An unknown status, a malformed region code, or page or size out of "
            + "range or not a whole number")
    @APIResponse(responseCode = "403", description = "The caller's token names no region")
    public List<ProposalApi.ProposalView> list(
            @Parameter(description = "Only proposals with this status", example = "SUBMITTED")
            @QueryParam("status") @Pattern(regexp = "^(SUBMITTED|VERIFIED|APPROVED|REJECTED)$",
                    message = "must be SUBMITTED, VERIFIED, APPROVED or REJECTED") String status,
            @Parameter(description = "Kemendagri region code, dotted or plain digits: only proposals from villages in this "
                    + "province, regency, district or village", example = "33.20.06")
            @QueryParam("region") @Size(max = HouseholdResource.REGION_CODE_LENGTH) String region,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(HouseholdResource.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return proposals.list(status, region, page, size, scope);
    }

    @POST
    @Path("/{id}/verification")
    @RolesAllowed(Roles.DINSOS)
    @Operation(operationId = "verifyProposal", summary = "Record the field check of a proposal",
            description = "The regency social office (Dinsos) records what its field check (verifikasi lapangan) of a "
                    + "SUBMITTED proposal in its regency found: SESUAI (as proposed) or TIDAK_SESUAI, with notes. The "
                    + "proposal becomes VERIFIED; only a SESUAI one can then be approved.")
    @APIResponse(responseCode = "200", description = "The proposal, now VERIFIED")
    @APIResponse(responseCode = "400", description = "An id that is not a UUID, no result or no notes, or notes too long")
    @APIResponse(responseCode = "403", description = "The proposal's village lies outside the caller's regency")
    @APIResponse(responseCode = "404", description = "No proposal with this id")
    @APIResponse(responseCode = "409", description = "The proposal is not SUBMITTED (already verified or decided)")
    public ProposalApi.ProposalView verify(@Parameter(description = PROPOSAL_ID, example = PROPOSAL_ID_EXAMPLE)
            @PathParam("id") UUID id, @Valid @NotNull ProposalApi.Verification request) {
        return proposals.verify(id, request, caller.getName(), scope);
    }

    @POST
    @Path("/{id}/decision")
    @RolesAllowed(Roles.DINSOS)
    @Operation(operationId = "decideProposal", summary = "Approve or reject a proposal, with a reason",
            description = "Dinsos decides a proposal in its regency. Approval needs a VERIFIED proposal whose field check "
                    + "was SESUAI, and applies it at once through the ordinary rules: a new family is registered "
                    + "(CloudEvents type id.lumbung.registry.household.registered on registry.households.v1), an update "
                    + "changes the household (id.lumbung.registry.household.updated); either is kept in the change history. "
                    + "Rejection is possible while SUBMITTED or VERIFIED. The decision is final.")
    @APIResponse(responseCode = "200", description = "The proposal, now APPROVED (with appliedHouseholdId) or REJECTED")
    @APIResponse(responseCode = "400", description = "An id that is not a UUID, no reason or one too long, or an approved "
            + "family that no longer passes the registration rules")
    @APIResponse(responseCode = "403", description = "The proposal's village lies outside the caller's regency")
    @APIResponse(responseCode = "404", description = "No proposal with this id")
    @APIResponse(responseCode = "409", description = "Already decided; approval before a field check or after a TIDAK_SESUAI "
            + "one; or the approved data conflicts with the registry now (No. KK registered meanwhile, a member on another "
            + "KK, the household dissolved)")
    public ProposalApi.ProposalView decide(@Parameter(description = PROPOSAL_ID, example = PROPOSAL_ID_EXAMPLE)
            @PathParam("id") UUID id, @Valid @NotNull ProposalApi.Decision request) {
        return proposals.decide(id, request, caller.getName(), scope);
    }
}
