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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/beneficiary-lists")
@Tag(name = "Beneficiary lists", description = "Penetapan: draft from the eligible households within quotas, approve (four eyes), frozen and published")
public class BeneficiaryListResource {

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
    @Operation(summary = "Draft a list: eligible households of the period in the region, lowest desil first, then more "
            + "vulnerable members, then household id, within the regional quotas")
    public Response draft(@NotNull @Valid BeneficiaryListApi.DraftRequest request, @Context UriInfo uri) {
        var list = lists.draft(request, scope, caller.getName());
        return Response.created(uri.getAbsolutePathBuilder().path(list.id().toString()).build()).entity(list).build();
    }

    @POST
    @Path("/{id}/approval")
    @RolesAllowed({ Roles.DINSOS, Roles.KEMENSOS })
    @Operation(summary = "Approve a drafted list (not by its drafter): freezes it, records the aid and publishes it")
    public BeneficiaryListApi.ListView approve(
            @PathParam("id") @Pattern(regexp = DeterminationResource.UUID_PATTERN, message = "must be a list UUID") String id) {
        return lists.approve(UUID.fromString(id), scope, caller.getName());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.DINSOS, Roles.KEMENSOS, Roles.AUDITOR })
    @Operation(summary = "A list with its status, amounts and who drafted and approved it")
    public BeneficiaryListApi.ListView get(
            @PathParam("id") @Pattern(regexp = DeterminationResource.UUID_PATTERN, message = "must be a list UUID") String id) {
        return lists.find(UUID.fromString(id), scope);
    }

    @GET
    @Path("/{id}/beneficiaries")
    @RolesAllowed({ Roles.DINSOS, Roles.KEMENSOS, Roles.AUDITOR })
    @Operation(summary = "The listed households in priority order, a page at a time, NIK and KK masked")
    public BeneficiaryListApi.BeneficiaryPage beneficiaries(
            @PathParam("id") @Pattern(regexp = DeterminationResource.UUID_PATTERN, message = "must be a list UUID") String id,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return lists.beneficiaries(UUID.fromString(id), page, size, scope);
    }
}
