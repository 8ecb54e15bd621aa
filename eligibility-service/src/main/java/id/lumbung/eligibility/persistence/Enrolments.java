package id.lumbung.eligibility.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Enrolments: a household is enrolled in a program period from the moment a beneficiary list holding it is
 * approved (frozen), until a recorded tolak (from the period it applies to) or an upheld sanggah of that program
 * or of every program ends it. A frozen list never changes, so the end is read from the finding.
 */
@ApplicationScoped
public class Enrolments {

    /** One enrolment, with its end when it has ended and the payment reported for it, if any. */
    public record Enrolment(UUID householdId, String noKk, String villageCode, String programCode, String programName,
            String period, UUID listId, String listRegion, Instant since, long amountPerMonth, int months, boolean lumpSum,
            Instant endedAt, String endReason, String paymentStatus, Instant paymentAt) {

        public boolean active() {
            return endedAt == null;
        }
    }

    /** A change: the enrolment began ({@code ENROLLED}) or ended ({@code ENDED}) at {@code at}. */
    public record Change(String kind, Instant at, Enrolment enrolment) {
    }

    public record ChangePage(long total, List<Change> changes) {
    }

    /** A household found by an identifier, with the village it lives in now. */
    public record Found(UUID householdId, String villageCode) {
    }

    private static final String ENROLMENT_COLUMNS = """
            e.household_id, e.no_kk, e.village_code, l.program_code, p.name as program_name, l.period, l.id as list_id,
            l.region_code as list_region, l.finalized_at, l.amount_per_month, l.months, l.lump_sum,
            ended.recorded_at as ended_at, ended.kind as end_reason, ps.status as payment_status, ps.at as payment_at""";
    private static final String ENROLMENT_JOINS = """
            join program p on p.code = l.program_code
            left join lateral (
                select f.recorded_at, f.kind from complaint_finding f
                where f.household_id = e.household_id and (f.program_code is null or f.program_code = l.program_code)
                  and f.recorded_at >= l.finalized_at and (f.kind = 'SANGGAH' or f.from_period <= l.period)
                order by f.recorded_at limit 1) ended on true
            left join payment_status ps on ps.household_id = e.household_id and ps.program_code = l.program_code
                and ps.period = l.period""";
    /** Region filter on the village a household was listed in: {@code ?} is an array of like-patterns, null = national. */
    private static final String IN_SCOPE = "(?::text[] is null or e.village_code like any (?::text[]))";

    private final AgroalDataSource dataSource;

    public Enrolments(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The households a person (by NIK) is a member of now. */
    public List<Found> byNik(String nik) {
        return found("""
                select distinct h.household_id, h.village_code from projection_member m
                join household_projection h on h.household_id = m.household_id where m.nik = ?""", nik);
    }

    /** The households that hold a family card number now. */
    public List<Found> byNoKk(String noKk) {
        return found("select household_id, village_code from household_projection where no_kk = ?", noKk);
    }

    /** Every enrolment of the households, newest period first; {@code programCode} null = every program. */
    public List<Enrolment> of(List<UUID> households, String programCode) {
        String sql = "select " + ENROLMENT_COLUMNS + """

                from beneficiary_list_entry e join beneficiary_list l on l.id = e.list_id and l.status = 'FINALIZED'
                """ + ENROLMENT_JOINS + """

                where e.household_id = any (?) and (?::text is null or l.program_code = ?)
                order by l.period desc, l.program_code, e.household_id""";
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("uuid", households.toArray()));
            s.setString(2, programCode);
            s.setString(3, programCode);
            var out = new ArrayList<Enrolment>();
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(enrolment(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("enrolment lookup failed: " + e.getMessage(), e);
        }
    }

    /**
     * Enrolments that began or ended after {@code since} (inclusive when {@code inclusive}), oldest change first,
     * within the region patterns (null = national) and, when given, one program.
     */
    public ChangePage changes(Instant since, boolean inclusive, boolean began, boolean ended, String programCode,
            List<String> regionPatterns, int offset, int limit) {
        String after = inclusive ? ">=" : ">";
        String changes = """
                select 'ENROLLED' as change, l.finalized_at as changed_at, %1$s
                from beneficiary_list l join beneficiary_list_entry e on e.list_id = l.id
                %2$s
                where ? and l.status = 'FINALIZED' and l.finalized_at %3$s ? and (?::text is null or l.program_code = ?)
                  and %4$s
                union all
                select 'ENDED', ended.recorded_at, %1$s
                from (select distinct household_id from complaint_finding where recorded_at %3$s ?) f
                join beneficiary_list_entry e on e.household_id = f.household_id
                join beneficiary_list l on l.id = e.list_id and l.status = 'FINALIZED'
                %2$s
                where ? and ended.recorded_at %3$s ? and (?::text is null or l.program_code = ?) and %4$s"""
                .formatted(ENROLMENT_COLUMNS, ENROLMENT_JOINS, after, IN_SCOPE);
        try (var c = dataSource.getConnection();
                var count = c.prepareStatement("select count(*) from (" + changes + ") c");
                var page = c.prepareStatement("select * from (" + changes + ") c "
                        + "order by changed_at, household_id, list_id, change offset ? limit ?")) {
            var patterns = regionPatterns == null ? null : c.createArrayOf("text", regionPatterns.toArray());
            bind(count, since, began, ended, programCode, patterns);
            int next = bind(page, since, began, ended, programCode, patterns);
            page.setInt(next, offset);
            page.setInt(next + 1, limit);
            long total;
            try (var rs = count.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            var out = new ArrayList<Change>();
            try (var rs = page.executeQuery()) {
                while (rs.next()) {
                    out.add(new Change(rs.getString(1), rs.getTimestamp(2).toInstant(), enrolment(rs, 2)));
                }
            }
            return new ChangePage(total, out);
        } catch (SQLException e) {
            throw new IllegalStateException("enrolment changes failed: " + e.getMessage(), e);
        }
    }

    private static int bind(PreparedStatement s, Instant since, boolean began, boolean ended, String programCode,
            java.sql.Array patterns) throws SQLException {
        var at = Timestamp.from(since);
        int i = 1;
        s.setBoolean(i++, began);
        s.setTimestamp(i++, at);
        s.setString(i++, programCode);
        s.setString(i++, programCode);
        s.setArray(i++, patterns);
        s.setArray(i++, patterns);
        s.setTimestamp(i++, at);
        s.setBoolean(i++, ended);
        s.setTimestamp(i++, at);
        s.setString(i++, programCode);
        s.setString(i++, programCode);
        s.setArray(i++, patterns);
        s.setArray(i++, patterns);
        return i;
    }

    private List<Found> found(String sql, String value) {
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(sql)) {
            s.setString(1, value);
            var out = new ArrayList<Found>();
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Found(rs.getObject(1, UUID.class), rs.getString(2)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("household lookup failed: " + e.getMessage(), e);
        }
    }

    private static Enrolment enrolment(ResultSet rs) throws SQLException {
        return enrolment(rs, 0);
    }

    /** The enrolment columns, starting after {@code skip} leading columns. */
    private static Enrolment enrolment(ResultSet rs, int skip) throws SQLException {
        int i = skip;
        return new Enrolment(rs.getObject(i + 1, UUID.class), rs.getString(i + 2), rs.getString(i + 3), rs.getString(i + 4),
                rs.getString(i + 5), rs.getString(i + 6), rs.getObject(i + 7, UUID.class), rs.getString(i + 8),
                instant(rs.getTimestamp(i + 9)), rs.getLong(i + 10), rs.getInt(i + 11), rs.getBoolean(i + 12),
                instant(rs.getTimestamp(i + 13)), rs.getString(i + 14), rs.getString(i + 15), instant(rs.getTimestamp(i + 16)));
    }

    private static Instant instant(Timestamp t) {
        return Optional.ofNullable(t).map(Timestamp::toInstant).orElse(null);
    }
}
