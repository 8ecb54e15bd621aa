package id.lumbung.disbursement.rest;

import id.lumbung.disbursement.service.PlanService;
import id.lumbung.disbursement.service.ScheduleService;
import id.lumbung.platform.problem.ProblemException;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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

@Path("/api/v1/plans")
@Tag(name = "Plans", description = "Disbursement plans made from finalized beneficiary lists")
public class PlanResource {

    static final String PLAN_ID = "The plan's id";
    static final String PLAN_ID_EXAMPLE = "69897276-0cf0-41cc-9328-3967175962ee";
    /** The last page a list may ask for: 100,000 pages of 500 hold 50 million orders, more than any plan has. */
    static final int MAX_PAGE = 100_000;

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
    @Operation(operationId = "listPlans", summary = "Plans whose region overlaps your scope, newest first",
            description = "Disbursement plans (rencana penyaluran), one per finalized beneficiary list received from "
                    + "eligibility-service: program, period, region, amount per family (amount per month × months, paid "
                    + "at once when lump sum) and planned total. A plan is visible when its region and the caller's "
                    + "region scope overlap; kemensos and auditors see every plan. Nothing is changed.")
    @APIResponse(responseCode = "200", description = "A page of plans, newest first")
    @APIResponse(responseCode = "400", description = "page or size is not a whole number or out of range")
    public PlanApi.PlanPage list(
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return plans.list(scope, page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.PETUGAS_BAYAR, Roles.AUDITOR, Roles.INTEGRATOR })
    @Operation(operationId = "getPlan",
            summary = "A plan with its planned total and its orders counted and summed per status (within your scope)",
            description = "The plan as made from its beneficiary list (chunks received, families refused) and its "
                    + "progress: payment orders (perintah bayar) counted and summed in rupiah per status READY, PAID, "
                    + "BLOCKED and FAILED. The counts cover only the orders whose village lies in the caller's scope; "
                    + "the planned total is the whole plan's. Nothing is changed.")
    @APIResponse(responseCode = "200", description = "The plan and its progress",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PlanApi.PlanDetail.class)))
    @APIResponse(responseCode = "403", description = "The plan's region does not overlap your scope, or your role may "
            + "not read plans")
    @APIResponse(responseCode = "404", description = "No plan with this id")
    public PlanApi.PlanDetail get(@Parameter(description = PLAN_ID, example = PLAN_ID_EXAMPLE) @PathParam("id") UUID id) {
        return plans.get(id, scope);
    }

    @PUT
    @Path("/{id}/windows")
    @RolesAllowed({ Roles.DINSOS, Roles.KEMENSOS })
    @Operation(operationId = "setCollectionWindows",
            summary = "Set the plan's collection windows (counter, community points, late collection, reconciliation)",
            description = "Sets or replaces the plan's collection windows (jadwal penyaluran) as local dates (WIB): the "
                    + "post-office counter opens on counterFrom, community points run communityFrom to communityTo, "
                    + "families who have not collected may still come to the sub-district post office until lateUntil, "
                    + "and villages reconcile failed payments reconciliationFrom to reconciliationTo. Each stage must "
                    + "start after the one before it. Example, BLTS Kesra 2025 in Jepara: counterFrom 2025-11-21, "
                    + "communityFrom 2025-11-25, communityTo 2025-11-30, lateUntil 2025-12-08, reconciliationFrom "
                    + "2025-12-09, reconciliationTo 2025-12-11. Dinsos of a regency holding the whole plan region, or "
                    + "kemensos; the windows no longer move once the collection is closed. Setting them again is "
                    + "idempotent; a schedule already generated keeps its days until it is generated again.")
    @APIResponse(responseCode = "200", description = "The windows as now set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ScheduleApi.WindowsView.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID, a date is missing or outside 2000-2099, or "
            + "the stages are out of order (problem type invalid-windows, with reason COMMUNITY_BEFORE_COUNTER, "
            + "COMMUNITY_RANGE, "
            + "LATE_OVERLAPS_COMMUNITY, RECONCILIATION_OVERLAPS_COLLECTION or RECONCILIATION_RANGE)")
    @APIResponse(responseCode = "403", description = "The plan's region is not wholly within your scope, or your role "
            + "may not set windows")
    @APIResponse(responseCode = "404", description = "No plan with this id")
    @APIResponse(responseCode = "409", description = "The plan's collection is already closed (collection-closed): its "
            + "windows no longer move")
    public ScheduleApi.WindowsView setWindows(
            @Parameter(description = PLAN_ID, example = PLAN_ID_EXAMPLE) @PathParam("id") UUID id,
            @Valid @NotNull ScheduleApi.Windows windows) {
        return schedules.setWindows(id, windows, scope, caller.getName());
    }

    @GET
    @Path("/{id}/windows")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.PETUGAS_BAYAR, Roles.AUDITOR, Roles.INTEGRATOR })
    @Operation(operationId = "getCollectionWindows", summary = "The plan's collection windows",
            description = "The plan's collection windows (counter, community points, late collection, "
                    + "reconciliation) as local dates (WIB), who set them last and, once closed, when the collection was "
                    + "closed. Readable by every role whose scope overlaps the plan's region. Nothing is changed.")
    @APIResponse(responseCode = "200", description = "The plan's windows",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ScheduleApi.WindowsView.class)))
    @APIResponse(responseCode = "403", description = "The plan's region does not overlap your scope")
    @APIResponse(responseCode = "404", description = "No plan with this id, or its windows are not set yet")
    public ScheduleApi.WindowsView windows(
            @Parameter(description = PLAN_ID, example = PLAN_ID_EXAMPLE) @PathParam("id") UUID id) {
        return schedules.windows(id, scope);
    }

    @PUT
    @Path("/{id}/door-to-door")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS })
    @Operation(operationId = "flagDoorToDoorFamilies",
            summary = "Flag families for the door-to-door round (elderly, disabled, sick, remote), as the village social "
                    + "worker lists them",
            description = "Adds the village social worker's door-to-door list (daftar antar ke rumah) to the plan: the "
                    + "listed families are scheduled on a DOOR_TO_DOOR pay point the next time the schedule is "
                    + "generated. Families already flagged keep their flag and take the new reason. Every household must "
                    + "have a READY order of this plan in your scope and appear once, or nothing is flagged. The village "
                    + "operator, dinsos or kemensos; repeating the same list changes nothing.")
    @APIResponse(responseCode = "200", description = "How many families were flagged",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ScheduleApi.DoorToDoorResult.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID; the list is empty, too long or malformed; a "
            + "household is listed twice; or households have no READY order of this plan in your scope "
            + "(unknown-families, the first 100 "
            + "in householdIds); nothing was flagged")
    @APIResponse(responseCode = "403", description = "The plan's region does not overlap your scope, or your role may "
            + "not flag families")
    @APIResponse(responseCode = "404", description = "No plan with this id")
    public ScheduleApi.DoorToDoorResult doorToDoor(
            @Parameter(description = PLAN_ID, example = PLAN_ID_EXAMPLE) @PathParam("id") UUID id,
            @Valid @NotNull ScheduleApi.DoorToDoorList list) {
        return schedules.flagDoorToDoor(id, list, scope, caller.getName());
    }

    @POST
    @Path("/{id}/schedule")
    @RolesAllowed({ Roles.DINSOS, Roles.KEMENSOS })
    @Operation(operationId = "generateSchedule",
            summary = "Generate the schedule of the whole plan in the background (202); follow the job for progress",
            description = "Queues the generation of the plan's schedule (jadwal) and answers at once with the job; "
                    + "GET the Location (/api/v1/schedule-jobs/{id}) for its progress. Each READY Pos order goes to the "
                    + "most specific pay point whose region holds its village (a door-to-door round for flagged "
                    + "families) and to the first day with room, up to the pay point's capacity per day: post offices "
                    + "from counterFrom, community points and rounds from communityFrom, until communityTo. Bank (KKS) "
                    + "orders are not scheduled. Regenerating replaces the whole schedule until the first payment. "
                    + "Needs a COMPLETE plan with windows set; one generation per plan at a time. Dinsos of a regency "
                    + "holding the whole plan region, or kemensos.")
    @APIResponse(responseCode = "202", description = "Generation queued; follow the job at the Location",
            headers = @Header(name = "Location", description = "The job's address", schema = @Schema(type = SchemaType.STRING,
                    format = "uri-reference", maxLength = 200)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ScheduleApi.Job.class)))
    @APIResponse(responseCode = "403", description = "The plan's region is not wholly within your scope, or your role "
            + "may not generate schedules")
    @APIResponse(responseCode = "404", description = "No plan with this id")
    @APIResponse(responseCode = "409", description = "The schedule cannot be generated now: the plan is still receiving "
            + "its list (plan-incomplete), its windows are not set (windows-missing), its collection is closed "
            + "(collection-closed), orders are already paid (payments-started), or a generation is queued or running "
            + "(generation-running)")
    public Response schedule(@Parameter(description = PLAN_ID, example = PLAN_ID_EXAMPLE) @PathParam("id") UUID id) {
        var job = schedules.request(id, scope, caller.getName());
        schedules.start(job.id());
        return Response.accepted(job).location(URI.create("/api/v1/schedule-jobs/" + job.id())).build();
    }

    @GET
    @Path("/{id}/schedule")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.PETUGAS_BAYAR, Roles.AUDITOR })
    @Operation(operationId = "getScheduleLoad",
            summary = "Families per pay point and day (within your scope) against the pay point's capacity",
            description = "The plan's schedule in numbers: for each pay point and collection day, the families invited "
                    + "(and of those, visited at home) next to the pay point's capacity per day, ordered by pay point and "
                    + "day. Only families whose village lies in the caller's scope are counted; empty until a schedule "
                    + "has been generated. Nothing is changed.")
    @APIResponse(responseCode = "200", description = "One entry per pay point and day",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ScheduleApi.DayLoad.class)))
    @APIResponse(responseCode = "403", description = "The plan's region does not overlap your scope, or your role may "
            + "not read schedules")
    @APIResponse(responseCode = "404", description = "No plan with this id")
    public List<ScheduleApi.DayLoad> load(
            @Parameter(description = PLAN_ID, example = PLAN_ID_EXAMPLE) @PathParam("id") UUID id) {
        return schedules.load(id, scope);
    }

    @GET
    @Path("/{id}/schedule/{payPointCode}/{date}")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.PETUGAS_BAYAR, Roles.AUDITOR })
    @Operation(operationId = "listScheduledFamilies",
            summary = "Who is invited to a pay point on a day, in queue order; names and NIKs masked",
            description = "The families invited to one pay point on one day, in queue order (slot), with the hour they "
                    + "are invited for, the amount and the order's status now, for the counter's day list. Only families "
                    + "whose village lies in the caller's scope; names and NIKs masked. The search is written to the "
                    + "audit log.")
    @APIResponse(responseCode = "200", description = "A page of the day's families, in queue order")
    @APIResponse(responseCode = "400", description = "The id is not a UUID, date is not an ISO date (yyyy-mm-dd), the "
            + "pay point code is malformed, or page or size is not a whole number or out of range")
    @APIResponse(responseCode = "403", description = "The plan's region does not overlap your scope, or your role may "
            + "not read schedules")
    @APIResponse(responseCode = "404", description = "No plan with this id, or no pay point with this code")
    public ScheduleApi.ScheduledFamilyPage day(
            @Parameter(description = PLAN_ID, example = PLAN_ID_EXAMPLE) @PathParam("id") UUID id,
            @PathParam("payPointCode") @Pattern(regexp = Formats.PAY_POINT_CODE, message = Formats.PAY_POINT_CODE_MESSAGE)
            String payPointCode,
            @Parameter(description = "The collection day, an ISO date (yyyy-mm-dd, WIB)", example = "2025-11-25",
                    schema = @Schema(type = SchemaType.STRING, format = "date", pattern = Formats.ISO_DATE))
            @PathParam("date") String date,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(MAX_PAGE) int page,
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
    @Operation(operationId = "closeCollection",
            summary = "Close the collection after the last late-collection day: every unpaid order fails with its reason",
            description = "Ends the plan's collection (penutupan penyaluran) once the last late-collection day "
                    + "(lateUntil, WIB) is over: every READY or BLOCKED order becomes FAILED (gagal bayar). Reasons known "
                    + "from the field (DECEASED, MOVED, NOT_FOUND, UNABLE_TO_COME, RECLASSIFIED, REFUSED) may be given per "
                    + "household; the others fail as NOT_COLLECTED and blocked orders keep their reason. Publishes "
                    + "id.lumbung.disbursement.order.failed on disbursement.payments.v1 for each failed order. Once "
                    + "closed, the windows no longer move and the villages may reconcile. Dinsos of a regency holding "
                    + "the whole plan region, or kemensos; it happens once per plan.")
    @APIResponse(responseCode = "200", description = "The collection is closed: failed orders per reason",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReconciliationApi.CollectionClosed.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID; a reason list that is malformed or too long; "
            + "a household listed twice; or households without a READY or BLOCKED order in this plan (unknown-families, "
            + "the first 100 in "
            + "householdIds); nothing was closed")
    @APIResponse(responseCode = "403", description = "The plan's region is not wholly within your scope, or your role "
            + "may not close collections")
    @APIResponse(responseCode = "404", description = "No plan with this id")
    @APIResponse(responseCode = "409", description = "The plan has no windows (windows-missing), its collection is "
            + "already closed (collection-closed), or late collection has not ended yet (collection-open, with "
            + "lateUntil)")
    public ReconciliationApi.CollectionClosed closeCollection(
            @Parameter(description = PLAN_ID, example = PLAN_ID_EXAMPLE) @PathParam("id") UUID id,
            @Valid ReconciliationApi.CloseCollection request) {
        return reconciliations.closeCollection(id, request, scope, caller.getName());
    }
}
