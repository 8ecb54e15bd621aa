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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Operation(operationId = "startDeterminationRun", summary = "Start deciding a program period for every household",
            description = "The ministry (Kemensos) starts a batch determination (penentuan kelayakan massal) of one "
                    + "program period over every household of the projection, with the published rule versions of "
                    + "that period, chunk by chunk in the background. Answers at once with the run; follow Location "
                    + "for its progress. Every determination that changes is published once on "
                    + "eligibility.determinations.v1. One run per program period at a time: a second start while one "
                    + "runs is refused.")
    @APIResponse(responseCode = "202", description = "The run has started; Location names it",
            headers = @Header(name = "Location", description = "Address of the run, to follow its progress",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DeterminationRunApi.RunView.class)))
    @APIResponse(responseCode = "400", description = "programCode or period is missing or malformed")
    @APIResponse(responseCode = "404", description = "No program with this code")
    @APIResponse(responseCode = "409", description = "The program period has no published rule version, its rules cannot be "
            + "decided as a batch, or a run of it is already running")
    public Response start(@NotNull @Valid DeterminationRunApi.RunRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
        var run = runs.start(request.programCode(), request.period(), caller.getName());
        return Response.accepted(run).location(uri.getAbsolutePathBuilder().path(run.id().toString()).build()).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.KEMENSOS, Roles.AUDITOR })
    @Operation(operationId = "getDeterminationRun", summary = "Get a determination run's progress",
            description = "A batch determination's status and progress: households walked of the total, determinations "
                    + "made, eligible and changed, the rate and the estimated time left, and why it failed if it did. "
                    + "For the ministry (Kemensos) and auditors; nothing is changed.")
    @APIResponse(responseCode = "200", description = "The run and its progress",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DeterminationRunApi.RunView.class)))
    @APIResponse(responseCode = "404", description = "No determination run with this id")
    public DeterminationRunApi.RunView get(
            @Parameter(description = "The run's id", example = "5d2e8f64-1b7a-4c3e-9a0d-2f4b6c8e0a1b")
            @PathParam("id") @Pattern(regexp = DeterminationResource.UUID_PATTERN, message = "must be a run UUID") String id) {
        return runs.find(UUID.fromString(id));
    }
}
