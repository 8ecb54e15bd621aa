package id.lumbung.disbursement.rest;

import id.lumbung.disbursement.service.InvitationPrinter;
import id.lumbung.disbursement.service.InvitationService;
import id.lumbung.platform.problem.ProblemException;
import id.lumbung.platform.security.RegionScope;
import id.lumbung.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/invitations")
@Tag(name = "Invitations", description = "Undangan: date, time, place, documents and the code the counter scans")
public class InvitationResource {

    private static final String ORDER_ID = "The payment order's id";
    private static final String ORDER_ID_EXAMPLE = "d6094ce7-97fd-4ecd-8b97-6f082d9934f0";

    private final InvitationService invitations;
    private final RegionScope scope;

    public InvitationResource(InvitationService invitations, RegionScope scope) {
        this.invitations = invitations;
        this.scope = scope;
    }

    @GET
    @Produces("application/pdf")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.PETUGAS_BAYAR })
    @Operation(operationId = "printVillageInvitations",
            summary = "Print a village's invitations: one page per family with its QR code (audited)",
            description = "The invitations (undangan) of a village's READY orders that have a place in the schedule, as "
                    + "one PDF with an A5 page per family in the order families are invited: date, hour, pay point, "
                    + "amount, what to bring, the invitation code and its QR code. Orders without an invitation code get "
                    + "one now (a code never changes once issued; regenerating the schedule changes the date and place "
                    + "printed, not the code). The printed pages carry the recipient's full name; the export is written "
                    + "to the audit log. The village must lie within the caller's scope.")
    @APIResponse(responseCode = "200", description = "The invitations as a PDF (inline, file name "
            + "undangan-<villageCode>.pdf)",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "planId or villageCode missing or malformed, or villageCode not a "
            + "village (desa/kelurahan) of the Kemendagri list")
    @APIResponse(responseCode = "403", description = "The village lies outside your scope, or your role may not print "
            + "invitations")
    @APIResponse(responseCode = "404", description = "No plan with this id, or the village has no READY scheduled orders "
            + "in it (no-invitations)")
    public Response village(
            @Parameter(description = "The plan whose invitations to print", required = true,
                    example = PlanResource.PLAN_ID_EXAMPLE, schema = @Schema(type = SchemaType.STRING, format = "uuid",
                            pattern = Formats.UUID_TEXT, maxLength = 36))
            @QueryParam("planId") String planId,
            @Parameter(description = "The village (desa/kelurahan) whose invitations to print", required = true,
                    example = "33.20.06.1001", schema = @Schema(type = SchemaType.STRING, pattern = Formats.REGION_CODE,
                            maxLength = Formats.REGION_CODE_MAX))
            @QueryParam("villageCode") String villageCode) {
        if (villageCode == null || villageCode.isBlank()) {
            throw ProblemException.invalid("villageCode", "villageCode is required");
        }
        var printed = InvitationPrinter.pdf(invitations.village(uuid("planId", planId), villageCode, scope));
        return Response.ok(printed, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"undangan-" + villageCode.strip() + ".pdf\"").build();
    }

    @GET
    @Path("/{orderId}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.PETUGAS_BAYAR })
    @Operation(operationId = "getInvitation", summary = "An order's invitation (issued on first request); name and NIK masked",
            description = "The invitation (undangan) of one scheduled order: date, hour and pay point, amount, what to "
                    + "bring and the invitation code the counter scans. The code is issued on the first request and never "
                    + "changes. Name and NIK masked; the read is written to the audit log. The family's village must lie "
                    + "within the caller's scope.")
    @APIResponse(responseCode = "200", description = "The invitation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InvitationApi.Invitation.class)))
    @APIResponse(responseCode = "400", description = "orderId is not a UUID")
    @APIResponse(responseCode = "403", description = "The family's village lies outside your scope, or your role may not "
            + "read invitations")
    @APIResponse(responseCode = "404", description = "No order with this id")
    @APIResponse(responseCode = "409", description = "The order has no pay point and day yet (not-scheduled): generate "
            + "the plan's schedule first")
    public InvitationApi.Invitation one(@Parameter(description = ORDER_ID, example = ORDER_ID_EXAMPLE,
            schema = @Schema(type = SchemaType.STRING, format = "uuid", pattern = Formats.UUID_TEXT, maxLength = 36))
            @PathParam("orderId") String orderId) {
        return invitations.one(uuid("orderId", orderId), scope).invitation();
    }

    @GET
    @Path("/{orderId}/qr")
    @Produces("image/png")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.PETUGAS_BAYAR })
    @Operation(operationId = "getInvitationQrCode", summary = "An order's invitation code as a QR code (PNG)",
            description = "The QR code of an order's invitation code as a 300 × 300 PNG image, for reprinting one "
                    + "undangan or showing it on a phone; the counter scans it to find the order. The code is issued on "
                    + "the first request and never changes; the read is written to the audit log. The family's village "
                    + "must lie within the caller's scope.")
    @APIResponse(responseCode = "200", description = "The QR code as a PNG image",
            content = @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "orderId is not a UUID")
    @APIResponse(responseCode = "403", description = "The family's village lies outside your scope, or your role may not "
            + "read invitations")
    @APIResponse(responseCode = "404", description = "No order with this id")
    @APIResponse(responseCode = "409", description = "The order has no pay point and day yet (not-scheduled): generate "
            + "the plan's schedule first")
    public Response qr(@Parameter(description = ORDER_ID, example = ORDER_ID_EXAMPLE,
            schema = @Schema(type = SchemaType.STRING, format = "uuid", pattern = Formats.UUID_TEXT, maxLength = 36))
            @PathParam("orderId") String orderId) {
        var invitation = invitations.one(uuid("orderId", orderId), scope).invitation();
        return Response.ok(InvitationPrinter.qrPng(invitation.code(), 300), "image/png").build();
    }

    private static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(field, field + " is required");
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, field + " must be a UUID");
        }
    }
}
