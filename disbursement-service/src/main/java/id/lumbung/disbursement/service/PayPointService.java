package id.lumbung.disbursement.service;

import id.lumbung.disbursement.persistence.PayPointEntity;
import id.lumbung.disbursement.rest.PayPointApi;
import id.lumbung.platform.id.RegionCode;
import id.lumbung.platform.id.Regions;
import id.lumbung.platform.problem.ProblemException;
import id.lumbung.platform.security.RegionScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** Pay points, managed by the social offices (dinsos, kemensos) for the regions in their scope. */
@ApplicationScoped
public class PayPointService {

    private final EntityManager em;
    private final Clock clock;

    public PayPointService(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    public PayPointApi.PayPointView create(PayPointApi.NewPayPoint in, RegionScope scope) {
        var region = region(in.regionCode());
        scope.require(region);
        // serialise creations of one code so that the second is a clean 409, not a constraint error
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtextextended(?1, 0))) held")
                .setParameter(1, "pay-point:" + in.code()).getSingleResult();
        if (PayPointEntity.findById(in.code()) != null) {
            throw new ProblemException(409, "pay-point-exists", "Pay point exists",
                    "a pay point with code " + in.code() + " already exists", Map.of("code", in.code()));
        }
        var p = new PayPointEntity();
        p.code = in.code();
        p.kind = in.kind();
        p.name = in.name().strip();
        p.regionCode = region.value();
        p.capacityPerDay = in.capacityPerDay();
        p.createdAt = now();
        p.persist();
        return view(p);
    }

    @Transactional
    public PayPointApi.PayPointView update(String code, PayPointApi.PayPointChange in, RegionScope scope) {
        var p = find(code, scope);
        var region = region(in.regionCode());
        scope.require(region);
        if (!region.value().equals(p.regionCode) && scheduled(code)) {
            throw new ProblemException(409, "pay-point-scheduled", "Pay point has a schedule",
                    "families are scheduled at " + code + "; its region cannot move until the schedule is regenerated",
                    Map.of("code", code));
        }
        p.kind = in.kind();
        p.name = in.name().strip();
        p.regionCode = region.value();
        p.capacityPerDay = in.capacityPerDay();
        p.updatedAt = now();
        return view(p);
    }

    @Transactional
    public void delete(String code, RegionScope scope) {
        var p = find(code, scope);
        if (scheduled(code)) {
            throw new ProblemException(409, "pay-point-scheduled", "Pay point has a schedule",
                    "families are scheduled at " + code + "; it cannot be removed", Map.of("code", code));
        }
        p.delete();
    }

    @Transactional
    public PayPointApi.PayPointView get(String code, RegionScope scope) {
        var p = PayPointEntity.<PayPointEntity>findById(code);
        if (p == null) {
            throw ProblemException.notFound("pay point", code);
        }
        if (!ScopeFilter.overlaps(RegionCode.of(p.regionCode), scope)) {
            throw ProblemException.forbidden("pay point region " + p.regionCode + " is outside your scope " + scope.regions());
        }
        return view(p);
    }

    @Transactional
    public PayPointApi.PayPointPage list(String regionCode, RegionScope scope, int page, int size) {
        RegionCode within = regionCode == null || regionCode.isBlank() ? null : region(regionCode);
        List<PayPointEntity> visible = PayPointEntity.<PayPointEntity>list("order by regionCode, code").stream()
                .filter(p -> ScopeFilter.overlaps(RegionCode.of(p.regionCode), scope))
                .filter(p -> within == null || RegionCode.of(p.regionCode).isWithin(within)
                        || within.isWithin(RegionCode.of(p.regionCode)))
                .toList();
        var items = visible.stream().skip((long) page * size).limit(size).map(PayPointService::view).toList();
        return new PayPointApi.PayPointPage(items, page, size, visible.size());
    }

    /** A pay point the caller may change: its region lies within the caller's scope. */
    private PayPointEntity find(String code, RegionScope scope) {
        var p = PayPointEntity.<PayPointEntity>findById(code);
        if (p == null) {
            throw ProblemException.notFound("pay point", code);
        }
        scope.require(RegionCode.of(p.regionCode));
        return p;
    }

    private boolean scheduled(String code) {
        return !em.createNativeQuery("select 1 from schedule_entry where pay_point_code = ?1 limit 1")
                .setParameter(1, code).getResultList().isEmpty();
    }

    static RegionCode region(String value) {
        var normalised = RegionCode.dotted(value == null ? null : value.strip());
        var problem = Regions.problemWith(normalised);
        if (problem.isPresent()) {
            throw ProblemException.invalid("regionCode", problem.get());
        }
        return RegionCode.of(normalised);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static PayPointApi.PayPointView view(PayPointEntity p) {
        return new PayPointApi.PayPointView(p.code, p.kind, p.name, p.regionCode, p.capacityPerDay, p.createdAt,
                p.updatedAt);
    }
}
