package id.lumbung.disbursement.rest;

import id.lumbung.disbursement.service.ScheduleService;
import id.lumbung.platform.security.RegionScope;
import id.lumbung.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
    @Operation(summary = "A schedule generation: status (QUEUED, RUNNING, DONE, FAILED), phase, counts and duration")
    public ScheduleApi.Job get(@PathParam("id") UUID id) {
        return schedules.job(id, scope);
    }
}
