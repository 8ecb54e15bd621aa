package id.lumbung.registry.imports;

import id.lumbung.platform.problem.ProblemException;
import id.lumbung.platform.security.RegionScope;
import id.lumbung.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/imports")
@Tag(name = "Imports", description = "Bulk import of a DTSEN extract as an asynchronous job")
public class ImportResource {

    static final String IMPORT_ID = "Import id, as uploadImport answered it";
    static final String IMPORT_ID_EXAMPLE = "9e3b1f6a-2c4d-4a8e-b7f0-6d5c4b3a2918";

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
    @Operation(operationId = "uploadImport", summary = "Upload a DTSEN extract as an import job",
            description = "Starts a bulk import of a DTSEN extract: NDJSON (kind=households, one household with its "
                    + "members per line, in the shape of registerHousehold) or a CSV pair (households.csv with "
                    + "kind=households, then persons.csv with kind=persons&job={id} of the job the first file started). The "
                    + "body streams into the database while it arrives; the answer is 202 with the job, to be followed with "
                    + "getImport. Checking and merging run in the background: good rows go in, bad rows are reported "
                    + "(listImportErrors); each household that changed gets one new version, one change-history row and one "
                    + "registry.households.v1 event. The ministry imports anywhere; Dinsos imports for its regency (rows "
                    + "elsewhere become bad rows OUT_OF_SCOPE, a file with none of its own is refused).")
    @RequestBody(required = true, description = "The extract: UTF-8 NDJSON, or CSV with a header line (RFC 4180 quoting, "
            + "columns in any order)",
            content = { @Content(mediaType = ImportFormat.NDJSON_TYPE, schema = @Schema(type = SchemaType.STRING,
                    format = "binary")),
                    @Content(mediaType = ImportFormat.CSV_TYPE, schema = @Schema(type = SchemaType.STRING,
                            format = "binary")) })
    @APIResponse(responseCode = "202", description = "Accepted: the job, its address in Location",
            headers = @Header(name = "Location", description = "Address of the import job",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportApi.JobView.class)))
    @APIResponse(responseCode = "400", description = "Not NDJSON or CSV, a kind that does not fit the content type, a job "
            + "given without kind=persons (or missing with it), an empty file or one without its required columns, or an "
            + "upload that broke off")
    @APIResponse(responseCode = "403", description = "No household of the file lies in the caller's regions, or the job "
            + "named for persons.csv was started by someone else")
    @APIResponse(responseCode = "404", description = "kind=persons names no import job")
    @APIResponse(responseCode = "409", description = "The job named is not waiting for persons.csv")
    public Response upload(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = "What the file holds: households (NDJSON, or the first CSV file) or persons (the "
                    + "second CSV file); any case", example = "households")
            @QueryParam("kind") @Size(max = 20) String kind,
            @Parameter(description = "With kind=persons: the id of the import job households.csv started",
                    example = "9e3b1f6a-2c4d-4a8e-b7f0-6d5c4b3a2918")
            @QueryParam("job") @Size(max = 40) String job, InputStream body, UriInfo uri) {
        var accepted = imports.upload(contentType, kind, job, body, caller.getName(), scope);
        var location = uri.getBaseUriBuilder().path("api/v1/imports").path(accepted.id().toString()).build();
        return Response.accepted(accepted).location(location).type(MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.KEMENSOS, Roles.DINSOS, Roles.AUDITOR })
    @Operation(operationId = "getImport", summary = "Follow an import job",
            description = "Where an import stands: status, phase, lines read and done, bad lines, lines per second and the "
                    + "time left, and the households it created and changed. The ministry and auditors see every import, a "
                    + "regional office the imports it started.")
    @APIResponse(responseCode = "200", description = "The import job")
    @APIResponse(responseCode = "404", description = "No import with this id that the caller may see")
    public ImportApi.JobView get(@Parameter(description = IMPORT_ID, example = IMPORT_ID_EXAMPLE) @PathParam("id") UUID id) {
        return visible(id).view();
    }

    @GET
    @Path("/{id}/errors")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.KEMENSOS, Roles.DINSOS, Roles.AUDITOR })
    @Operation(operationId = "listImportErrors", summary = "The refused lines of an import",
            description = "The bad-row report of an import, a page at a time, by file and line: the field, a stable code "
                    + "and the reason for each rule a line breaks (NIK and No. KK masked). A line may appear once per rule.")
    @APIResponse(responseCode = "200", description = "A page of refused lines")
    @APIResponse(responseCode = "400", description = "An id that is not a UUID, or page or size out of range or not a whole "
            + "number")
    @APIResponse(responseCode = "404", description = "No import with this id that the caller may see")
    public ImportApi.ErrorPage errors(@Parameter(description = IMPORT_ID, example = IMPORT_ID_EXAMPLE) @PathParam("id") UUID id,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
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
    @Operation(operationId = "downloadImportErrors", summary = "The refused lines of an import as a CSV file",
            description = "The whole bad-row report as one CSV download (file, line, field, code, reason, value; NIK and "
                    + "No. KK masked), for a spreadsheet.")
    @APIResponse(responseCode = "200", description = "The report, as an attachment import-{id}-errors.csv",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"import-{id}-errors.csv\"",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
                    description = "CSV with the header line file,line,field,code,reason,value",
                    examples = "file,line,field,code,reason,value\n\"persons.csv\",1043,\"nik\",\"NIK_MISMATCH\",\"NIK does "
                            + "not encode the declared sex and birth date\",\"332004**********\"\n")))
    @APIResponse(responseCode = "404", description = "No import with this id that the caller may see")
    public Response errorsCsv(@Parameter(description = IMPORT_ID, example = IMPORT_ID_EXAMPLE) @PathParam("id") UUID id) {
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
