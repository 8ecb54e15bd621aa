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
    @Operation(summary = "Record a payment to the recipient or a kuasa from the same KK; publishes disbursement.payments.v1",
            description = "Retrying with the same Idempotency-Key returns the same payment (200); the same key with "
                    + "another body is refused (422); a paid or blocked order is refused (409).")
    @APIResponse(responseCode = "201", description = "Payment recorded",
            content = @Content(schema = @Schema(implementation = PaymentApi.PaymentView.class)))
    @APIResponse(responseCode = "200", description = "The same request seen before: the payment it recorded",
            content = @Content(schema = @Schema(implementation = PaymentApi.PaymentView.class)))
    public Response record(
            @Parameter(description = "A key the client makes once per payment attempt (e.g. a UUID) and repeats on retry",
                    required = true, schema = @Schema(type = SchemaType.STRING, maxLength = 200))
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
