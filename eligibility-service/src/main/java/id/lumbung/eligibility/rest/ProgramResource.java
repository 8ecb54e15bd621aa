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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/programs")
@Tag(name = "Programs", description = "Bansos programs and their versioned rules (desil band, exclusions, conditions, amounts)")
@RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.PETUGAS_BAYAR, Roles.INTEGRATOR, Roles.AUDITOR })
public class ProgramResource {

    static final String CODE = "[A-Z][A-Z0-9_]{1,39}";

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
    @Operation(summary = "Every program with the rule versions currently published")
    public List<ProgramApi.ProgramSummary> list() {
        return programs.list();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "A program with all its rule versions, drafts and regional variants included")
    public ProgramApi.ProgramView get(
            @PathParam("code") @Pattern(regexp = CODE, message = "must be a program code like BLTS_KESRA_2025") String code) {
        return programs.find(code);
    }

    @jakarta.ws.rs.POST
    @Path("/{code}/rule-versions")
    @RolesAllowed(Roles.KEMENSOS)
    @Operation(summary = "Draft a new rule version (validated as the evaluator reads it); it decides nothing until published")
    public jakarta.ws.rs.core.Response draft(
            @PathParam("code") @Pattern(regexp = CODE, message = "must be a program code like BLTS_KESRA_2025") String code,
            @jakarta.validation.constraints.NotNull @jakarta.validation.Valid ProgramApi.RuleVersionRequest request,
            @jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) {
        var version = ruleVersions.draft(code, request, caller.getName());
        return jakarta.ws.rs.core.Response.created(uri.getAbsolutePathBuilder().path(Integer.toString(version.version())).build())
                .entity(version).build();
    }

    @jakarta.ws.rs.POST
    @Path("/{code}/rule-versions/{version}/what-if")
    @RolesAllowed(Roles.KEMENSOS)
    @Operation(summary = "Per region (regency by default), how many households a draft would make eligible or not, "
            + "against the published rules, on the current data; writes nothing")
    public ProgramApi.WhatIfReport whatIf(
            @PathParam("code") @Pattern(regexp = CODE, message = "must be a program code like BLTS_KESRA_2025") String code,
            @PathParam("version") @jakarta.validation.constraints.Min(1) int version,
            @jakarta.ws.rs.QueryParam("level") @Pattern(regexp = "(?i)PROVINCE|REGENCY|DISTRICT|VILLAGE",
                    message = "must be PROVINCE, REGENCY, DISTRICT or VILLAGE") String level) {
        return ruleVersions.whatIf(code, version, level);
    }

    @jakarta.ws.rs.POST
    @Path("/{code}/rule-versions/{version}/publish")
    @RolesAllowed(Roles.KEMENSOS)
    @Operation(summary = "Publish a draft rule version; earlier versions stay readable, a determination run applies it")
    public ProgramApi.RuleVersionView publish(
            @PathParam("code") @Pattern(regexp = CODE, message = "must be a program code like BLTS_KESRA_2025") String code,
            @PathParam("version") @jakarta.validation.constraints.Min(1) int version) {
        return ruleVersions.publish(code, version, caller.getName());
    }
}
