package id.lumbung.disbursement.rest;

import id.lumbung.disbursement.domain.OrderStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API models of disbursement plans. */
public final class PlanApi {

    private PlanApi() {
    }

    @Schema(name = "PlanSummary", description = "A disbursement plan (rencana penyaluran) made from one finalized "
            + "beneficiary list: what each family receives and what the whole list costs.")
    public record PlanSummary(
            @Schema(description = "The plan's id", examples = "69897276-0cf0-41cc-9328-3967175962ee") UUID id,
            String listId, String programCode, String period, String regionCode, long amountPerMonth, int months,
            boolean lumpSum, long amountPerFamily, int totalBeneficiaries, long plannedTotal,
            @Schema(description = "RECEIVING while chunks of the list are still arriving, COMPLETE once every chunk "
                    + "has arrived (only a complete plan can be scheduled)", enumeration = { "RECEIVING", "COMPLETE" },
                    examples = "COMPLETE") String status,
            int chunkCount,
            @Schema(description = "When the first chunk of the list arrived and the plan was made",
                    examples = "2025-11-14T02:00:05Z") Instant createdAt,
            @Schema(description = "When the last chunk arrived; absent while RECEIVING",
                    examples = "2025-11-14T02:03:41Z") Instant completedAt) {
    }

    @Schema(name = "OrderStatusTotal", description = "The orders of a plan in one status, counted and summed.")
    public record StatusTotal(@Schema(description = "The status counted", examples = "PAID") OrderStatus status,
            @Schema(description = "Number of orders in this status", examples = "31460") long orders,
            @Schema(description = "Their amounts summed, in whole rupiah", examples = "28314000000") long amount) {
    }

    /**
     * A plan with its progress. {@code byStatus} counts the orders in the caller's region scope; the
     * planned total is the plan's as announced by the list.
     */
    @Schema(name = "PlanDetail", description = "A plan with its progress. The plan's planned total is as the list "
            + "announced it; orders, orderedTotal and byStatus count only the orders in the caller's region scope.")
    public record PlanDetail(@Schema(description = "The plan as made from its list") PlanSummary plan,
            @Schema(description = "Chunks of the list received so far (of plan.chunkCount)", examples = "42") int chunksReceived,
            @Schema(description = "Families of the list refused when their order was made (village outside the "
                    + "plan's region, malformed NIK or KK number); kept with the chunk for the list's owner",
                    examples = "3") long rejectedBeneficiaries,
            @Schema(description = "Orders in the caller's scope", examples = "41247") long orders,
            @Schema(description = "Their amounts summed, in whole rupiah", examples = "37122300000") long orderedTotal,
            @Schema(description = "Orders and rupiah per status (READY, PAID, BLOCKED, FAILED), every status listed")
            List<StatusTotal> byStatus) {
    }

    @Schema(name = "PlanPage", description = "A page of plans, newest first")
    public record PlanPage(List<PlanSummary> items, int page, int size, long total) {
    }
}
