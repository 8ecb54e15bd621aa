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

    public ProgramResource(ProgramService programs) {
        this.programs = programs;
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
}
