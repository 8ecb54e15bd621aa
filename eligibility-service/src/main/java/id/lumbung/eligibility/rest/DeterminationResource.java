package id.lumbung.eligibility.rest;

import id.lumbung.eligibility.service.DeterminationQueries;
import id.lumbung.platform.id.Quarter;
import id.lumbung.platform.security.RegionScope;
import id.lumbung.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/determinations")
@Tag(name = "Determinations", description = "Who is eligible for which program and period, and every reason why not")
public class DeterminationResource {

    static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private final DeterminationQueries determinations;
    private final RegionScope scope;

    public DeterminationResource(DeterminationQueries determinations, RegionScope scope) {
        this.determinations = determinations;
        this.scope = scope;
    }

    @GET
    @RolesAllowed({ Roles.DINSOS, Roles.KEMENSOS, Roles.OPERATOR_DESA, Roles.AUDITOR, Roles.INTEGRATOR })
    @Operation(operationId = "getHouseholdDeterminations", summary = "Get a household's determinations",
            description = "Whether a household (keluarga, by its registry id) is eligible for each program and period "
                    + "(penentuan kelayakan), by which rule version and on which registry version of the household, "
                    + "with every reason why not in Indonesian and English; optionally for one program or one quarter "
                    + "only. Village operators, Dinas Sosial and integrators read the households of the regions their "
                    + "token names, the ministry and auditors any. Every read is recorded in the audit log.")
    @APIResponse(responseCode = "200", description = "The household with its determinations, by period and program",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = DeterminationApi.HouseholdDeterminations.class)))
    @APIResponse(responseCode = "403", description = "The role may not read determinations, or the household lies outside "
            + "the caller's regions")
    @APIResponse(responseCode = "404", description = "No household with this id in the eligibility service's projection "
            + "of the registry")
    public DeterminationApi.HouseholdDeterminations ofHousehold(
            @Parameter(description = "The household's registry id", required = true,
                    example = "0b9f3c1e-52a4-4c83-9d0e-6f1a2b3c4d5e")
            @QueryParam("householdId") @NotNull @Pattern(regexp = UUID_PATTERN, message = "must be a household UUID") String householdId,
            @Parameter(description = "Only this program's determinations", example = "BLTS_KESRA_2025")
            @QueryParam("programCode") @Pattern(regexp = ProgramResource.CODE, message = ProgramResource.CODE_MESSAGE) String programCode,
            @Parameter(description = "Only this quarter's determinations", example = "2025-Q4")
            @QueryParam("period") @Pattern(regexp = Quarter.PATTERN, message = Quarter.MESSAGE) String period) {
        return determinations.ofHousehold(UUID.fromString(householdId), programCode, period, scope);
    }
}
