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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reports/realisation")
@Tag(name = "Reports", description = "Realisation of a plan per region: families and amounts planned, paid, failed, returned")
public class ReportResource {

    private final ReportService reports;
    private final RegionScope scope;

    public ReportResource(ReportService reports, RegionScope scope) {
        this.reports = reports;
        this.scope = scope;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.AUDITOR })
    @Operation(summary = "Realisation per village, district or regency (JSON, or CSV with format=csv)")
    public Response realisation(@QueryParam("planId") String planId, @QueryParam("regionCode") String regionCode,
            @QueryParam("level") @DefaultValue("VILLAGE") String level, @QueryParam("format") @DefaultValue("json") String format) {
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
    @Operation(summary = "Realisation per region as a chart image (PNG): paid, failed and pending rupiah")
    public Response chart(@QueryParam("planId") String planId, @QueryParam("regionCode") String regionCode,
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
