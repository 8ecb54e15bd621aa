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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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

@Path("/api/v1/plans/{planId}/reconciliations/{villageCode}")
@Tag(name = "Reconciliation", description = "Failed-payment reconciliation per village under its SPTJM, and return (retur)")
public class ReconciliationResource {

    private static final String VILLAGE = "The village (desa/kelurahan) reconciling, dotted or as 10 digits";
    private static final String VILLAGE_EXAMPLE = "33.20.06.1001";

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
    @Operation(operationId = "openVillageReconciliation",
            summary = "Open the village's reconciliation with its SPTJM (in the reconciliation window, after collection closed)",
            description = "Opens a village's failed-payment reconciliation (rekonsiliasi gagal bayar) of a plan under its "
                    + "SPTJM (Surat Pernyataan Tanggung Jawab Mutlak) signed by the village head or lurah: signer, "
                    + "position, date, document reference and the document's SHA-256. Only after the plan's collection "
                    + "is closed and within the reconciliation window (reconciliationFrom to reconciliationTo, WIB), for "
                    + "a village with orders in the plan; once per village and plan. Written to the audit log. The village "
                    + "operator, dinsos or kemensos, for a village within their scope.")
    @APIResponse(responseCode = "201", description = "The reconciliation, opened",
            headers = @Header(name = "Location", description = "The reconciliation's address",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference", maxLength = 200)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReconciliationApi.Reconciliation.class)))
    @APIResponse(responseCode = "400", description = "planId is not a UUID, villageCode is not a village of the "
            + "Kemendagri list, or an SPTJM field is missing, malformed or out of bounds")
    @APIResponse(responseCode = "403", description = "The village lies outside your scope, or your role may not reconcile")
    @APIResponse(responseCode = "404", description = "No plan with this id, or the plan has no orders in this village")
    @APIResponse(responseCode = "409", description = "The plan's collection is not closed yet (collection-open), today "
            + "is outside the reconciliation window (outside-reconciliation-window), or the village has already opened "
            + "its reconciliation (reconciliation-exists)")
    public Response open(@Parameter(description = PlanResource.PLAN_ID, example = PlanResource.PLAN_ID_EXAMPLE)
            @PathParam("planId") UUID planId,
            @Parameter(description = VILLAGE, example = VILLAGE_EXAMPLE, schema = @Schema(type = SchemaType.STRING,
                    pattern = Formats.REGION_CODE, maxLength = Formats.REGION_CODE_MAX))
            @PathParam("villageCode") String villageCode,
            @Valid @NotNull ReconciliationApi.Sptjm sptjm) {
        var opened = reconciliations.open(planId, villageCode, sptjm, scope, caller.getName());
        return Response.created(URI.create("/api/v1/plans/" + planId + "/reconciliations/" + opened.villageCode()))
                .entity(opened).build();
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.AUDITOR })
    @Operation(operationId = "getVillageReconciliation",
            summary = "The village's reconciliation: SPTJM, corrections and, once closed, planned = paid + returned",
            description = "A village's reconciliation of a plan: its SPTJM, who opened it, the corrections recorded in "
                    + "order, and, once closed, the village's orders and totals, where planned = paid + returned to the "
                    + "rupiah. Nothing is changed.")
    @APIResponse(responseCode = "200", description = "The reconciliation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReconciliationApi.Reconciliation.class)))
    @APIResponse(responseCode = "400", description = "planId is not a UUID, or villageCode is not a village of the "
            + "Kemendagri list")
    @APIResponse(responseCode = "403", description = "The village lies outside your scope, or your role may not read "
            + "reconciliations")
    @APIResponse(responseCode = "404", description = "No plan with this id, or the village has not opened its "
            + "reconciliation")
    public ReconciliationApi.Reconciliation get(
            @Parameter(description = PlanResource.PLAN_ID, example = PlanResource.PLAN_ID_EXAMPLE)
            @PathParam("planId") UUID planId,
            @Parameter(description = VILLAGE, example = VILLAGE_EXAMPLE, schema = @Schema(type = SchemaType.STRING,
                    pattern = Formats.REGION_CODE, maxLength = Formats.REGION_CODE_MAX))
            @PathParam("villageCode") String villageCode) {
        return reconciliations.get(planId, villageCode, scope);
    }

    @POST
    @Path("/corrections")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS })
    @Operation(operationId = "recordReconciliationCorrection",
            summary = "Correct a failed order under the SPTJM: a late payment with proof, or a confirmed death",
            description = "Corrects one FAILED order of the village under its SPTJM, within the reconciliation window "
                    + "and while the village's reconciliation is open. LATE_PAYMENT: the family was paid while collection "
                    + "was open but it was not reported; the order becomes PAID with a payment carrying the given time, "
                    + "presenter (checked as at the counter), pay point, officer, geotag and proof, and "
                    + "id.lumbung.disbursement.payment.recorded is published. DEATH_CONFIRMED: the order's reason becomes "
                    + "DECEASED and id.lumbung.disbursement.order.failed is published again. Written to the audit log. "
                    + "The village operator, dinsos or kemensos, for a village within their scope.")
    @APIResponse(responseCode = "201", description = "The correction, recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReconciliationApi.CorrectionView.class)))
    @APIResponse(responseCode = "400", description = "planId is not a UUID; villageCode is not a village of the "
            + "Kemendagri list; a field is missing, malformed or out of bounds; a late payment lacks paidAt, "
            + "presenterNik, presenterRole, "
            + "payPointCode, officer, latitude or longitude; or its paidAt lies outside the collection windows or in the "
            + "future")
    @APIResponse(responseCode = "403", description = "The village lies outside your scope, or your role may not reconcile")
    @APIResponse(responseCode = "404", description = "No plan with this id, or no order with this orderId in this plan "
            + "and village")
    @APIResponse(responseCode = "409", description = "The plan's collection is not closed (collection-open), the village "
            + "has not opened its reconciliation with its SPTJM (sptjm-required) or has closed it "
            + "(reconciliation-closed), today is outside the reconciliation window (outside-reconciliation-window), or "
            + "the order has not failed (order-not-failed)")
    @APIResponse(responseCode = "422", description = "The presenter of a late payment may not collect the order "
            + "(presenter-refused, reason NOT_RECIPIENT, KK_REQUIRED, KK_MISMATCH, NOT_A_MEMBER or MEMBER_DEPARTED)")
    public Response correct(@Parameter(description = PlanResource.PLAN_ID, example = PlanResource.PLAN_ID_EXAMPLE)
            @PathParam("planId") UUID planId,
            @Parameter(description = VILLAGE, example = VILLAGE_EXAMPLE, schema = @Schema(type = SchemaType.STRING,
                    pattern = Formats.REGION_CODE, maxLength = Formats.REGION_CODE_MAX))
            @PathParam("villageCode") String villageCode,
            @Valid @NotNull ReconciliationApi.Correction correction) {
        return Response.status(201).entity(reconciliations.correct(planId, villageCode, correction, scope, caller.getName()))
                .build();
    }

    @POST
    @Path("/close")
    @RolesAllowed({ Roles.DINSOS, Roles.KEMENSOS })
    @Operation(operationId = "closeVillageReconciliation",
            summary = "Close the village's reconciliation: failed orders' money is marked for return (retur)",
            description = "Closes a village's reconciliation once the reconciliation window has started: the money of "
                    + "every order of the village still FAILED is marked for return to the state treasury (retur), "
                    + "id.lumbung.disbursement.order.returned is published for each, and the village's totals are "
                    + "recorded, which must satisfy planned = paid + returned to the rupiah (the database checks it too). "
                    + "Written to the audit log; a closed reconciliation takes no more corrections. Dinsos or kemensos, "
                    + "for a village within their scope.")
    @APIResponse(responseCode = "200", description = "The reconciliation, closed, with the village's totals",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReconciliationApi.Reconciliation.class)))
    @APIResponse(responseCode = "400", description = "planId is not a UUID, or villageCode is not a village of the "
            + "Kemendagri list")
    @APIResponse(responseCode = "403", description = "The village lies outside your scope, or your role may not close "
            + "reconciliations")
    @APIResponse(responseCode = "404", description = "No plan with this id")
    @APIResponse(responseCode = "409", description = "The plan's collection is not closed (collection-open), the village "
            + "has not opened its reconciliation (sptjm-required) or has already closed it (reconciliation-closed), the "
            + "reconciliation window has not started (outside-reconciliation-window), or the village's totals do not add "
            + "up (totals-do-not-add-up, with plannedTotal, paidTotal and returnedTotal)")
    public ReconciliationApi.Reconciliation close(
            @Parameter(description = PlanResource.PLAN_ID, example = PlanResource.PLAN_ID_EXAMPLE)
            @PathParam("planId") UUID planId,
            @Parameter(description = VILLAGE, example = VILLAGE_EXAMPLE, schema = @Schema(type = SchemaType.STRING,
                    pattern = Formats.REGION_CODE, maxLength = Formats.REGION_CODE_MAX))
            @PathParam("villageCode") String villageCode) {
        return reconciliations.close(planId, villageCode, scope, caller.getName());
    }
}
