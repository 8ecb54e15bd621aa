package id.lumbung.complaint.rest;

import id.lumbung.complaint.service.ExplanationService;
import id.lumbung.platform.security.RegionScope;
import id.lumbung.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/explanations")
@Tag(name = "Explanations", description = "\"Kenapa saya tidak menerima bantuan?\" from eligibility's determinations")
public class ExplanationResource {

    private final ExplanationService explanations;
    private final RegionScope scope;

    public ExplanationResource(ExplanationService explanations, RegionScope scope) {
        this.explanations = explanations;
        this.scope = scope;
    }

    @GET
    @Path("/{householdId}")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.AUDITOR })
    @Operation(summary = "Why a household does or does not receive each program, in plain Indonesian, with the way to fix it")
    public ExplanationApi.Explanation explain(@PathParam("householdId") UUID householdId) {
        return explanations.forOperator(householdId, scope);
    }
}
