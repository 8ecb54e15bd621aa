package id.lumbung.eligibility.service;

import id.lumbung.eligibility.domain.ProgramPeriod;
import id.lumbung.eligibility.domain.ProgramRules;
import id.lumbung.eligibility.events.BeneficiaryListEvents;
import id.lumbung.eligibility.persistence.BeneficiaryListEntity;
import id.lumbung.eligibility.persistence.BeneficiaryLists;
import id.lumbung.eligibility.persistence.ProgramEntity;
import id.lumbung.eligibility.persistence.ProgramRuleVersionEntity;
import id.lumbung.eligibility.rest.BeneficiaryListApi;
import id.lumbung.platform.audit.AuditLog;
import id.lumbung.platform.id.Masking;
import id.lumbung.platform.id.RegionCode;
import id.lumbung.platform.problem.ProblemException;
import id.lumbung.platform.security.RegionScope;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Penetapan: a Dinas Sosial drafts the list of its regency (the ministry any region), someone else approves it,
 * and approval freezes it, records the aid and publishes it for disbursement.
 */
@ApplicationScoped
public class BeneficiaryListService {

    private static final Logger LOG = Logger.getLogger(BeneficiaryListService.class);

    private final BeneficiaryLists lists;
    private final BeneficiaryListEvents events;
    private final RuleCatalog rules;
    private final AuditLog audit;
    private final Clock clock;
    private final MeterRegistry metrics;

    public BeneficiaryListService(BeneficiaryLists lists, BeneficiaryListEvents events, RuleCatalog rules, AuditLog audit,
            Clock clock, MeterRegistry metrics) {
        this.metrics = metrics;
        this.lists = lists;
        this.events = events;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public BeneficiaryListApi.ListView draft(BeneficiaryListApi.DraftRequest request, RegionScope scope, String actor) {
        var region = region(request.regionCode(), "regionCode");
        mayActOn(region, scope);
        if (ProgramEntity.findById(request.programCode()) == null) {
            throw ProblemException.notFound("program", request.programCode());
        }
        var quotas = quotas(request.quotas(), region);
        var period = ProgramPeriod.parse(request.period());
        var published = rules.published().stream().map(RuleCatalog.PublishedRule::rule)
                .filter(r -> r.programCode().equals(request.programCode()) && r.period().equals(period)).toList();
        var rule = ProgramRules.applicable(published, region.value()).stream().findFirst()
                .orElseThrow(() -> ProblemException.conflict(request.programCode() + " has no published rule version for "
                        + period + " in " + region));
        ProgramRuleVersionEntity version = ProgramRuleVersionEntity.find("programCode = ?1 and version = ?2",
                rule.programCode(), rule.version()).firstResult();
        if (version.amountPerMonth == null || version.months == null) {
            throw ProblemException.conflict(request.programCode() + " rule version " + rule.version()
                    + " has no single amount per family, so it is not paid from a beneficiary list");
        }
        var list = new BeneficiaryListEntity();
        list.id = UUID.randomUUID();
        list.programCode = request.programCode();
        list.period = request.period();
        list.regionCode = region.value();
        list.status = BeneficiaryListEntity.DRAFT;
        list.quotas = quotas.isEmpty() ? null : quotas;
        list.ruleVersion = rule.version();
        list.amountPerMonth = version.amountPerMonth;
        list.months = version.months;
        list.lumpSum = version.lumpSum;
        list.draftedBy = actor;
        list.draftedAt = clock.instant();
        list.persistAndFlush();
        list.totalBeneficiaries = lists.draft(list.id, list.programCode, list.period, list.regionCode, quotas);
        if (list.totalBeneficiaries == 0) {
            throw ProblemException.conflict("no eligible household of " + list.programCode + " " + list.period + " in "
                    + region + " is waiting for a list (decide the period first, or every one is listed already)");
        }
        LOG.infof("beneficiary list %s drafted by %s: %s %s %s, %d households", list.id, actor, list.programCode,
                list.period, list.regionCode, list.totalBeneficiaries);
        return view(list);
    }

    @Transactional
    public BeneficiaryListApi.ListView approve(UUID id, RegionScope scope, String actor) {
        BeneficiaryListEntity list = BeneficiaryListEntity.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (list == null) {
            throw ProblemException.notFound("beneficiary list", id);
        }
        mayActOn(RegionCode.of(list.regionCode), scope);
        if (BeneficiaryListEntity.FINALIZED.equals(list.status)) {
            throw ProblemException.conflict("beneficiary list " + id + " is finalized already");
        }
        if (actor.equals(list.draftedBy)) {
            throw new ProblemException(403, "four-eyes", "Forbidden",
                    "a beneficiary list is approved by someone other than the person who drafted it");
        }
        if (lists.alreadyListed(id) > 0) {
            throw ProblemException.conflict("some households of this list are on another finalized list of "
                    + list.programCode + " " + list.period + "; draft the list again");
        }
        list.status = BeneficiaryListEntity.FINALIZED;
        list.approvedBy = actor;
        list.finalizedAt = clock.instant();
        list.persistAndFlush();
        lists.recordAid(id, list.programCode, list.period);
        int chunks = events.finalized(list);
        DistributionSummary.builder("lumbung.beneficiary.lists.finalized")
                .description("households on each beneficiary list when it is finalized (penetapan), by program")
                .baseUnit("households").tag("program", list.programCode).register(metrics)
                .record(list.totalBeneficiaries);
        LOG.infof("beneficiary list %s finalized by %s: %d households in %d events", id, actor, list.totalBeneficiaries,
                chunks);
        return view(list);
    }

    @Transactional
    public BeneficiaryListApi.ListView find(UUID id, RegionScope scope) {
        return view(readable(id, scope));
    }

    @Transactional
    public BeneficiaryListApi.BeneficiaryPage beneficiaries(UUID id, int page, int size, RegionScope scope) {
        var list = readable(id, scope);
        var items = lists.entries(id, page * size + 1, size).stream()
                .map(e -> new BeneficiaryListApi.BeneficiaryView(e.rank(), e.householdId(), Masking.nik(e.noKk()),
                        e.villageCode(), e.desil(), e.kksCard(), e.vulnerableMembers(), Masking.nik(e.recipientNik()),
                        e.recipientName(), e.members().stream()
                                .map(m -> new BeneficiaryListApi.MemberView(Masking.nik(m.get("nik")), m.get("relationship")))
                                .toList()))
                .toList();
        audit.record("READ", "beneficiary-list", id.toString(), "beneficiaries page=" + page + " size=" + size);
        return new BeneficiaryListApi.BeneficiaryPage(page, size, list.totalBeneficiaries, items);
    }

    private BeneficiaryListEntity readable(UUID id, RegionScope scope) {
        BeneficiaryListEntity list = BeneficiaryListEntity.findById(id);
        if (list == null) {
            throw ProblemException.notFound("beneficiary list", id);
        }
        scope.require(RegionCode.of(list.regionCode));
        return list;
    }

    /** The ministry acts anywhere; a Dinas Sosial only on the lists of its own regency. */
    private static void mayActOn(RegionCode region, RegionScope scope) {
        if (scope.national()) {
            return;
        }
        if (region.level() != RegionCode.Level.REGENCY) {
            throw ProblemException.forbidden("a Dinas Sosial drafts and approves the list of its regency, not of "
                    + region.level().name().toLowerCase() + " " + region);
        }
        scope.require(region);
    }

    private static RegionCode region(String code, String field) {
        var problem = RegionCode.problemWith(code);
        if (problem.isPresent()) {
            throw ProblemException.invalid(field, problem.get());
        }
        return RegionCode.of(code);
    }

    private static Map<String, Integer> quotas(Map<String, Integer> requested, RegionCode region) {
        var quotas = new TreeMap<String, Integer>();
        if (requested == null) {
            return quotas;
        }
        for (var e : requested.entrySet()) {
            var key = region(e.getKey(), "quotas");
            if (!key.isWithin(region)) {
                throw ProblemException.invalid("quotas", "quota region " + key + " is not within " + region);
            }
            if (e.getValue() == null || e.getValue() < 0) {
                throw ProblemException.invalid("quotas", "the quota of " + key + " must be zero or more households");
            }
            for (var other : quotas.keySet()) {
                var o = RegionCode.of(other);
                if (o.isWithin(key) || key.isWithin(o)) {
                    throw ProblemException.invalid("quotas", "quota regions " + o + " and " + key + " overlap");
                }
            }
            quotas.put(key.value(), e.getValue());
        }
        return quotas;
    }

    static BeneficiaryListApi.ListView view(BeneficiaryListEntity l) {
        return new BeneficiaryListApi.ListView(l.id, l.programCode, l.period, l.regionCode, l.status, l.quotas,
                l.ruleVersion, l.amountPerMonth, l.months, l.lumpSum, l.totalBeneficiaries, l.draftedBy, l.draftedAt,
                l.approvedBy, l.finalizedAt);
    }
}
