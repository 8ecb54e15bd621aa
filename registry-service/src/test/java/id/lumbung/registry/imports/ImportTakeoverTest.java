package id.lumbung.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An import whose replica died while it was uploading, validating or merging is failed with a reason by the replica
 * that takes it over, its staging dropped; an import whose replica is alive, and a CSV pair waiting for its second
 * file, are left alone.
 */
@QuarkusTest
class ImportTakeoverTest {

    @Inject
    ImportRunner runner;
    @Inject
    AgroalDataSource db;

    @Test
    void anImportLeftByAStoppedReplicaFailsWithAReasonAndALiveOneIsLeftAlone() throws Exception {
        String merging = job("RUNNING", "MERGING");
        lease(merging, "registry-service@crashed", "- interval '1 minute'");
        String uploading = job("QUEUED", "UPLOADING");
        String alive = job("RUNNING", "VALIDATING");
        lease(alive, "registry-service@alive", "+ interval '1 minute'");
        String waiting = job("QUEUED", "AWAITING_PERSONS");
        try {
            runner.recover();

            assertThat(text("select status || ' ' || message from import_job where id = '" + merging + "'"))
                    .isEqualTo("FAILED the replica running it stopped while merging; upload the file again");
            assertThat(text("select status || ' ' || message from import_job where id = '" + uploading + "'"))
                    .as("a job without any lease (its replica died before leasing it) is taken over too")
                    .isEqualTo("FAILED the replica running it stopped while uploading; upload the file again");
            assertThat(text("select status from import_job where id = '" + alive + "'")).isEqualTo("RUNNING");
            assertThat(text("select status from import_job where id = '" + waiting + "'")).isEqualTo("QUEUED");
            assertThat(text("select count(*) from job_lease where job_id in ('" + merging + "', '" + uploading + "')"))
                    .isEqualTo("0");
        } finally {
            sql("delete from job_lease where job_id = '" + alive + "'");
            sql("update import_job set status = 'FAILED', phase = 'FAILED', finished_at = now() where id in ('" + alive
                    + "', '" + waiting + "')");
        }
    }

    private String job(String status, String phase) throws SQLException {
        String id = UUID.randomUUID().toString();
        sql("insert into import_job (id, format, status, phase, actor, created_at) values ('" + id + "', 'NDJSON', '"
                + status + "', '" + phase + "', 'test-kemensos', now())");
        return id;
    }

    private void lease(String job, String owner, String expiry) throws SQLException {
        sql("insert into job_lease values ('import', '" + job + "', '" + owner + "', now() - interval '5 minutes', now(), now() "
                + expiry + ")");
    }

    private String text(String query) throws SQLException {
        try (var c = db.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(query)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private void sql(String statement) throws SQLException {
        try (var c = db.getConnection(); var s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
