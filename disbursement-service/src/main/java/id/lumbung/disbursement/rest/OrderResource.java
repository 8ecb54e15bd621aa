package id.lumbung.disbursement.rest;

import id.lumbung.disbursement.domain.OrderStatus;
import id.lumbung.disbursement.service.OrderService;
import id.lumbung.platform.problem.ProblemException;
import id.lumbung.platform.security.RegionScope;
import id.lumbung.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/orders")
@Tag(name = "Orders", description = "Payment orders: one per family per plan")
public class OrderResource {

    private final OrderService orders;
    private final RegionScope scope;

    public OrderResource(OrderService orders, RegionScope scope) {
        this.orders = orders;
        this.scope = scope;
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.PETUGAS_BAYAR, Roles.AUDITOR })
    @Operation(operationId = "listOrders",
            summary = "Orders in your scope, by plan, village and status; NIKs, KK numbers and names masked",
            description = "Payment orders (perintah bayar), one per family per plan, whose village lies in the caller's "
                    + "scope, optionally of one plan, one village and one status, ordered by village. NIKs, KK numbers "
                    + "and names are masked; the search is written to the audit log.")
    @APIResponse(responseCode = "200", description = "A page of orders")
    @APIResponse(responseCode = "400", description = "planId is not a UUID, villageCode is malformed, status is not an "
            + "order status, or page or size is not a whole number or out of range")
    @APIResponse(responseCode = "403", description = "villageCode lies outside your scope, or your role may not read "
            + "orders")
    public OrderApi.OrderPage list(
            @Parameter(description = "Only orders of this plan", example = PlanResource.PLAN_ID_EXAMPLE,
                    schema = @Schema(type = SchemaType.STRING, format = "uuid", pattern = Formats.UUID_TEXT, maxLength = 36))
            @QueryParam("planId") String planId,
            @Parameter(description = "Only orders of families in this village (desa/kelurahan)", example = "33.20.06.1001",
                    schema = @Schema(type = SchemaType.STRING, pattern = Formats.REGION_CODE,
                            maxLength = Formats.REGION_CODE_MAX))
            @QueryParam("villageCode") String villageCode,
            @Parameter(description = "Only orders in this status", example = "READY",
                    schema = @Schema(implementation = OrderStatus.class))
            @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(PlanResource.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return orders.list(uuid(planId), villageCode, status(status), scope, page, size);
    }

    private static UUID uuid(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("planId", "planId must be a UUID");
        }
    }

    private static OrderStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OrderStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "status must be one of " + java.util.Arrays.toString(OrderStatus.values()));
        }
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.PETUGAS_BAYAR, Roles.AUDITOR })
    @Operation(operationId = "getOrder",
            summary = "An order with the recipient, the KK members and its payment, for matching at the counter (audited)",
            description = "One payment order with what the pay officer matches against the e-KTP and KK shown at the "
                    + "counter: the recipient's NIK and name, the KK number and its members (departed members marked), "
                    + "the amount, the channel, the status with its reason, and the payment once made. Identifiers are "
                    + "not masked, so every read is written to the audit log. The family's village must lie within the "
                    + "caller's scope.")
    @APIResponse(responseCode = "200", description = "The order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OrderApi.OrderDetail.class)))
    @APIResponse(responseCode = "403", description = "The family's village lies outside your scope, or your role may not "
            + "read orders")
    @APIResponse(responseCode = "404", description = "No order with this id")
    public OrderApi.OrderDetail get(@Parameter(description = "The payment order's id",
            example = "d6094ce7-97fd-4ecd-8b97-6f082d9934f0") @PathParam("id") UUID id) {
        return orders.get(id, scope);
    }
}
