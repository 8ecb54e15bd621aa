package id.lumbung.platform.jobs;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Leases on background jobs, so that several replicas can run them and any can die: the replica that starts a
 * job holds its lease (taken in the transaction that creates the job) and renews it every
 * {@code lumbung.jobs.lease-renew}; a lease not renewed for {@code lumbung.jobs.lease-ttl} has expired, and the
 * job's runner on another replica takes it over ({@link #takeOver}) to resume it or fail it with a reason. Every
 * time is the database's, so replicas with drifting clocks agree.
 */
@ApplicationScoped
public class JobLeases {

    private static final Logger LOG = Logger.getLogger(JobLeases.class);

    private final AgroalDataSource dataSource;
    private final Duration ttl;
    private final String owner;

    public JobLeases(AgroalDataSource dataSource,
            @ConfigProperty(name = "lumbung.jobs.lease-ttl", defaultValue = "60s") Duration ttl,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.dataSource = dataSource;
        this.ttl = ttl;
        this.owner = service + "@" + host() + "/" + ManagementFactory.getRuntimeMXBean().getPid() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown-host";
        }
    }

    /** This replica, as leases name it: service, host, process and a start id. */
    public String owner() {
        return owner;
    }

    /** Takes the lease of a job this replica starts; joins the caller's transaction (the one creating the job). */
    public void hold(String kind, Object jobId) {
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("""
                insert into job_lease (kind, job_id, owner, acquired_at, renewed_at, expires_at)
                values (?, ?, ?, now(), now(), now() + ? * interval '1 millisecond')
                on conflict (kind, job_id) do update set owner = excluded.owner, acquired_at = now(), renewed_at = now(),
                    expires_at = excluded.expires_at""")) {
            s.setString(1, kind);
            s.setString(2, jobId.toString());
            s.setString(3, owner);
            s.setLong(4, ttl.toMillis());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not lease " + kind + " " + jobId, e);
        }
    }

    /** Gives up the lease of a job that has finished (or failed). */
    public void release(String kind, Object jobId) {
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                "delete from job_lease where kind = ? and job_id = ? and owner = ?")) {
            s.setString(1, kind);
            s.setString(2, jobId.toString());
            s.setString(3, owner);
            s.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("could not release the lease of %s %s: %s (it expires by itself)", kind, jobId, e.getMessage());
        }
    }

    /**
     * Of the {@code unfinished} jobs of {@code kind} (as their own table says), those whose lease has expired or
     * that have none, now leased to this replica: exactly one replica gets each. The caller resumes or fails them.
     */
    public List<String> takeOver(String kind, Collection<String> unfinished) {
        if (unfinished.isEmpty()) {
            return List.of();
        }
        var taken = new ArrayList<String>();
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("""
                insert into job_lease (kind, job_id, owner, acquired_at, renewed_at, expires_at)
                select ?, j, ?, now(), now(), now() + ? * interval '1 millisecond' from unnest(?::text[]) j
                on conflict (kind, job_id) do update set owner = excluded.owner, acquired_at = now(), renewed_at = now(),
                    expires_at = excluded.expires_at
                where job_lease.expires_at < now()
                returning job_id""")) {
            s.setString(1, kind);
            s.setString(2, owner);
            s.setLong(3, ttl.toMillis());
            s.setArray(4, c.createArrayOf("text", unfinished.toArray()));
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    taken.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take over " + kind + " jobs", e);
        }
        if (!taken.isEmpty()) {
            LOG.warnf("%s took over %d %s job(s) whose replica stopped renewing them: %s", owner, taken.size(), kind, taken);
        }
        return taken;
    }

    /** Keeps this replica's leases alive. */
    @Scheduled(every = "${lumbung.jobs.lease-renew:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void renew() {
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("""
                update job_lease set renewed_at = now(), expires_at = now() + ? * interval '1 millisecond'
                where owner = ?""")) {
            s.setLong(1, ttl.toMillis());
            s.setString(2, owner);
            s.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("could not renew the job leases of %s: %s", owner, e.getMessage());
        }
    }
}
