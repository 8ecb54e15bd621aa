package id.lumbung.eligibility.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** The last payment report per household, program and period, as the disbursement service sent it. */
@ApplicationScoped
public class PaymentStatuses {

    public enum Status {
        PAID, BLOCKED, FAILED
    }

    public record Report(String orderId, UUID householdId, String programCode, String period, Status status, Instant at,
            String reason) {
    }

    private final AgroalDataSource dataSource;

    public PaymentStatuses(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Keeps {@code report} unless a report of a later time is held already (reports can arrive late or out of order,
     * e.g. from different orders of the same household). Returns whether it was kept.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(Report report, Instant recordedAt) {
        try (var c = dataSource.getConnection(); var upsert = c.prepareStatement("""
                insert into payment_status as p (household_id, program_code, period, status, at, reason, order_id, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (household_id, program_code, period) do update set status = excluded.status, at = excluded.at,
                    reason = excluded.reason, order_id = excluded.order_id, recorded_at = excluded.recorded_at
                where p.at < excluded.at""")) {
            upsert.setObject(1, report.householdId());
            upsert.setString(2, report.programCode());
            upsert.setString(3, report.period());
            upsert.setString(4, report.status().name());
            upsert.setTimestamp(5, Timestamp.from(report.at()));
            upsert.setString(6, report.reason());
            upsert.setString(7, report.orderId());
            upsert.setTimestamp(8, Timestamp.from(recordedAt));
            return upsert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("payment status write failed: " + e.getMessage(), e);
        }
    }
}
