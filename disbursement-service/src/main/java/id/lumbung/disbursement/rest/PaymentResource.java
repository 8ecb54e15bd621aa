package id.lumbung.disbursement.rest;

import id.lumbung.disbursement.service.PaymentService;
import id.lumbung.platform.problem.ProblemException;
import id.lumbung.platform.security.RegionScope;
import id.lumbung.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/payments")
@Tag(name = "Payments", description = "Payments recorded at the counter, never twice for one order")
public class PaymentResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final PaymentService payments;
    private final RegionScope scope;
    private final JsonWebToken caller;

    public PaymentResource(PaymentService payments, RegionScope scope, JsonWebToken caller) {
        this.payments = payments;
        this.scope = scope;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.PETUGAS_BAYAR)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordPayment",
            summary = "Record a payment to the recipient or a kuasa from the same KK; publishes disbursement.payments.v1",
            description = "The pay officer (petugas bayar) records the handing over of an order's money at the counter "
                    + "(penyerahan bantuan): the order, named by its id or by the invitation code scanned from the "
                    + "undangan; the presenter, the recipient by NIK or a kuasa from the same KK who shows the KK; the "
                    + "pay point, which must be registered and serve the family's village; the photo's geotag and the "
                    + "SHA-256 of the proof photo. Exactly one payment per order: the order's row is locked, a paid, "
                    + "blocked or failed order is refused, and the database holds one payment per order. Idempotent by "
                    + "the Idempotency-Key header: a retry with the same key and the same body answers 200 with the same "
                    + "payment and the header Idempotent-Replayed: true; the same key with another body is refused. The "
                    + "amount is the plan's, never the counter's. Publishes "
                    + "id.lumbung.disbursement.payment.recorded on disbursement.payments.v1 and writes the payment to "
                    + "the audit log. The family's village must lie within the officer's scope.")
    @APIResponse(responseCode = "201", description = "Payment recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PaymentApi.PaymentView.class)))
    @APIResponse(responseCode = "200", description = "The same request seen before under this Idempotency-Key: the "
            + "payment it recorded, byte for byte, with the header Idempotent-Replayed: true",
            headers = @Header(name = "Idempotent-Replayed", description = "true: this answer repeats an earlier one",
                    schema = @Schema(type = SchemaType.STRING, enumeration = "true")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PaymentApi.PaymentView.class)))
    @APIResponse(responseCode = "400", description = "The Idempotency-Key header is missing or not 1 to 200 visible ASCII "
            + "characters; neither orderId nor invitationCode is given; the invitation code cannot be a code (26 "
            + "characters A-Z, 2-7); a kuasa without noKk; or a field missing, malformed or out of bounds")
    @APIResponse(responseCode = "403", description = "The family's village lies outside your scope, or your role is not "
            + "petugas-bayar")
    @APIResponse(responseCode = "404", description = "No order with this orderId")
    @APIResponse(responseCode = "409", description = "The order cannot be paid: already paid (already-paid, with "
            + "paymentId, paidAt and payPointCode), blocked by a death or move (order-blocked, with reason and "
            + "blockedAt), or failed when collection closed (order-not-payable); or a concurrent request paid it first "
            + "(conflict)")
    @APIResponse(responseCode = "422", description = "A rule refuses the payment: the Idempotency-Key was used for a "
            + "different request (idempotency-key-reused); the invitation code was never issued (invitation-unknown) or "
            + "belongs to another order than orderId (invitation-mismatch); the pay point is not registered "
            + "(unknown-pay-point) or does not serve the family's village (pay-point-outside-region); amount differs "
            + "from the order's (amount-mismatch, with orderAmount); or the presenter may not collect (presenter-refused, "
            + "reason NOT_RECIPIENT, KK_REQUIRED, KK_MISMATCH, NOT_A_MEMBER or MEMBER_DEPARTED)")
    public Response record(
            @Parameter(description = "A key the client makes once per payment attempt (e.g. a UUID) and repeats on "
                    + "retry: 1 to 200 visible ASCII characters", required = true,
                    example = "6f1c2a7e-3b9d-4f0a-8e21-5c7d9b0a4e13",
                    schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 200, pattern = "^[\\x21-\\x7E]+$"))
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            @Valid @NotNull PaymentApi.RecordPayment request) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw ProblemException.invalid(IDEMPOTENCY_KEY, "the Idempotency-Key header is required to record a payment");
        }
        if (idempotencyKey.length() > 200 || !idempotencyKey.matches("[\\x21-\\x7E]+")) {
            throw ProblemException.invalid(IDEMPOTENCY_KEY, "the Idempotency-Key must be 1 to 200 visible ASCII characters");
        }
        var recorded = payments.record(request, idempotencyKey, caller.getSubject(), scope);
        var response = Response.status(recorded.status()).type(MediaType.APPLICATION_JSON).entity(recorded.body());
        if (recorded.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }
}
