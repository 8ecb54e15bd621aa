package id.lumbung.disbursement.rest;

import id.lumbung.disbursement.service.PlanService;
import id.lumbung.disbursement.service.ScheduleService;
import id.lumbung.platform.problem.ProblemException;
import id.lumbung.platform.security.RegionScope;
import id.lumbung.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
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
    private final ScheduleService schedules;
    private final id.lumbung.disbursement.service.ReconciliationService reconciliations;
    private final RegionScope scope;
    private final JsonWebToken caller;

    public PlanResource(PlanService plans, ScheduleService schedules,
            id.lumbung.disbursement.service.ReconciliationService reconciliations, RegionScope scope, JsonWebToken caller) {
        this.plans = plans;
        this.schedules = schedules;
        this.reconciliations = reconciliations;
        this.scope = scope;
        this.caller = caller;
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

    @PUT
    @Path("/{id}/windows")
    @RolesAllowed({ Roles.DINSOS, Roles.KEMENSOS })
    @Operation(summary = "Set the plan's collection windows (counter, community points, late collection, reconciliation)",
            description = "Local dates (WIB). Example, BLTS Kesra 2025 in Jepara: counterFrom 2025-11-21, communityFrom "
                    + "2025-11-25, communityTo 2025-11-30, lateUntil 2025-12-08, reconciliationFrom 2025-12-09, "
                    + "reconciliationTo 2025-12-11. Each stage must start after the one before it.")
    public ScheduleApi.WindowsView setWindows(@PathParam("id") UUID id, @Valid @NotNull ScheduleApi.Windows windows) {
        return schedules.setWindows(id, windows, scope, caller.getName());
    }

    @GET
    @Path("/{id}/windows")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.PETUGAS_BAYAR, Roles.AUDITOR, Roles.INTEGRATOR })
    @Operation(summary = "The plan's collection windows")
    public ScheduleApi.WindowsView windows(@PathParam("id") UUID id) {
        return schedules.windows(id, scope);
    }

    @PUT
    @Path("/{id}/door-to-door")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS })
    @Operation(summary = "Flag families for the door-to-door round (elderly, disabled, sick, remote), as the village social worker lists them",
            description = "Every household must have an unpaid order of this plan in your scope, or nothing is flagged (400).")
    public ScheduleApi.DoorToDoorResult doorToDoor(@PathParam("id") UUID id, @Valid @NotNull ScheduleApi.DoorToDoorList list) {
        return schedules.flagDoorToDoor(id, list, scope, caller.getName());
    }

    @POST
    @Path("/{id}/schedule")
    @RolesAllowed({ Roles.DINSOS, Roles.KEMENSOS })
    @Operation(summary = "Generate the schedule of the whole plan in the background (202); follow the job for progress",
            description = "Each unpaid Pos order goes to the most specific pay point whose region holds its village "
                    + "(door-to-door rounds for flagged families) and to the first day with room, up to the pay point's "
                    + "capacity per day. Regenerating replaces the schedule until the first payment.")
    public Response schedule(@PathParam("id") UUID id) {
        var job = schedules.request(id, scope, caller.getName());
        schedules.start(job.id());
        return Response.accepted(job).location(URI.create("/api/v1/schedule-jobs/" + job.id())).build();
    }

    @GET
    @Path("/{id}/schedule")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.PETUGAS_BAYAR, Roles.AUDITOR })
    @Operation(summary = "Families per pay point and day (within your scope) against the pay point's capacity")
    public List<ScheduleApi.DayLoad> load(@PathParam("id") UUID id) {
        return schedules.load(id, scope);
    }

    @GET
    @Path("/{id}/schedule/{payPointCode}/{date}")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.PETUGAS_BAYAR, Roles.AUDITOR })
    @Operation(summary = "Who is invited to a pay point on a day, in queue order; names and NIKs masked")
    public PlanApi.Page<ScheduleApi.Entry> day(@PathParam("id") UUID id, @PathParam("payPointCode") String payPointCode,
            @PathParam("date") String date, @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("date", "date must be an ISO date such as 2025-11-25");
        }
        return schedules.day(id, payPointCode, day, scope, page, size);
    }

    @POST
    @Path("/{id}/close-collection")
    @RolesAllowed({ Roles.DINSOS, Roles.KEMENSOS })
    @Operation(summary = "Close the collection after the last late-collection day: every unpaid order fails with its reason",
            description = "Reasons known from the field (DECEASED, MOVED, NOT_FOUND, UNABLE_TO_COME, RECLASSIFIED, REFUSED) "
                    + "may be given per household; the others fail as NOT_COLLECTED, blocked orders keep their reason. "
                    + "Publishes id.lumbung.disbursement.order.failed per order.")
    public ReconciliationApi.CollectionClosed closeCollection(@PathParam("id") UUID id,
            @Valid ReconciliationApi.CloseCollection request) {
        return reconciliations.closeCollection(id, request, scope, caller.getName());
    }
}
