package id.lumbung.registry.rest;

import id.lumbung.platform.security.RegionScope;
import id.lumbung.platform.security.Roles;
import id.lumbung.registry.service.HouseholdService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/households")
@Tag(name = "Households", description = "Families (KK) and their members (NIK)")
public class HouseholdResource {

    private final HouseholdService households;
    private final RegionScope scope;
    private final JsonWebToken caller;

    public HouseholdResource(HouseholdService households, RegionScope scope, JsonWebToken caller) {
        this.households = households;
        this.scope = scope;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS })
    @Operation(summary = "Register a household with its members; publishes registry.households.v1")
    public Response register(@Valid @NotNull HouseholdApi.RegisterHousehold request, UriInfo uri) {
        var created = households.register(request, caller.getName(), scope);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .tag(new EntityTag(Long.toString(created.version()))).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.AUDITOR, Roles.INTEGRATOR })
    @Operation(summary = "A household with its current members; the ETag is its version")
    public Response get(@PathParam("id") UUID id) {
        var household = households.find(id, scope);
        return Response.ok(household).tag(new EntityTag(Long.toString(household.version()))).build();
    }
}
