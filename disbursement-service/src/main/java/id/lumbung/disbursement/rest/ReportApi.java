package id.lumbung.disbursement.rest;

import id.lumbung.disbursement.domain.StatusReason;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API models of the realisation report. */
public final class ReportApi {

    private ReportApi() {
    }

    @Schema(name = "RealisationLevel", description = "The level a realisation report is broken down to")
    public enum Level { VILLAGE, DISTRICT, REGENCY }

    @Schema(name = "RealisationFailureReason", description = "Failed families of a region for one reason, counted and "
            + "summed.")
    public record ReasonTotal(
            @Schema(description = "Why these orders failed", examples = "MOVED") StatusReason reason,
            @Schema(description = "Families whose order failed for this reason", examples = "9") long families,
            @Schema(description = "Their amounts summed, in whole rupiah", examples = "8100000") long amount) {
    }

    /**
     * One region's realisation: families and rupiah planned, paid, failed (by reason), still pending
     * (ready or blocked) and returned; {@code percentComplete} is paid families over planned families.
     */
    @Schema(name = "RealisationRow", description = "One region's realisation (realisasi penyaluran): families and whole "
            + "rupiah planned, paid, failed (by reason), still pending (READY or BLOCKED) and returned (retur), counted "
            + "within the caller's scope.")
    public record Row(
            @Schema(description = "The region of this row (village, district or regency code, as the level says); in "
                    + "the total, the region asked for", examples = "33.20.06.1001") String regionCode,
            @Schema(description = "Families with an order of the plan", examples = "1250") long families,
            @Schema(description = "Rupiah planned for them", examples = "1125000000") long planned,
            @Schema(description = "Families paid", examples = "1200") long paidFamilies,
            @Schema(description = "Rupiah paid", examples = "1080000000") long paid,
            @Schema(description = "Families whose order failed", examples = "50") long failedFamilies,
            @Schema(description = "Rupiah of failed orders", examples = "45000000") long failed,
            @Schema(description = "Failed families and rupiah per reason, every reason listed")
            List<ReasonTotal> failedByReason,
            @Schema(description = "Families not yet paid nor failed (READY or BLOCKED)", examples = "0") long pendingFamilies,
            @Schema(description = "Rupiah of those orders", examples = "0") long pending,
            @Schema(description = "Rupiah marked for return to the treasury (retur) by closed reconciliations",
                    examples = "45000000") long returned,
            @Schema(description = "Paid families over planned families, in percent to one decimal", examples = "96.0")
            double percentComplete) {
    }

    @Schema(name = "Realisation", description = "A plan's realisation in a region, one row per village, district or "
            + "regency, with the total.")
    public record Realisation(UUID planId, String programCode, String period,
            @Schema(description = "The level of the rows", examples = "VILLAGE") Level level,
            @Schema(description = "The region reported on: the one asked for, or the plan's region",
                    examples = "33.20.06") String regionCode,
            @Schema(description = "One row per region at the level, ordered by region code") List<Row> rows,
            @Schema(description = "The rows added up, for the region reported on") Row total) {
    }
}
