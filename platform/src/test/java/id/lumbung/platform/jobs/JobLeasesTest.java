package id.lumbung.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Two replicas and their jobs: a live lease is never taken, an expired or missing one is taken by exactly one
 * replica, renewing keeps a lease alive, and a sweep's tick runs on one replica only.
 */
@QuarkusTest
class JobLeasesTest {

    @Inject
    JobLeases leases;
    @Inject
    ClusterTicks ticks;
    @Inject
    AgroalDataSource db;

    @Test
    void onlyExpiredOrMissingLeasesAreTakenOverAndEachByOneReplica() throws Exception {
        String kind = "test-" + UUID.randomUUID();
        var other = new JobLeases(db, Duration.ofSeconds(60), "other-replica");
        leases.hold(kind, "mine");
        other.hold(kind, "alive");
        sql("insert into job_lease values ('" + kind + "', 'dead', 'crashed-replica', now() - interval '5 minutes',"
                + " now() - interval '5 minutes', now() - interval '4 minutes')");

        assertThat(leases.takeOver(kind, List.of("mine", "alive", "dead", "never-leased")))
                .containsExactlyInAnyOrder("dead", "never-leased");
        assertThat(other.takeOver(kind, List.of("mine", "alive", "dead", "never-leased"))).isEmpty();
        assertThat(owner(kind, "dead")).isEqualTo(leases.owner());

        // a replica that stops renewing loses its jobs to one other replica, however many race for them
        sql("update job_lease set expires_at = now() - interval '1 second' where kind = '" + kind + "'");
        var ids = new ArrayList<String>();
        for (int i = 0; i < 200; i++) {
            ids.add("job-" + i);
        }
        var third = new JobLeases(db, Duration.ofSeconds(60), "third-replica");
        var start = new CyclicBarrier(3);
        try (var pool = Executors.newFixedThreadPool(3)) {
            var results = pool.invokeAll(List.<Callable<List<String>>>of(
                    () -> { start.await(); return leases.takeOver(kind, ids); },
                    () -> { start.await(); return other.takeOver(kind, ids); },
                    () -> { start.await(); return third.takeOver(kind, ids); }));
            var all = new ArrayList<String>();
            for (var r : results) {
                all.addAll(r.get());
            }
            assertThat(all).hasSize(200);
            assertThat(new HashSet<>(all)).hasSize(200);
        }

        // renewing keeps a replica's leases
        sql("update job_lease set expires_at = now() - interval '1 second' where owner = '" + leases.owner() + "'");
        leases.renew();
        assertThat(other.takeOver(kind, List.of("mine", "dead"))).isEmpty();
        leases.release(kind, "mine");
        assertThat(other.takeOver(kind, List.of("mine"))).containsExactly("mine");
    }

    @Test
    void aSweepTickRunsOnOneReplica() {
        String sweep = "test-sweep-" + UUID.randomUUID();
        var other = new ClusterTicks(db, new JobLeases(db, Duration.ofSeconds(60), "other-replica"));
        assertThat(ticks.claim(sweep, Duration.ofHours(1))).isTrue();
        assertThat(ticks.claim(sweep, Duration.ofHours(1))).isFalse();
        assertThat(other.claim(sweep, Duration.ofHours(1))).isFalse();
    }

    private String owner(String kind, String job) throws SQLException {
        try (var c = db.getConnection(); var s = c.createStatement();
                var rs = s.executeQuery("select owner from job_lease where kind = '" + kind + "' and job_id = '" + job + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private void sql(String statement) throws SQLException {
        try (var c = db.getConnection(); var s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
