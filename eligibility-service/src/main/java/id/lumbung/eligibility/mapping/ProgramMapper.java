package id.lumbung.eligibility.mapping;

import id.lumbung.eligibility.persistence.DeterminationEntity;
import id.lumbung.eligibility.persistence.HouseholdProjectionEntity;
import id.lumbung.eligibility.persistence.ProgramEntity;
import id.lumbung.eligibility.persistence.ProgramRuleVersionEntity;
import id.lumbung.eligibility.rest.DeterminationApi;
import id.lumbung.eligibility.rest.ProgramApi;
import java.util.List;

/** Program, rule version and determination entities to API models. */
public final class ProgramMapper {

    private ProgramMapper() {
    }

    public static ProgramApi.ProgramSummary summary(ProgramEntity p, List<ProgramRuleVersionEntity> published) {
        return new ProgramApi.ProgramSummary(p.code, p.name, p.description, published.stream()
                .map(r -> new ProgramApi.RuleVersionSummary(r.version, r.regionPrefix, r.period, r.amountPerMonth,
                        r.months, r.lumpSum))
                .toList());
    }

    public static ProgramApi.ProgramView view(ProgramEntity p, List<ProgramRuleVersionEntity> versions) {
        return new ProgramApi.ProgramView(p.code, p.name, p.description,
                versions.stream().map(ProgramMapper::ruleVersion).toList());
    }

    public static ProgramApi.RuleVersionView ruleVersionView(ProgramRuleVersionEntity r) {
        return ruleVersion(r);
    }

    static ProgramApi.RuleVersionView ruleVersion(ProgramRuleVersionEntity r) {
        Long total = r.amountPerMonth == null || r.months == null ? null : r.amountPerMonth * r.months;
        return new ProgramApi.RuleVersionView(r.version, r.regionPrefix, r.period, r.status, r.rules, r.amountPerMonth,
                r.months, r.lumpSum, total, r.note, r.createdAt, r.publishedAt);
    }

    public static DeterminationApi.HouseholdDeterminations determinations(HouseholdProjectionEntity h,
            List<DeterminationEntity> determinations) {
        return new DeterminationApi.HouseholdDeterminations(h.householdId, h.villageCode,
                h.desil == null ? null : h.desil.intValue(), h.desilPeriod, h.status, h.registryVersion,
                determinations.stream().map(ProgramMapper::determination).toList());
    }

    static DeterminationApi.DeterminationView determination(DeterminationEntity d) {
        var reasons = d.reasons.stream()
                .map(r -> new DeterminationApi.ReasonView(r.get("code"), r.get("id"), r.get("en"))).toList();
        return new DeterminationApi.DeterminationView(d.programCode, d.period, d.eligible, reasons, d.ruleVersion,
                d.registryVersion, d.determinedAt);
    }
}
