package id.lumbung.complaint.service;

import id.lumbung.complaint.config.ComplaintConfig;
import id.lumbung.complaint.domain.CaseStatus;
import id.lumbung.complaint.domain.CaseType;
import id.lumbung.complaint.domain.SlaPolicy;
import id.lumbung.complaint.rest.CaseApi;
import id.lumbung.platform.security.RegionScope;
import id.lumbung.platform.jobs.ClusterTicks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Service levels over all cases: breaches counted set-based in SQL from the due dates fixed at submission
 * and verification, and the sweep that voids every sanggah nobody verified in time.
 */
@ApplicationScoped
public class SlaService {

    private static final Logger LOG = Logger.getLogger(SlaService.class);
    static final int LISTED = 500;

    private final EntityManager em;
    private final Clock clock;
    private final SlaPolicy policy;
    private final Counter voided;
    private final ClusterTicks ticks;
    private final Duration sweepEvery;
    private final Map<SlaPolicy.Rule, AtomicLong> openBreaches = new EnumMap<>(SlaPolicy.Rule.class);

    public SlaService(EntityManager em, Clock clock, ComplaintConfig config, MeterRegistry registry, ClusterTicks ticks,
            @ConfigProperty(name = "lumbung.complaint.sla.sweep-every") String sweepEvery) {
        this.ticks = ticks;
        // "off" in tests: the sweep never fires, the tick length is then never used
        this.sweepEvery = "off".equals(sweepEvery) ? Duration.ofMinutes(15) : DurationConverter.parseDuration(sweepEvery);
        this.em = em;
        this.clock = clock;
        this.policy = config.sla().policy();
        this.voided = Counter.builder("lumbung.complaint.sanggah.voided")
                .description("sanggah voided because nobody verified them in time").register(registry);
        for (var rule : SlaPolicy.Rule.values()) {
            var value = new AtomicLong();
            openBreaches.put(rule, value);
            registry.gauge("lumbung.complaint.sla.breaches.open", List.of(io.micrometer.core.instrument.Tag.of("rule", rule.name())),
                    value);
        }
    }

    @Scheduled(every = "${lumbung.complaint.sla.sweep-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "sla-sweep")
    void scheduledSweep() {
        // every replica's scheduler fires; one of them voids, each keeps its own breach gauges current
        if (ticks.claim("sla-sweep", sweepEvery)) {
            voidOverdueSanggah();
        }
        summary(null);
    }

    /** Voids every sanggah still unverified past its window; returns how many. Safe to run at any time. */
    @Transactional
    public int voidOverdueSanggah() {
        Instant now = clock.instant();
        int count = em.createNativeQuery("""
                with voided as (
                    update complaint_case set status = 'VOID', updated_at = ?1, version = version + 1
                     where type = 'SANGGAH' and status = 'SUBMITTED' and verify_due_at < ?1
                    returning id)
                insert into case_activity (case_id, at, action, from_status, to_status, actor, note)
                select id, ?1, 'VOID', 'SUBMITTED', 'VOID', 'system:sla', ?2 from voided""")
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, "sanggah tidak diverifikasi dalam " + policy.sanggahVerify().toDays() + " hari: gugur")
                .executeUpdate();
        if (count > 0) {
            voided.increment(count);
            LOG.infof("voided %d sanggah not verified within %s", count, policy.sanggahVerify());
        }
        return count;
    }

    /** Breaches as they stand now, within the caller's regions ({@code null} scope: everything). */
    @Transactional
    @SuppressWarnings("unchecked")
    public CaseApi.SlaSummary summary(RegionScope scope) {
        Instant now = clock.instant();
        var patterns = scope == null || scope.national() ? List.<String>of() : scope.likePatterns();
        if (scope != null && !scope.national() && patterns.isEmpty()) {
            return new CaseApi.SlaSummary(now, List.of(), List.of());
        }
        var where = new StringBuilder();
        for (int i = 0; i < patterns.size(); i++) {
            where.append(i == 0 ? " where (" : " or ").append("village_code like ?").append(i + 2);
        }
        if (!patterns.isEmpty()) {
            where.append(")");
        }
        String breaches = """
                select number, type, status, village_code, rule, due_at, met_at from (
                  select number, type, status, village_code,
                         case when type = 'SANGGAH' then 'SANGGAH_VERIFY' else 'ADUAN_VERIFY' end as rule,
                         verify_due_at as due_at, verified_at as met_at
                    from complaint_case where verify_due_at is not null and coalesce(verified_at, ?1) > verify_due_at
                  union all
                  select number, type, status, village_code, 'ADUAN_FOLLOW_UP', follow_up_due_at, decided_at
                    from complaint_case where follow_up_due_at is not null and coalesce(decided_at, ?1) > follow_up_due_at
                ) b""" + where;
        var counts = em.createNativeQuery("select rule, count(*), count(*) filter (where met_at is null and status in "
                + "('SUBMITTED', 'VERIFYING')) from (" + breaches + ") c group by rule order by rule");
        var list = em.createNativeQuery(breaches + " order by due_at limit " + LISTED);
        for (var q : List.of(counts, list)) {
            q.setParameter(1, Timestamp.from(now));
            for (int i = 0; i < patterns.size(); i++) {
                q.setParameter(i + 2, patterns.get(i));
            }
        }
        var ruleCounts = new ArrayList<CaseApi.RuleCount>();
        for (Object[] r : (List<Object[]>) counts.getResultList()) {
            ruleCounts.add(new CaseApi.RuleCount(SlaPolicy.Rule.valueOf((String) r[0]), ((Number) r[1]).longValue(),
                    ((Number) r[2]).longValue()));
        }
        var cases = ((List<Object[]>) list.getResultList()).stream().map(r -> new CaseApi.BreachedCase((String) r[0],
                CaseType.valueOf((String) r[1]), CaseStatus.valueOf((String) r[2]), (String) r[3],
                SlaPolicy.Rule.valueOf((String) r[4]), instant(r[5]), instant(r[6]))).toList();
        if (scope == null || scope.national()) {
            for (var rule : SlaPolicy.Rule.values()) {
                openBreaches.get(rule).set(ruleCounts.stream().filter(c -> c.rule() == rule)
                        .mapToLong(CaseApi.RuleCount::stillOpen).sum());
            }
        }
        return new CaseApi.SlaSummary(now, ruleCounts, cases);
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant i -> i;
            case Timestamp t -> t.toInstant();
            case OffsetDateTime o -> o.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp type " + value.getClass());
        };
    }
}
