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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Operation(operationId = "getAidExplanation", summary = "Explain why a household does or does not receive each program",
            description = """
                    "Kenapa saya tidak menerima bantuan?" (why don't I receive aid?): for each program eligibility has \
                    determined the household for, its latest determination in plain Indonesian: whether the family \
                    receives the program and, if not, each cause (sebab) with the way out (solusi): update the family's \
                    data through the village, correct population data at Dukcapil, wait for the next period or ask the \
                    social office. For operators answering a citizen at the counter, by phone or in an aduan; the \
                    household's village must lie within the caller's regions. Built from the determinations eligibility \
                    publishes on eligibility.determinations.v1. Every read is written to the audit log.""")
    @APIResponse(responseCode = "200", description = "The explanation, per program",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ExplanationApi.Explanation.class)))
    @APIResponse(responseCode = "403", description = "The caller's role may not read explanations, or the household's "
            + "village lies outside the caller's regions")
    @APIResponse(responseCode = "404", description = "Eligibility has not determined this household for any program yet "
            + "(or no household has this id)")
    public ExplanationApi.Explanation explain(
            @Parameter(description = "The household (keluarga) id in the registry", example = "8d1c5e0e-6a53-4a8e-9b51-3d2c7f1a0b11")
            @PathParam("householdId") UUID householdId) {
        return explanations.forOperator(householdId, scope);
    }
}
