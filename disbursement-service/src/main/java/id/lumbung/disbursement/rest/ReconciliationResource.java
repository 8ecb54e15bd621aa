package id.lumbung.disbursement.rest;

import id.lumbung.disbursement.service.ReconciliationService;
import id.lumbung.platform.security.RegionScope;
import id.lumbung.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/plans/{planId}/reconciliations/{villageCode}")
@Tag(name = "Reconciliation", description = "Failed-payment reconciliation per village under its SPTJM, and return (retur)")
public class ReconciliationResource {

    private final ReconciliationService reconciliations;
    private final RegionScope scope;
    private final JsonWebToken caller;

    public ReconciliationResource(ReconciliationService reconciliations, RegionScope scope, JsonWebToken caller) {
        this.reconciliations = reconciliations;
        this.scope = scope;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS })
    @Operation(summary = "Open the village's reconciliation with its SPTJM (in the reconciliation window, after collection closed)")
    public Response open(@PathParam("planId") UUID planId, @PathParam("villageCode") String villageCode,
            @Valid @NotNull ReconciliationApi.Sptjm sptjm) {
        var opened = reconciliations.open(planId, villageCode, sptjm, scope, caller.getName());
        return Response.created(URI.create("/api/v1/plans/" + planId + "/reconciliations/" + opened.villageCode()))
                .entity(opened).build();
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.AUDITOR })
    @Operation(summary = "The village's reconciliation: SPTJM, corrections and, once closed, planned = paid + returned")
    public ReconciliationApi.Reconciliation get(@PathParam("planId") UUID planId, @PathParam("villageCode") String villageCode) {
        return reconciliations.get(planId, villageCode, scope);
    }

    @POST
    @Path("/corrections")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS })
    @Operation(summary = "Correct a failed order under the SPTJM: a late payment with proof, or a confirmed death")
    public Response correct(@PathParam("planId") UUID planId, @PathParam("villageCode") String villageCode,
            @Valid @NotNull ReconciliationApi.Correction correction) {
        return Response.status(201).entity(reconciliations.correct(planId, villageCode, correction, scope, caller.getName()))
                .build();
    }

    @POST
    @Path("/close")
    @RolesAllowed({ Roles.DINSOS, Roles.KEMENSOS })
    @Operation(summary = "Close the village's reconciliation: failed orders' money is marked for return (retur)")
    public ReconciliationApi.Reconciliation close(@PathParam("planId") UUID planId,
            @PathParam("villageCode") String villageCode) {
        return reconciliations.close(planId, villageCode, scope, caller.getName());
    }
}
