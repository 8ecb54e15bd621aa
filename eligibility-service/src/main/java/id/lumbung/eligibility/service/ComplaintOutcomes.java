package id.lumbung.eligibility.service;

import id.lumbung.eligibility.domain.ProgramPeriod;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Decided complaints that bear on eligibility: a tolak (the family declines a program from the next period on)
 * or an upheld sanggah (the family is not eligible on the registry data the objection was decided on). Each is
 * recorded once per case and re-decides the household at once.
 */
@ApplicationScoped
public class ComplaintOutcomes {

    private static final Logger LOG = Logger.getLogger(ComplaintOutcomes.class);
    /** Program periods follow the calendar where the decision was taken (WIB). */
    static final ZoneId INDONESIA = ZoneId.of("Asia/Jakarta");

    public enum Outcome {
        TOLAK_ACCEPTED, SANGGAH_UPHELD
    }

    /** A decided complaint as complaint.outcomes.v1 carries it; {@code programCode} null = every program. */
    public record Decided(String caseNumber, Outcome outcome, UUID householdId, String programCode, String detail,
            Instant decidedAt) {
    }

    private final AgroalDataSource dataSource;
    private final HouseholdProjector projector;
    private final Clock clock;

    public ComplaintOutcomes(AgroalDataSource dataSource, HouseholdProjector projector, Clock clock) {
        this.dataSource = dataSource;
        this.projector = projector;
        this.clock = clock;
    }

    /** Returns how many determinations changed; a case already recorded changes nothing. */
    @Transactional
    public int record(Decided outcome) {
        String kind = outcome.outcome() == Outcome.TOLAK_ACCEPTED ? "TOLAK" : "SANGGAH";
        String fromPeriod = outcome.outcome() == Outcome.TOLAK_ACCEPTED ? nextPeriod(outcome.decidedAt()).toString() : null;
        int inserted;
        try (var c = dataSource.getConnection(); var insert = c.prepareStatement("""
                insert into complaint_finding (case_number, kind, household_id, program_code, from_period, registry_version,
                    detail, decided_at, recorded_at)
                select ?, ?, ?, ?, ?, (select registry_version from household_projection where household_id = ?), ?, ?, ?
                on conflict (case_number) do nothing""")) {
            insert.setString(1, outcome.caseNumber());
            insert.setString(2, kind);
            insert.setObject(3, outcome.householdId());
            insert.setString(4, outcome.programCode());
            insert.setString(5, fromPeriod);
            // a tolak does not depend on the registry data; a sanggah holds for the version it was decided on
            insert.setObject(6, outcome.outcome() == Outcome.SANGGAH_UPHELD ? outcome.householdId() : null, Types.OTHER);
            insert.setString(7, outcome.detail());
            insert.setTimestamp(8, Timestamp.from(outcome.decidedAt()));
            insert.setTimestamp(9, Timestamp.from(clock.instant()));
            inserted = insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("complaint finding write failed: " + e.getMessage(), e);
        }
        if (inserted == 0) {
            LOG.infof("case %s is recorded already: nothing changes", outcome.caseNumber());
            return 0;
        }
        LOG.infof("case %s: %s of household %s for %s recorded", outcome.caseNumber(), kind, outcome.householdId(),
                outcome.programCode() == null ? "every program" : outcome.programCode());
        return projector.reevaluate(outcome.householdId());
    }

    /** A tolak takes effect from the program period after the one it was decided in. */
    static ProgramPeriod nextPeriod(Instant decidedAt) {
        var date = decidedAt.atZone(INDONESIA).toLocalDate();
        int quarter = (date.getMonthValue() - 1) / 3 + 1;
        return quarter == 4 ? new ProgramPeriod(date.getYear() + 1, 1) : new ProgramPeriod(date.getYear(), quarter + 1);
    }
}
