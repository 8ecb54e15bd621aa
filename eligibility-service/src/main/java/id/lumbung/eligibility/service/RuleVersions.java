package id.lumbung.eligibility.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.lumbung.eligibility.domain.ProgramPeriod;
import id.lumbung.eligibility.domain.ProgramRule;
import id.lumbung.eligibility.mapping.RuleMapper;
import id.lumbung.eligibility.persistence.ProgramEntity;
import id.lumbung.eligibility.persistence.ProgramRuleVersionEntity;
import id.lumbung.eligibility.persistence.RuleSql;
import id.lumbung.eligibility.persistence.WhatIfQueries;
import id.lumbung.eligibility.rest.ProgramApi;
import id.lumbung.platform.id.RegionCode;
import id.lumbung.platform.id.Regions;
import id.lumbung.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The ministry's new rule versions: drafted (validated as the evaluator reads them), tried against the current
 * data (what-if), then published. A published version is never edited; older versions stay readable.
 */
@ApplicationScoped
public class RuleVersions {

    private static final Logger LOG = Logger.getLogger(RuleVersions.class);

    private final RuleCatalog catalog;
    private final WhatIfQueries whatIf;
    private final ObjectMapper json;
    private final Clock clock;

    public RuleVersions(RuleCatalog catalog, WhatIfQueries whatIf, ObjectMapper json, Clock clock) {
        this.catalog = catalog;
        this.whatIf = whatIf;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public ProgramApi.RuleVersionView draft(String code, ProgramApi.RuleVersionRequest request, String actor) {
        ProgramEntity program = ProgramEntity.findById(code, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (program == null) {
            throw ProblemException.notFound("program", code);
        }
        if (request.regionPrefix() != null) {
            Regions.problemWith(request.regionPrefix()).ifPresent(p -> {
                throw ProblemException.invalid("regionPrefix", p);
            });
        }
        var unknown = new java.util.TreeSet<>(request.rules().keySet());
        unknown.removeAll(RULE_KEYS);
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid("rules", "unknown rule keys " + unknown + "; a rule version knows " + RULE_KEYS);
        }
        var rule = rule(code, 0, request.regionPrefix(), request.period(), request.rules());
        try {
            RuleSql.forPeriod(java.util.List.of(rule));
        } catch (UnsupportedOperationException e) {
            throw ProblemException.invalid("rules", e.getMessage());
        }
        var version = new ProgramRuleVersionEntity();
        version.programCode = code;
        version.version = ProgramRuleVersionEntity.ofProgram(code).stream().mapToInt(v -> v.version).max().orElse(0) + 1;
        version.regionPrefix = request.regionPrefix();
        version.period = request.period();
        version.rules = request.rules();
        version.amountPerMonth = request.amountPerMonth();
        version.months = request.months();
        version.lumpSum = request.lumpSum();
        version.note = request.note();
        version.createdBy = actor;
        version.createdAt = clock.instant();
        version.persist();
        LOG.infof("rule version %s %d drafted by %s", code, version.version, actor);
        return id.lumbung.eligibility.mapping.ProgramMapper.ruleVersionView(version);
    }

    @Transactional
    public ProgramApi.WhatIfReport whatIf(String code, int versionNumber, String levelName) {
        var level = level(levelName);
        var draft = draftVersion(code, versionNumber);
        var draftRule = rule(code, draft.version, draft.regionPrefix, draft.period, draft.rules);
        var period = ProgramPeriod.parse(draft.period);
        var published = catalog.published().stream().map(RuleCatalog.PublishedRule::rule)
                .filter(r -> r.programCode().equals(code) && r.period().equals(period)).toList();
        var withDraft = new ArrayList<ProgramRule>(published);
        withDraft.add(draftRule);
        int length = switch (level) {
            case PROVINCE -> 2;
            case REGENCY -> 5;
            case DISTRICT -> 8;
            case VILLAGE -> 13;
        };
        var rows = whatIf.compare(RuleSql.forPeriod(published), RuleSql.forPeriod(withDraft), length);
        var regions = rows.stream().map(r -> new ProgramApi.RegionChange(r.regionCode(), r.eligibleNow(),
                r.eligibleWithDraft(), r.gains(), r.losses())).toList();
        return new ProgramApi.WhatIfReport(code, draft.version, draft.period, draft.regionPrefix, level.name(),
                published.stream().map(ProgramRule::version).sorted().toList(),
                regions.stream().mapToLong(ProgramApi.RegionChange::gains).sum(),
                regions.stream().mapToLong(ProgramApi.RegionChange::losses).sum(), regions);
    }

    @Transactional
    public ProgramApi.RuleVersionView publish(String code, int versionNumber, String actor) {
        var draft = draftVersion(code, versionNumber);
        draft.status = ProgramRuleVersionEntity.PUBLISHED;
        draft.publishedAt = clock.instant();
        LOG.infof("rule version %s %d published by %s", code, versionNumber, actor);
        return id.lumbung.eligibility.mapping.ProgramMapper.ruleVersionView(draft);
    }

    private ProgramRuleVersionEntity draftVersion(String code, int versionNumber) {
        if (ProgramEntity.findById(code) == null) {
            throw ProblemException.notFound("program", code);
        }
        ProgramRuleVersionEntity version = ProgramRuleVersionEntity.find("programCode = ?1 and version = ?2", code,
                versionNumber).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (version == null) {
            throw ProblemException.notFound("rule version", code + " " + versionNumber);
        }
        if (!ProgramRuleVersionEntity.DRAFT.equals(version.status)) {
            throw ProblemException.conflict(code + " rule version " + versionNumber + " is published already");
        }
        return version;
    }

    /** What a rule version may say: the eligibility rules, and PKH's entitlement per component. */
    static final java.util.Set<String> RULE_KEYS = new java.util.TreeSet<>(
            java.util.List.of("desil", "exclusions", "requires", "notCombinedWith", "componentsPerYear"));

    private ProgramRule rule(String code, int version, String regionPrefix, String period, Map<String, Object> rules) {
        try {
            return RuleMapper.rule(code, version, regionPrefix, period, json.valueToTree(rules));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("rules", e.getMessage());
        }
    }

    private static RegionCode.Level level(String name) {
        try {
            return RegionCode.Level.valueOf((name == null ? "REGENCY" : name).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("level", "level must be PROVINCE, REGENCY, DISTRICT or VILLAGE");
        }
    }
}
