package id.lumbung.disbursement.rest;

import id.lumbung.disbursement.domain.StatusReason;
import java.util.List;
import java.util.UUID;

/** The API models of the realisation report. */
public final class ReportApi {

    private ReportApi() {
    }

    public enum Level { VILLAGE, DISTRICT, REGENCY }

    public record ReasonTotal(StatusReason reason, long families, long amount) {
    }

    /**
     * One region's realisation: families and rupiah planned, paid, failed (by reason), still pending
     * (ready or blocked) and returned; {@code percentComplete} is paid families over planned families.
     */
    public record Row(String regionCode, long families, long planned, long paidFamilies, long paid,
            long failedFamilies, long failed, List<ReasonTotal> failedByReason, long pendingFamilies, long pending,
            long returned, double percentComplete) {
    }

    public record Realisation(UUID planId, String programCode, String period, Level level, String regionCode,
            List<Row> rows, Row total) {
    }
}
