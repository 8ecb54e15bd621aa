package id.lumbung.eligibility.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import id.lumbung.platform.security.Roles;
import id.lumbung.platform.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A determination run whose replica died (its lease expired) is taken over and run again from the start, to the
 * same result; a run whose replica is alive is left to it.
 */
@QuarkusTest
class DeterminationRunTakeoverTest {

    @Inject
    DeterminationRuns runs;
    @Inject
    AgroalDataSource db;
    @Inject
    HouseholdProjector projector;

    @Test
    void aRunLeftByAStoppedReplicaIsRunAgainAndALiveOneIsLeftAlone() throws Exception {
        var household = Projected.in("33.20.06.1001", 1).head("Sumarni").wife("Sulastri");
        Projected.project(projector, household.household());
        String location = given().auth().oauth2(TestTokens.token(Roles.KEMENSOS)).contentType("application/json")
                .body(Map.of("programCode", "PBI_JKN", "period", "2025-Q4")).when().post("/api/v1/determination-runs")
                .then().statusCode(202).extract().header("Location");
        String run = location.substring(location.lastIndexOf('/') + 1);
        await(run, "SUCCEEDED");
        long decided = count("select decided from determination_run where id = '" + run + "'");
        assertThat(count("select count(*) from job_lease where job_id = '" + run + "'")).isZero();

        // its replica died part-way: RUNNING, a lease nobody renews
        sql("update determination_run set status = 'RUNNING', done = 1, finished_at = null where id = '" + run + "'");
        sql("insert into job_lease values ('determination-run', '" + run + "', 'eligibility-service@crashed',"
                + " now() - interval '5 minutes', now() - interval '2 minutes', now() - interval '1 minute')");
        // another run is alive on a replica that renews its lease
        String other = UUID.randomUUID().toString();
        sql("insert into determination_run (id, program_code, period, status, total, done, decided, eligible, changed,"
                + " elapsed_ms, requested_by, requested_at) values ('" + other + "', 'SEMBAKO', '2025-Q4', 'RUNNING', 1, 0,"
                + " 0, 0, 0, 0, 'test', now())");
        sql("insert into job_lease values ('determination-run', '" + other + "', 'eligibility-service@alive', now(), now(),"
                + " now() + interval '1 minute')");
        try {
            runs.recover();
            await(run, "SUCCEEDED");
            assertThat(count("select decided from determination_run where id = '" + run + "'")).isEqualTo(decided);
            assertThat(text("select status from determination_run where id = '" + other + "'")).isEqualTo("RUNNING");
        } finally {
            sql("delete from job_lease where job_id = '" + other + "'");
            sql("update determination_run set status = 'FAILED', error = 'test', finished_at = now() where id = '" + other + "'");
        }
    }

    private void await(String run, String status) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!status.equals(text("select status from determination_run where id = '" + run + "'"))
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(text("select status || coalesce(' ' || error, '') from determination_run where id = '" + run + "'"))
                .isEqualTo(status);
    }

    private long count(String query) throws SQLException {
        return Long.parseLong(text(query));
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
