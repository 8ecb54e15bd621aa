package id.lumbung.disbursement.service;

import static org.assertj.core.api.Assertions.assertThat;

import id.lumbung.disbursement.Fixtures;
import id.lumbung.disbursement.Scheduling;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A schedule generation whose replica died (its lease expired) is taken over by another replica and run again,
 * which gives the same schedule; one whose replica is alive is left to it.
 */
@QuarkusTest
class ScheduleTakeoverTest {

    @Inject
    ScheduleService schedules;
    @Inject
    AgroalDataSource db;

    @Test
    void aGenerationLeftByAStoppedReplicaIsRunAgainAndALiveOneIsLeftAlone() throws Exception {
        String district = Scheduling.freshDistrict();
        Scheduling.payPoint("POST_OFFICE", district, 10);
        var families = Scheduling.families(district + ".2001", 3);
        var orders = Fixtures.listed(db, families.toArray(Fixtures.Family[]::new));
        UUID plan = Scheduling.planOf(db, orders.values().iterator().next());
        Scheduling.jeparaWindows(plan);
        String job = Scheduling.generate(plan).getString("id");
        assertThat(count("select count(*) from schedule_entry where plan_id = '" + plan + "'")).isEqualTo(3);
        assertThat(count("select count(*) from job_lease where kind = 'schedule' and job_id = '" + job + "'"))
                .as("a finished generation holds no lease").isZero();

        // the replica running it died half-way: RUNNING, nothing placed, a lease nobody renews
        sql("delete from schedule_entry where plan_id = '" + plan + "'");
        sql("update schedule_job set status = 'RUNNING', phase = 'ASSIGNING', finished_at = null where id = '" + job + "'");
        sql("insert into job_lease values ('schedule', '" + job + "', 'disbursement-service@crashed', now() - interval '5 minutes',"
                + " now() - interval '2 minutes', now() - interval '1 minute')");
        // and another generation is running on a replica that is alive
        String other = UUID.randomUUID().toString();
        UUID otherPlan = Scheduling.planOf(db, Fixtures.listed(db, Fixtures.family(false)).values().iterator().next());
        sql("insert into schedule_job (id, plan_id, status, phase, requested_by, requested_at) values ('" + other
                + "', '" + otherPlan + "', 'RUNNING', 'ASSIGNING', 'test', now())");
        sql("insert into job_lease values ('schedule', '" + other + "', 'disbursement-service@alive', now(), now(),"
                + " now() + interval '1 minute')");
        try {
            schedules.recover();
            Scheduling.awaitJob(job, Duration.ofSeconds(60));
            assertThat(count("select count(*) from schedule_entry where plan_id = '" + plan + "'")).isEqualTo(3);
            assertThat(text("select status from schedule_job where id = '" + other + "'")).isEqualTo("RUNNING");
            assertThat(text("select owner from job_lease where job_id = '" + other + "'")).isEqualTo("disbursement-service@alive");
        } finally {
            sql("delete from job_lease where job_id = '" + other + "'");
            sql("delete from schedule_job where id = '" + other + "'");
        }
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
