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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/invitations")
@Tag(name = "Invitations", description = "Undangan: date, time, place, documents and the code the counter scans")
public class InvitationResource {

    private final InvitationService invitations;
    private final RegionScope scope;

    public InvitationResource(InvitationService invitations, RegionScope scope) {
        this.invitations = invitations;
        this.scope = scope;
    }

    @GET
    @Produces("application/pdf")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.PETUGAS_BAYAR })
    @Operation(summary = "Print a village's invitations: one page per family with its QR code (audited)")
    public Response village(@QueryParam("planId") String planId, @QueryParam("villageCode") String villageCode) {
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
    @Operation(summary = "An order's invitation (issued on first request); name and NIK masked")
    public InvitationApi.Invitation one(@PathParam("orderId") String orderId) {
        return invitations.one(uuid("orderId", orderId), scope).invitation();
    }

    @GET
    @Path("/{orderId}/qr")
    @Produces("image/png")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.PETUGAS_BAYAR })
    @Operation(summary = "An order's invitation code as a QR code (PNG)")
    public Response qr(@PathParam("orderId") String orderId) {
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
