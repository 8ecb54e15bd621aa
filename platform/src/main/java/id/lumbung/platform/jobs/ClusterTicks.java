package id.lumbung.platform.jobs;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A scheduled sweep that must run once per tick across all replicas (each replica's scheduler fires it): the
 * replica that records the tick first runs it, the others skip it. Ticks are counted on the database's clock.
 */
@ApplicationScoped
public class ClusterTicks {

    private final AgroalDataSource dataSource;
    private final JobLeases leases;

    public ClusterTicks(AgroalDataSource dataSource, JobLeases leases) {
        this.dataSource = dataSource;
        this.leases = leases;
    }

    /** Whether this replica runs {@code name}'s current tick (ticks are {@code every} long); false if another does. */
    public boolean claim(String name, Duration every) {
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("""
                insert into scheduled_tick as t (name, tick, ran_by, ran_at)
                values (?, floor(extract(epoch from now()) * 1000 / ?)::bigint, ?, now())
                on conflict (name) do update set tick = excluded.tick, ran_by = excluded.ran_by, ran_at = excluded.ran_at
                where t.tick < excluded.tick
                returning tick""")) {
            s.setString(1, name);
            s.setLong(2, Math.max(1, every.toMillis()));
            s.setString(3, leases.owner());
            try (var rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not claim the tick of " + name, e);
        }
    }
}
