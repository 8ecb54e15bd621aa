package id.lumbung.disbursement.rest;

import id.lumbung.disbursement.domain.OrderStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The API models of disbursement plans. */
public final class PlanApi {

    private PlanApi() {
    }

    public record PlanSummary(UUID id, String listId, String programCode, String period, String regionCode,
            long amountPerMonth, int months, boolean lumpSum, long amountPerFamily, int totalBeneficiaries,
            long plannedTotal, String status, int chunkCount, Instant createdAt, Instant completedAt) {
    }

    /** Orders and their amounts in one status. */
    public record StatusTotal(OrderStatus status, long orders, long amount) {
    }

    /**
     * A plan with its progress. {@code byStatus} counts the orders in the caller's region scope; the
     * planned total is the plan's as announced by the list.
     */
    public record PlanDetail(PlanSummary plan, int chunksReceived, long rejectedBeneficiaries, long orders,
            long orderedTotal, List<StatusTotal> byStatus) {
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }
}
