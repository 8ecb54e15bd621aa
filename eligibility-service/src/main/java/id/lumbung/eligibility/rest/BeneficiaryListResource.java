package id.lumbung.eligibility.rest;

import id.lumbung.eligibility.service.BeneficiaryListService;
import id.lumbung.platform.security.RegionScope;
import id.lumbung.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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

@Path("/api/v1/beneficiary-lists")
@Tag(name = "Beneficiary lists", description = "Penetapan: draft from the eligible households within quotas, approve (four eyes), frozen and published")
public class BeneficiaryListResource {

    private static final String ID_DESCRIPTION = "The list's id";
    private static final String ID_EXAMPLE = "9a7c2d4e-3f1b-4e6a-8c5d-1b2a3c4d5e6f";

    private final BeneficiaryListService lists;
    private final RegionScope scope;
    private final JsonWebToken caller;

    public BeneficiaryListResource(BeneficiaryListService lists, RegionScope scope, JsonWebToken caller) {
        this.lists = lists;
        this.scope = scope;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.DINSOS, Roles.KEMENSOS })
    @Operation(operationId = "draftBeneficiaryList", summary = "Draft a beneficiary list of a program period and region",
            description = "Penetapan, step one: a Dinas Sosial drafts the list of its own regency, the ministry "
                    + "(Kemensos) of any region. The list takes the households of the region that are eligible for "
                    + "the program period and on no finalized list of it yet, lowest desil first, then more vulnerable "
                    + "members, then household id, at most quota households from each quota region. It snapshots the "
                    + "households, their recipient and the amounts of the rule version that applies. A draft changes "
                    + "nothing else and publishes nothing; not idempotent: every call drafts a new list.")
    @APIResponse(responseCode = "201", description = "The drafted list; Location names it",
            headers = @Header(name = "Location", description = "Address of the new list",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BeneficiaryListApi.ListView.class)))
    @APIResponse(responseCode = "400", description = "The request breaks a bound, or names a region that does not exist, a "
            + "quota region outside regionCode, overlapping quota regions or a negative quota")
    @APIResponse(responseCode = "403", description = "The role may not draft lists, or a Dinas Sosial asked for a region "
            + "that is not a regency of its own")
    @APIResponse(responseCode = "404", description = "No program with this code")
    @APIResponse(responseCode = "409", description = "The program period has no published rule version for the region, its "
            + "rule version has no single amount per family, or no eligible household of the region is waiting for a list")
    public Response draft(@NotNull @Valid BeneficiaryListApi.DraftRequest request, @Context UriInfo uri) {
        var list = lists.draft(request, scope, caller.getName());
        return Response.created(uri.getAbsolutePathBuilder().path(list.id().toString()).build()).entity(list).build();
    }

    @POST
    @Path("/{id}/approval")
    @RolesAllowed({ Roles.DINSOS, Roles.KEMENSOS })
    @Operation(operationId = "approveBeneficiaryList", summary = "Approve a drafted beneficiary list",
            description = "Penetapan, step two (four eyes): someone other than the drafter, a Dinas Sosial officer of the "
                    + "list's regency or the ministry (Kemensos), approves the draft. The list is frozen (FINALIZED), "
                    + "its households are recorded as receiving the program period (for the no-double-aid rules of "
                    + "other programs) and the list is published on eligibility.beneficiary-lists.v1, in chunks, for "
                    + "disbursement. A finalized list is not approved again.")
    @APIResponse(responseCode = "200", description = "The finalized list",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BeneficiaryListApi.ListView.class)))
    @APIResponse(responseCode = "403", description = "The role may not approve lists, the list's region is not a regency of "
            + "the caller's own, or the caller drafted the list (four eyes)")
    @APIResponse(responseCode = "404", description = "No beneficiary list with this id")
    @APIResponse(responseCode = "409", description = "The list is finalized already, or some of its households are on "
            + "another finalized list of the program period meanwhile (draft it again)")
    public BeneficiaryListApi.ListView approve(
            @Parameter(description = ID_DESCRIPTION, example = ID_EXAMPLE)
            @PathParam("id") @Pattern(regexp = DeterminationResource.UUID_PATTERN, message = "must be a list UUID") String id) {
        return lists.approve(UUID.fromString(id), scope, caller.getName());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.DINSOS, Roles.KEMENSOS, Roles.AUDITOR })
    @Operation(operationId = "getBeneficiaryList", summary = "Get a beneficiary list",
            description = "A beneficiary list with its status, quotas, the rule version and amounts it pays, its size "
                    + "and who drafted and approved it, without its households (read those a page at a time). Dinas "
                    + "Sosial reads the lists of its regions, the ministry (Kemensos) and auditors any; nothing is changed.")
    @APIResponse(responseCode = "200", description = "The list",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BeneficiaryListApi.ListView.class)))
    @APIResponse(responseCode = "403", description = "The role may not read lists, or the list's region lies outside the "
            + "caller's regions")
    @APIResponse(responseCode = "404", description = "No beneficiary list with this id")
    public BeneficiaryListApi.ListView get(
            @Parameter(description = ID_DESCRIPTION, example = ID_EXAMPLE)
            @PathParam("id") @Pattern(regexp = DeterminationResource.UUID_PATTERN, message = "must be a list UUID") String id) {
        return lists.find(UUID.fromString(id), scope);
    }

    @GET
    @Path("/{id}/beneficiaries")
    @RolesAllowed({ Roles.DINSOS, Roles.KEMENSOS, Roles.AUDITOR })
    @Operation(operationId = "listBeneficiaries", summary = "List the households on a beneficiary list",
            description = "The households (KPM) on a list in priority order (rank), a page at a time, each with its "
                    + "village, desil, KKS card, vulnerable members, the member who collects and the living members; NIK "
                    + "and KK numbers masked. Dinas Sosial reads the lists of its regions, the ministry (Kemensos) and "
                    + "auditors any. Every page read is recorded in the audit log.")
    @APIResponse(responseCode = "200", description = "A page of the list's households",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BeneficiaryListApi.BeneficiaryPage.class)))
    @APIResponse(responseCode = "403", description = "The role may not read lists, or the list's region lies outside the "
            + "caller's regions")
    @APIResponse(responseCode = "404", description = "No beneficiary list with this id")
    public BeneficiaryListApi.BeneficiaryPage beneficiaries(
            @Parameter(description = ID_DESCRIPTION, example = ID_EXAMPLE)
            @PathParam("id") @Pattern(regexp = DeterminationResource.UUID_PATTERN, message = "must be a list UUID") String id,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return lists.beneficiaries(UUID.fromString(id), page, size, scope);
    }
}
