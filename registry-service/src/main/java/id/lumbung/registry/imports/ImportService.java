package id.lumbung.registry.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.lumbung.platform.problem.ProblemException;
import id.lumbung.platform.security.RegionScope;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Takes an upload: streams it straight into the job's staging tables with COPY while it arrives, checks
 * that the caller may import into at least one of its villages, and queues the job.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);

    private final AgroalDataSource dataSource;
    private final ImportJobs jobs;
    private final ImportRunner runner;
    private final ObjectMapper json;

    public ImportService(AgroalDataSource dataSource, ImportJobs jobs, ImportRunner runner, ObjectMapper json) {
        this.dataSource = dataSource;
        this.jobs = jobs;
        this.runner = runner;
        this.json = json;
    }

    public ImportApi.JobView upload(String contentType, String kind, String jobParam, InputStream body, String actor,
            RegionScope scope) {
        var format = ImportFormat.of(contentType, kind);
        if (format == ImportFormat.PERSONS_CSV) {
            return persons(parseJob(jobParam), body, actor);
        }
        if (jobParam != null) {
            throw ProblemException.invalid("job", "only kind=persons (the second file of a CSV pair) names a job");
        }
        UUID id = UUID.randomUUID();
        var tables = new StagingTables(id);
        List<String> patterns = scope.national() ? null : scope.likePatterns();
        runner.lease(id);
        jobs.create(id, format, actor, patterns);
        try {
            long rows;
            try (var c = dataSource.getConnection()) {
                ImportRunner.execute(c, tables.createStaging());
            }
            if (format == ImportFormat.NDJSON) {
                try (var households = dataSource.getConnection(); var persons = dataSource.getConnection()) {
                    rows = NdjsonStager.stage(body, json, households, persons, tables, n -> jobs.rowsRead(id, 0, n));
                }
            } else {
                try (var c = dataSource.getConnection()) {
                    rows = CsvStager.stage(body, c, tables.households(), StagingTables.HOUSEHOLD_COLUMNS,
                            StagingTables.HOUSEHOLD_REQUIRED, n -> jobs.rowsRead(id, 0, n));
                }
            }
            if (patterns != null) {
                requireSomeRowInScope(tables, rows, patterns, scope);
            }
        } catch (ProblemException e) {
            discard(id);
            throw e;
        } catch (IOException e) {
            discard(id);
            LOG.warnf("import upload %s broke off: %s", id, e.getMessage());
            throw new ProblemException(400, "upload-failed", "Upload failed",
                    "the file could not be read to its end: " + e.getMessage());
        } catch (SQLException | RuntimeException e) {
            discard(id);
            throw new IllegalStateException("import upload " + id + " could not be staged", e);
        }
        if (format == ImportFormat.HOUSEHOLDS_CSV) {
            jobs.phase(id, "QUEUED", "AWAITING_PERSONS");
            runner.release(id); // nobody works on it until persons.csv comes, to whichever replica
        } else {
            jobs.phase(id, "QUEUED", "QUEUED");
            runner.submit(id);
        }
        return jobs.find(id).orElseThrow().view();
    }

    /** The second file of a CSV pair: persons.csv for a job whose households.csv is staged. */
    private ImportApi.JobView persons(UUID id, InputStream body, String actor) {
        var job = jobs.find(id).orElseThrow(() -> ProblemException.notFound("import", id));
        if (!Objects.equals(job.actor(), actor)) {
            throw ProblemException.forbidden("import " + id + " was started by someone else");
        }
        if (!"AWAITING_PERSONS".equals(job.view().phase())) {
            throw ProblemException.conflict("import " + id + " is not waiting for persons.csv (it is " + job.view().phase() + ")");
        }
        var tables = new StagingTables(id);
        long base = job.view().rowsRead();
        runner.lease(id);
        try (var c = dataSource.getConnection()) {
            CsvStager.stage(body, c, tables.persons(), StagingTables.PERSON_COLUMNS, StagingTables.PERSON_REQUIRED,
                    n -> jobs.rowsRead(id, base, n));
        } catch (IOException | SQLException | RuntimeException e) {
            // persons.csv may be sent again: the staged households stay
            try (var c = dataSource.getConnection()) {
                ImportRunner.execute(c, List.of("truncate " + tables.persons()));
            } catch (SQLException ignored) {
                LOG.warnf("could not empty the persons staging of import %s", id);
            }
            jobs.rowsRead(id, base, 0);
            runner.release(id);
            if (e instanceof ProblemException p) {
                throw p;
            }
            if (e instanceof IOException) {
                throw new ProblemException(400, "upload-failed", "Upload failed",
                        "the file could not be read to its end: " + e.getMessage());
            }
            throw new IllegalStateException("persons.csv of import " + id + " could not be staged", e);
        }
        jobs.phase(id, "QUEUED", "QUEUED");
        runner.submit(id);
        return jobs.find(id).orElseThrow().view();
    }

    /**
     * A regional office imports for its own regions: rows elsewhere become bad rows (OUT_OF_SCOPE), but a
     * file with no row of its own is refused outright.
     */
    private void requireSomeRowInScope(StagingTables tables, long rows, List<String> patterns, RegionScope scope)
            throws SQLException {
        if (rows == 0) {
            return;
        }
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                "select exists (select 1 from " + tables.households() + " where import_region_code(village_code) like any (?))")) {
            s.setArray(1, c.createArrayOf("text", patterns.toArray()));
            try (var rs = s.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw ProblemException.forbidden("no household of this file lies within your regions " + scope.regions());
                }
            }
        }
    }

    private void discard(UUID id) {
        runner.dropStaging(new StagingTables(id));
        jobs.delete(id);
        runner.release(id);
    }

    private static UUID parseJob(String job) {
        if (job == null || job.isBlank()) {
            throw ProblemException.invalid("job", "kind=persons needs job={id} of the import that received households.csv");
        }
        try {
            return UUID.fromString(job.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("job", "job must be an import id (a UUID)");
        }
    }
}
