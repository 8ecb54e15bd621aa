package id.lumbung.eligibility.rest;

import id.lumbung.eligibility.service.ProgramService;
import id.lumbung.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/programs")
@Tag(name = "Programs", description = "Bansos programs and their versioned rules (desil band, exclusions, conditions, amounts)")
@RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.PETUGAS_BAYAR, Roles.INTEGRATOR, Roles.AUDITOR })
public class ProgramResource {

    static final String CODE = "[A-Z][A-Z0-9_]{1,39}";
    static final String CODE_MESSAGE = "must be a program code like BLTS_KESRA_2025";
    /**
     * A what-if's region level, in any letter case, as a plain pattern: an inline {@code (?i)} flag is Java's own
     * and no ECMA-262 regex, which is what the OpenAPI document's patterns are.
     */
    static final String LEVEL = "[Pp][Rr][Oo][Vv][Ii][Nn][Cc][Ee]|[Rr][Ee][Gg][Ee][Nn][Cc][Yy]"
            + "|[Dd][Ii][Ss][Tt][Rr][Ii][Cc][Tt]|[Vv][Ii][Ll][Ll][Aa][Gg][Ee]";
    private static final String CODE_DESCRIPTION = "Program code";
    private static final String VERSION_DESCRIPTION = "Number of the program's rule version, counted from 1 per program";

    private final ProgramService programs;
    private final id.lumbung.eligibility.service.RuleVersions ruleVersions;
    private final org.eclipse.microprofile.jwt.JsonWebToken caller;

    public ProgramResource(ProgramService programs, id.lumbung.eligibility.service.RuleVersions ruleVersions,
            org.eclipse.microprofile.jwt.JsonWebToken caller) {
        this.programs = programs;
        this.ruleVersions = ruleVersions;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listPrograms", summary = "List the programs with their published rule versions",
            description = "Every bansos program (PKH, Sembako, PBI-JKN, BLT Dana Desa, BLT Kemiskinan Daerah, BLTS "
                    + "Kesra, ...) by code, each with the rule versions currently published: national and regional "
                    + "variants (regionPrefix) per quarter and what each pays a family. Drafts are left out; read one "
                    + "program for them. Any Lumbung role may read it; nothing is changed or audited.")
    @APIResponse(responseCode = "200", description = "The programs, by code",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ProgramApi.ProgramSummary.class)))
    public List<ProgramApi.ProgramSummary> list() {
        return programs.list();
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getProgram", summary = "Get a program with all its rule versions",
            description = "One bansos program with every rule version (aturan): drafts and published ones, national "
                    + "and regional variants, with their rules (desil band, exclusions, required conditions, programs "
                    + "not to be combined with), amounts and who drafted and published them. Any Lumbung role may read "
                    + "it; nothing is changed or audited.")
    @APIResponse(responseCode = "200", description = "The program with its rule versions",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProgramApi.ProgramView.class)))
    @APIResponse(responseCode = "404", description = "No program with this code")
    public ProgramApi.ProgramView get(
            @Parameter(description = CODE_DESCRIPTION, example = "SEMBAKO")
            @PathParam("code") @Pattern(regexp = CODE, message = CODE_MESSAGE) String code) {
        return programs.find(code);
    }

    @jakarta.ws.rs.POST
    @Path("/{code}/rule-versions")
    @RolesAllowed(Roles.KEMENSOS)
    @Operation(operationId = "draftRuleVersion", summary = "Draft a new rule version of a program",
            description = "The ministry (Kemensos) drafts a new rule version of a program for a quarter, nationally or "
                    + "for a region (regionPrefix), with its rules and amounts. The rules are checked as the evaluator "
                    + "and the batch determination read them: known rule keys, employment facts and conditions, a desil "
                    + "band within 1-10. The draft gets the program's next version number and decides nothing until it "
                    + "is published; try it first with the what-if. Not idempotent: every call drafts a new version.")
    @APIResponse(responseCode = "201", description = "The drafted rule version; Location names it",
            headers = @Header(name = "Location", description = "Address of the new rule version",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProgramApi.RuleVersionView.class)))
    @APIResponse(responseCode = "400", description = "The request breaks a bound, names a region that does not exist, "
            + "an unknown rule key, employment fact or condition, or rules the evaluator cannot read")
    @APIResponse(responseCode = "404", description = "No program with this code")
    public jakarta.ws.rs.core.Response draft(
            @Parameter(description = CODE_DESCRIPTION, example = "SEMBAKO")
            @PathParam("code") @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @jakarta.validation.constraints.NotNull @jakarta.validation.Valid ProgramApi.RuleVersionRequest request,
            @jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) {
        var version = ruleVersions.draft(code, request, caller.getName());
        return jakarta.ws.rs.core.Response.created(uri.getAbsolutePathBuilder().path(Integer.toString(version.version())).build())
                .entity(version).build();
    }

    @jakarta.ws.rs.POST
    @Path("/{code}/rule-versions/{version}/what-if")
    @RolesAllowed(Roles.KEMENSOS)
    @Operation(operationId = "simulateRuleVersion", summary = "Try a draft rule version on the current data (what-if)",
            description = "Before publishing, the ministry (Kemensos) sees per region (regency by default) how many "
                    + "households are eligible under the published rules of the draft's program period, how many would "
                    + "be with the draft added, and how many the draft would gain and lose, on the current household "
                    + "projection. Writes nothing, publishes nothing and may be repeated at will; the answer changes only "
                    + "with the data.")
    @APIResponse(responseCode = "200", description = "Households gained and lost per region",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProgramApi.WhatIfReport.class)))
    @APIResponse(responseCode = "400", description = "The program code or version is malformed, or level is not PROVINCE, "
            + "REGENCY, DISTRICT or VILLAGE")
    @APIResponse(responseCode = "404", description = "No program with this code, or no rule version of it with this number")
    @APIResponse(responseCode = "409", description = "The rule version is published already: only a draft is tried")
    public ProgramApi.WhatIfReport whatIf(
            @Parameter(description = CODE_DESCRIPTION, example = "SEMBAKO")
            @PathParam("code") @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @Parameter(description = VERSION_DESCRIPTION, example = "3")
            @PathParam("version") @jakarta.validation.constraints.Min(1) int version,
            @Parameter(description = "The region level households are counted at: PROVINCE, REGENCY (when left out), "
                    + "DISTRICT or VILLAGE, in any letter case", example = "DISTRICT")
            @jakarta.ws.rs.QueryParam("level") @Pattern(regexp = LEVEL,
                    message = "must be PROVINCE, REGENCY, DISTRICT or VILLAGE") String level) {
        return ruleVersions.whatIf(code, version, level);
    }

    @jakarta.ws.rs.POST
    @Path("/{code}/rule-versions/{version}/publish")
    @RolesAllowed(Roles.KEMENSOS)
    @Operation(operationId = "publishRuleVersion", summary = "Publish a draft rule version",
            description = "The ministry (Kemensos) publishes a draft rule version: from now on it decides the program "
                    + "period in its region (the most specific regional variant, then the highest version, applies) for "
                    + "every household the "
                    + "registry changes, and a determination run applies it to every household at once. A published "
                    + "version is never edited again; earlier versions stay readable. Publishing the same version twice "
                    + "is refused.")
    @APIResponse(responseCode = "200", description = "The published rule version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProgramApi.RuleVersionView.class)))
    @APIResponse(responseCode = "404", description = "No program with this code, or no rule version of it with this number")
    @APIResponse(responseCode = "409", description = "The rule version is published already")
    public ProgramApi.RuleVersionView publish(
            @Parameter(description = CODE_DESCRIPTION, example = "SEMBAKO")
            @PathParam("code") @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @Parameter(description = VERSION_DESCRIPTION, example = "3")
            @PathParam("version") @jakarta.validation.constraints.Min(1) int version) {
        return ruleVersions.publish(code, version, caller.getName());
    }
}
