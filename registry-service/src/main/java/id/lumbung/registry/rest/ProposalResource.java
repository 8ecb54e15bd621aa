package id.lumbung.registry.rest;

import id.lumbung.platform.security.RegionScope;
import id.lumbung.platform.security.Roles;
import id.lumbung.registry.service.ProposalService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/proposals")
@Tag(name = "Proposals (usulan)", description = "Village proposals backed by musdes minutes, verified and decided by Dinsos")
public class ProposalResource {

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
    @Operation(summary = "Propose a new family in the operator's own village")
    public Response proposeNew(@Valid @NotNull ProposalApi.ProposeNewHousehold request, UriInfo uri) {
        var created = proposals.proposeNew(request, caller.getName(), scope);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/proposals").path(created.id().toString()).build())
                .entity(created).build();
    }

    @POST
    @Path("/updates")
    @RolesAllowed(Roles.OPERATOR_DESA)
    @Operation(summary = "Propose a data update of a family in the operator's own village")
    public Response proposeUpdate(@Valid @NotNull ProposalApi.ProposeUpdate request, UriInfo uri) {
        var created = proposals.proposeUpdate(request, caller.getName(), scope);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/proposals").path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.AUDITOR })
    @Operation(summary = "Proposals in the caller's region, newest first")
    public List<ProposalApi.ProposalView> list(@QueryParam("status") String status, @QueryParam("region") String region,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return proposals.list(status, region, page, size, scope);
    }

    @POST
    @Path("/{id}/verification")
    @RolesAllowed(Roles.DINSOS)
    @Operation(summary = "Record the field check of a proposal in the social office's regency")
    public ProposalApi.ProposalView verify(@PathParam("id") UUID id, @Valid @NotNull ProposalApi.Verification request) {
        return proposals.verify(id, request, caller.getName(), scope);
    }

    @POST
    @Path("/{id}/decision")
    @RolesAllowed(Roles.DINSOS)
    @Operation(summary = "Approve (applies it) or reject a proposal, with a reason")
    public ProposalApi.ProposalView decide(@PathParam("id") UUID id, @Valid @NotNull ProposalApi.Decision request) {
        return proposals.decide(id, request, caller.getName(), scope);
    }
}
