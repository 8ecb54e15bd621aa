package id.lumbung.eligibility.rest;

import id.lumbung.eligibility.service.DeterminationRuns;
import id.lumbung.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/determination-runs")
@Tag(name = "Determination runs", description = "Batch determination of a program period over every household, with progress")
public class DeterminationRunResource {

    private final DeterminationRuns runs;
    private final JsonWebToken caller;

    public DeterminationRunResource(DeterminationRuns runs, JsonWebToken caller) {
        this.runs = runs;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.KEMENSOS)
    @Operation(summary = "Start deciding a program period for every household (answers at once; follow the Location)")
    public Response start(@NotNull @Valid DeterminationRunApi.RunRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
        var run = runs.start(request.programCode(), request.period(), caller.getName());
        return Response.accepted(run).location(uri.getAbsolutePathBuilder().path(run.id().toString()).build()).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.KEMENSOS, Roles.AUDITOR })
    @Operation(summary = "A run's status and progress: households done, rate and estimated time left")
    public DeterminationRunApi.RunView get(
            @PathParam("id") @Pattern(regexp = DeterminationResource.UUID_PATTERN, message = "must be a run UUID") String id) {
        return runs.find(UUID.fromString(id));
    }
}
