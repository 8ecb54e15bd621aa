package id.lumbung.disbursement.rest;

import id.lumbung.disbursement.service.PayPointService;
import id.lumbung.platform.security.RegionScope;
import id.lumbung.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/pay-points")
@Tag(name = "Pay points", description = "Post offices, community points and door-to-door rounds, with their capacity per day")
public class PayPointResource {

    private final PayPointService payPoints;
    private final RegionScope scope;

    public PayPointResource(PayPointService payPoints, RegionScope scope) {
        this.payPoints = payPoints;
        this.scope = scope;
    }

    @POST
    @RolesAllowed({ Roles.DINSOS, Roles.KEMENSOS })
    @Operation(summary = "Add a pay point in a region of your scope")
    public Response create(@Valid @NotNull PayPointApi.NewPayPoint in) {
        var created = payPoints.create(in, scope);
        return Response.created(URI.create("/api/v1/pay-points/" + created.code())).entity(created).build();
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.PETUGAS_BAYAR, Roles.AUDITOR })
    @Operation(summary = "Pay points whose region overlaps your scope, optionally around one region")
    public PlanApi.Page<PayPointApi.PayPointView> list(@QueryParam("regionCode") String regionCode,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return payPoints.list(regionCode, scope, page, size);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.PETUGAS_BAYAR, Roles.AUDITOR })
    @Operation(summary = "A pay point")
    public PayPointApi.PayPointView get(@PathParam("code") String code) {
        return payPoints.get(code, scope);
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed({ Roles.DINSOS, Roles.KEMENSOS })
    @Operation(summary = "Change a pay point's kind, name, region or capacity per day")
    public PayPointApi.PayPointView update(@PathParam("code") String code, @Valid @NotNull PayPointApi.PayPointChange in) {
        return payPoints.update(code, in, scope);
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed({ Roles.DINSOS, Roles.KEMENSOS })
    @Operation(summary = "Remove a pay point nobody is scheduled at")
    public Response delete(@PathParam("code") String code) {
        payPoints.delete(code, scope);
        return Response.noContent().build();
    }
}
