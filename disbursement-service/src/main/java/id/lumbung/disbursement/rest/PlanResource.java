package id.lumbung.disbursement.rest;

import id.lumbung.disbursement.service.PlanService;
import id.lumbung.platform.security.RegionScope;
import id.lumbung.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/plans")
@Tag(name = "Plans", description = "Disbursement plans made from finalized beneficiary lists")
public class PlanResource {

    private final PlanService plans;
    private final RegionScope scope;

    public PlanResource(PlanService plans, RegionScope scope) {
        this.plans = plans;
        this.scope = scope;
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.PETUGAS_BAYAR, Roles.AUDITOR, Roles.INTEGRATOR })
    @Operation(summary = "Plans whose region overlaps your scope, newest first")
    public PlanApi.Page<PlanApi.PlanSummary> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return plans.list(scope, page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.PETUGAS_BAYAR, Roles.AUDITOR, Roles.INTEGRATOR })
    @Operation(summary = "A plan with its planned total and its orders counted and summed per status (within your scope)")
    public PlanApi.PlanDetail get(@PathParam("id") UUID id) {
        return plans.get(id, scope);
    }
}
