package id.lumbung.disbursement.rest;

import id.lumbung.disbursement.service.ScheduleService;
import id.lumbung.platform.security.RegionScope;
import id.lumbung.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/schedule-jobs")
@Tag(name = "Schedules", description = "Background generation of a plan's schedule")
public class ScheduleJobResource {

    private final ScheduleService schedules;
    private final RegionScope scope;

    public ScheduleJobResource(ScheduleService schedules, RegionScope scope) {
        this.schedules = schedules;
        this.scope = scope;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.DINSOS, Roles.KEMENSOS, Roles.AUDITOR })
    @Operation(operationId = "getScheduleJob",
            summary = "A schedule generation: status (QUEUED, RUNNING, DONE, FAILED), phase, counts and duration",
            description = "Progress of a schedule generation started with generateSchedule: QUEUED, RUNNING (phase "
                    + "COUNTING, then ASSIGNING), DONE with the orders scheduled, on door-to-door rounds, left without a "
                    + "pay point or over capacity and the bank-channel orders left out, or FAILED with the error. Poll it "
                    + "until DONE or FAILED. Readable when the plan's region overlaps the caller's scope. Nothing is "
                    + "changed.")
    @APIResponse(responseCode = "200", description = "The job as it stands",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ScheduleApi.Job.class)))
    @APIResponse(responseCode = "403", description = "The job's plan lies outside your scope, or your role may not read "
            + "schedule jobs")
    @APIResponse(responseCode = "404", description = "No schedule job with this id")
    public ScheduleApi.Job get(@Parameter(description = "The schedule job's id, from the Location of generateSchedule",
            example = "488c75b8-073b-4079-b089-47ca10ebccef") @PathParam("id") UUID id) {
        return schedules.job(id, scope);
    }
}
