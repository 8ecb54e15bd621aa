package id.lumbung.registry.imports;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The import_job and import_error tables: a job's state, its progress and its bad-row report. */
@ApplicationScoped
public class ImportJobs {

    /** The recorded state of a job, with who may see it. */
    record Job(ImportApi.JobView view, String actor, String[] scopePatterns) {
    }

    private final AgroalDataSource dataSource;
    private final Clock clock;

    public ImportJobs(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    void create(UUID id, ImportFormat format, String actor, List<String> scopePatterns) {
        update("""
                insert into import_job (id, format, status, phase, actor, scope_patterns, created_at)
                values (?, ?, 'QUEUED', 'UPLOADING', ?, ?, ?)""", s -> {
            s.setObject(1, id);
            s.setString(2, format == ImportFormat.NDJSON ? "NDJSON" : "CSV");
            s.setString(3, actor);
            s.setArray(4, scopePatterns == null ? null : s.getConnection().createArrayOf("text", scopePatterns.toArray()));
            s.setTimestamp(5, Timestamp.from(clock.instant()));
        });
    }

    void rowsRead(UUID id, long base, long rows) {
        update("update import_job set rows_read = ? where id = ?", s -> {
            s.setLong(1, base + rows);
            s.setObject(2, id);
        });
    }

    void phase(UUID id, String status, String phase) {
        update("update import_job set status = ?, phase = ?, started_at = case when ? = 'RUNNING' then coalesce(started_at, ?) else started_at end where id = ?", s -> {
            s.setString(1, status);
            s.setString(2, phase);
            s.setString(3, status);
            s.setTimestamp(4, Timestamp.from(clock.instant()));
            s.setObject(5, id);
        });
    }

    void failed(UUID id, String message) {
        update("update import_job set status = 'FAILED', phase = 'FAILED', message = ?, finished_at = ? where id = ?", s -> {
            s.setString(1, message);
            s.setTimestamp(2, Timestamp.from(clock.instant()));
            s.setObject(3, id);
        });
    }

    void delete(UUID id) {
        update("delete from import_job where id = ?", s -> s.setObject(1, id));
    }

    /** A job some replica is uploading, has queued or is running, with its phase. */
    record Unfinished(UUID id, String phase) {
    }

    /** The jobs being uploaded, queued or run (a CSV pair waiting for its persons.csv is not: nobody works on it). */
    List<Unfinished> unfinished() {
        var ids = new ArrayList<Unfinished>();
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                "select id, phase from import_job where status in ('QUEUED', 'RUNNING') and phase <> 'AWAITING_PERSONS'");
                var rs = s.executeQuery()) {
            while (rs.next()) {
                ids.add(new Unfinished(rs.getObject(1, UUID.class), rs.getString(2)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read import jobs", e);
        }
        return ids;
    }

    Optional<Job> find(UUID id) {
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("select * from import_job where id = ?")) {
            s.setObject(1, id);
            try (var rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                var patterns = rs.getArray("scope_patterns");
                return Optional.of(new Job(view(rs), rs.getString("actor"),
                        patterns == null ? null : (String[]) patterns.getArray()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read import job " + id, e);
        }
    }

    private ImportApi.JobView view(ResultSet rs) throws SQLException {
        Instant started = instant(rs, "started_at");
        Instant finished = instant(rs, "finished_at");
        long read = rs.getLong("rows_read");
        long done = rs.getLong("rows_done");
        Double rate = null;
        Long eta = null;
        long millis = started == null ? 0 : Duration.between(started, finished != null ? finished : clock.instant()).toMillis();
        if (millis > 0) {
            double seconds = millis / 1000.0;
            rate = Math.round(done / seconds * 10) / 10.0;
            if (finished == null && done > 0) {
                eta = Math.round((read - done) / (done / seconds));
            } else if (finished != null) {
                eta = 0L;
            }
        }
        return new ImportApi.JobView(rs.getObject("id", UUID.class), rs.getString("format"), rs.getString("status"),
                rs.getString("phase"), read, done, rs.getLong("bad_rows"), rate, eta,
                rs.getLong("households_created"), rs.getLong("households_updated"),
                rs.getLong("households_unchanged"), rs.getLong("other_households_updated"), rs.getString("message"),
                instant(rs, "created_at"), started, finished);
    }

    ImportApi.ErrorPage errors(UUID id, int page, int size) {
        try (var c = dataSource.getConnection()) {
            long total;
            try (var s = c.prepareStatement("select count(*) from import_error where job_id = ?")) {
                s.setObject(1, id);
                try (var rs = s.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            var items = new ArrayList<ImportApi.RowError>();
            try (var s = c.prepareStatement("""
                    select file, line_no, field, code, reason, value from import_error where job_id = ?
                    order by file, line_no, id limit ? offset ?""")) {
                s.setObject(1, id);
                s.setInt(2, size);
                s.setLong(3, (long) page * size);
                try (var rs = s.executeQuery()) {
                    while (rs.next()) {
                        items.add(error(rs));
                    }
                }
            }
            return new ImportApi.ErrorPage(items, page, size, total);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the errors of import " + id, e);
        }
    }

    /** Writes the bad-row report as CSV, row by row from a server-side cursor. */
    void errorsCsv(UUID id, Writer out) throws IOException {
        try (var c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (var s = c.prepareStatement("""
                    select file, line_no, field, code, reason, value from import_error where job_id = ?
                    order by file, line_no, id""")) {
                s.setFetchSize(5_000);
                s.setObject(1, id);
                out.write("file,line,field,code,reason,value\n");
                try (var rs = s.executeQuery()) {
                    while (rs.next()) {
                        var e = error(rs);
                        out.write(csv(e.file()) + "," + e.line() + "," + csv(e.field()) + "," + csv(e.code()) + ","
                                + csv(e.reason()) + "," + csv(e.value()) + "\n");
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the errors of import " + id, e);
        }
        out.flush();
    }

    private static ImportApi.RowError error(ResultSet rs) throws SQLException {
        return new ImportApi.RowError(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6));
    }

    /**
     * One quoted CSV cell. A value as uploaded that a spreadsheet would run as a formula (starting with =, +, -,
     * @, a tab or a carriage return) is shown as text, behind a single quote.
     */
    static String csv(String value) {
        if (value == null) {
            return "";
        }
        boolean formula = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
        return "\"" + (formula ? "'" : "") + value.replace("\"", "\"\"") + "\"";
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private void update(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); var s = c.prepareStatement(sql)) {
            binder.bind(s);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not update import job: " + e.getMessage(), e);
        }
    }
}
