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
    @Operation(summary = "A household's determinations per program and period, with reasons in Indonesian and English")
    public DeterminationApi.HouseholdDeterminations ofHousehold(
            @QueryParam("householdId") @NotNull @Pattern(regexp = UUID_PATTERN, message = "must be a household UUID") String householdId,
            @QueryParam("programCode") @Pattern(regexp = ProgramResource.CODE, message = "must be a program code like BLTS_KESRA_2025") String programCode,
            @QueryParam("period") @Pattern(regexp = Quarter.PATTERN, message = Quarter.MESSAGE) String period) {
        return determinations.ofHousehold(UUID.fromString(householdId), programCode, period, scope);
    }
}
