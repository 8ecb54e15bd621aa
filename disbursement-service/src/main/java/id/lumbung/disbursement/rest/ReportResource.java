package id.lumbung.disbursement.rest;

import id.lumbung.disbursement.service.ReportService;
import id.lumbung.platform.problem.ProblemException;
import id.lumbung.platform.security.RegionScope;
import id.lumbung.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reports/realisation")
@Tag(name = "Reports", description = "Realisation of a plan per region: families and amounts planned, paid, failed, returned")
public class ReportResource {

    private static final String PLAN = "The plan to report on";
    private static final String REGION = "The region to report on (province, regency, district or village); the plan's "
            + "region when left out";
    private static final String LEVEL = "The level of the rows: VILLAGE (the default), DISTRICT or REGENCY, in any case; "
            + "not above the region reported on";

    private final ReportService reports;
    private final RegionScope scope;

    public ReportResource(ReportService reports, RegionScope scope) {
        this.reports = reports;
        this.scope = scope;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.AUDITOR })
    @Operation(operationId = "getRealisationReport",
            summary = "Realisation per village, district or regency (JSON, or CSV with format=csv)",
            description = "The realisation (realisasi penyaluran) of a plan in a region, one row per village, district or "
                    + "regency and a total: families and whole rupiah planned, paid, failed (per reason), still pending "
                    + "(READY or BLOCKED) and returned (retur), and the percentage of families paid. Counted by the "
                    + "database within the caller's scope: an office asking for a wider region than its own gets its own "
                    + "part of it. format=csv answers the same as text/csv (attachment realisasi-<regionCode>.csv; "
                    + "failed rupiah per reason as failed_<reason> columns, the total as the last line). Nothing is "
                    + "changed.")
    @APIResponse(responseCode = "200", description = "The realisation: JSON by default, CSV with format=csv",
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReportApi.Realisation.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
                            description = "A header line, one line per region and a TOTAL line",
                            examples = "region_code,families,planned,paid_families,paid,failed_families,failed,"
                                    + "failed_deceased,failed_moved,failed_not_collected,failed_not_found,"
                                    + "failed_unable_to_come,failed_reclassified,failed_refused,pending_families,pending,"
                                    + "returned,percent_complete\n33.20.06.1001,1250,1125000000,1200,1080000000,50,"
                                    + "45000000,2700000,8100000,25200000,4500000,2700000,1800000,0,0,0,45000000,96.0\n"
                                    + "TOTAL,1250,1125000000,1200,1080000000,50,45000000,2700000,8100000,25200000,"
                                    + "4500000,2700000,1800000,0,0,0,45000000,96.0\n")) })
    @APIResponse(responseCode = "400", description = "planId missing or not a UUID, regionCode malformed or not in the "
            + "Kemendagri list, level or format unknown, or level above the region (e.g. DISTRICT rows for a village)")
    @APIResponse(responseCode = "403", description = "The region lies outside your scope and holds no part of it, or "
            + "your role may not read reports")
    @APIResponse(responseCode = "404", description = "No plan with this id")
    public Response realisation(
            @Parameter(description = PLAN, required = true, example = PlanResource.PLAN_ID_EXAMPLE,
                    schema = @Schema(type = SchemaType.STRING, format = "uuid", pattern = Formats.UUID_TEXT, maxLength = 36))
            @QueryParam("planId") String planId,
            @Parameter(description = REGION, example = "33.20.06", schema = @Schema(type = SchemaType.STRING,
                    pattern = Formats.REGION_CODE, maxLength = Formats.REGION_CODE_MAX))
            @QueryParam("regionCode") String regionCode,
            @Parameter(description = LEVEL, example = "VILLAGE", schema = @Schema(implementation = ReportApi.Level.class,
                    defaultValue = "VILLAGE"))
            @QueryParam("level") @DefaultValue("VILLAGE") String level,
            @Parameter(description = "json (the default) or csv", example = "csv",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "json", "csv" }, defaultValue = "json"))
            @QueryParam("format") @DefaultValue("json") String format) {
        var report = reports.realisation(uuid(planId), regionCode, level(level), scope);
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "json" -> Response.ok(report, MediaType.APPLICATION_JSON).build();
            case "csv" -> Response.ok(ReportService.csv(report), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"realisasi-" + report.regionCode() + ".csv\"").build();
            default -> throw ProblemException.invalid("format", "format must be json or csv");
        };
    }

    @GET
    @Path("/chart")
    @Produces("image/png")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.AUDITOR })
    @Operation(operationId = "getRealisationChart",
            summary = "Realisation per region as a chart image (PNG): paid, failed and pending rupiah",
            description = "The realisation of a plan in a region as a 1000 × 600 PNG bar chart: per village, district or "
                    + "regency, rupiah paid (tersalur), failed (gagal) and pending (belum) stacked, in millions. Counted "
                    + "as getRealisationReport counts, within the caller's scope. Nothing is changed.")
    @APIResponse(responseCode = "200", description = "The chart as a PNG image",
            content = @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "planId missing or not a UUID, regionCode malformed or not in the "
            + "Kemendagri list, level unknown, or level above the region")
    @APIResponse(responseCode = "403", description = "The region lies outside your scope and holds no part of it, or "
            + "your role may not read reports")
    @APIResponse(responseCode = "404", description = "No plan with this id")
    public Response chart(
            @Parameter(description = PLAN, required = true, example = PlanResource.PLAN_ID_EXAMPLE,
                    schema = @Schema(type = SchemaType.STRING, format = "uuid", pattern = Formats.UUID_TEXT, maxLength = 36))
            @QueryParam("planId") String planId,
            @Parameter(description = REGION, example = "33.20.06", schema = @Schema(type = SchemaType.STRING,
                    pattern = Formats.REGION_CODE, maxLength = Formats.REGION_CODE_MAX))
            @QueryParam("regionCode") String regionCode,
            @Parameter(description = LEVEL, example = "VILLAGE", schema = @Schema(implementation = ReportApi.Level.class,
                    defaultValue = "VILLAGE"))
            @QueryParam("level") @DefaultValue("VILLAGE") String level) {
        var report = reports.realisation(uuid(planId), regionCode, level(level), scope);
        return Response.ok(ReportService.chart(report), "image/png").build();
    }

    private static UUID uuid(String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid("planId", "planId is required");
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("planId", "planId must be a UUID");
        }
    }

    private static ReportApi.Level level(String value) {
        try {
            return ReportApi.Level.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("level", "level must be one of " + Arrays.toString(ReportApi.Level.values()));
        }
    }
}
