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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
    @Operation(summary = "Orders in your scope, by plan, village and status; NIKs, KK numbers and names masked")
    public PlanApi.Page<OrderApi.OrderSummary> list(@QueryParam("planId") String planId,
            @QueryParam("villageCode") String villageCode, @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
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
    @Operation(summary = "An order with the recipient, the KK members and its payment, for matching at the counter (audited)")
    public OrderApi.OrderDetail get(@PathParam("id") UUID id) {
        return orders.get(id, scope);
    }
}
