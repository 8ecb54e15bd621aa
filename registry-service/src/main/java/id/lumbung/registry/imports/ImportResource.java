package id.lumbung.registry.imports;

import id.lumbung.platform.problem.ProblemException;
import id.lumbung.platform.security.RegionScope;
import id.lumbung.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/imports")
@Tag(name = "Imports", description = "Bulk import of a DTSEN extract as an asynchronous job")
public class ImportResource {

    private final ImportService imports;
    private final ImportJobs jobs;
    private final RegionScope scope;
    private final JsonWebToken caller;

    public ImportResource(ImportService imports, ImportJobs jobs, RegionScope scope, JsonWebToken caller) {
        this.imports = imports;
        this.jobs = jobs;
        this.scope = scope;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.KEMENSOS, Roles.DINSOS })
    @Operation(summary = "Upload a DTSEN extract: NDJSON (kind=households, a household with its members per line) "
            + "or a CSV pair (households.csv with kind=households, then persons.csv with kind=persons&job={id}); "
            + "202 with the job to follow")
    @RequestBody(content = { @Content(mediaType = ImportFormat.NDJSON_TYPE), @Content(mediaType = ImportFormat.CSV_TYPE) })
    public Response upload(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @QueryParam("kind") String kind,
            @QueryParam("job") String job, InputStream body, UriInfo uri) {
        var accepted = imports.upload(contentType, kind, job, body, caller.getName(), scope);
        var location = uri.getBaseUriBuilder().path("api/v1/imports").path(accepted.id().toString()).build();
        return Response.accepted(accepted).location(location).type(MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.KEMENSOS, Roles.DINSOS, Roles.AUDITOR })
    @Operation(summary = "An import job: status, phase, rows read and done, bad rows, rows/s and ETA")
    public ImportApi.JobView get(@PathParam("id") UUID id) {
        return visible(id).view();
    }

    @GET
    @Path("/{id}/errors")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.KEMENSOS, Roles.DINSOS, Roles.AUDITOR })
    @Operation(summary = "The bad rows of an import, by file and line, with field, code and reason (identifiers masked)")
    public ImportApi.ErrorPage errors(@PathParam("id") UUID id, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("100") int size) {
        if (page < 0 || size < 1 || size > 1000) {
            throw ProblemException.invalid("size", "page starts at 0 and size is between 1 and 1000");
        }
        visible(id);
        return jobs.errors(id, page, size);
    }

    @GET
    @Path("/{id}/errors.csv")
    @Produces("text/csv")
    @RolesAllowed({ Roles.KEMENSOS, Roles.DINSOS, Roles.AUDITOR })
    @Operation(summary = "The bad-row report of an import as CSV (identifiers masked)")
    public Response errorsCsv(@PathParam("id") UUID id) {
        visible(id);
        StreamingOutput report = out -> jobs.errorsCsv(id,
                new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16));
        return Response.ok(report, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"import-" + id + "-errors.csv\"").build();
    }

    /** The ministry and auditors see every import; a regional office sees the imports it started. */
    private ImportJobs.Job visible(UUID id) {
        var job = jobs.find(id).orElseThrow(() -> ProblemException.notFound("import", id));
        if (!scope.national() && !job.actor().equals(caller.getName())) {
            throw ProblemException.notFound("import", id);
        }
        return job;
    }
}
