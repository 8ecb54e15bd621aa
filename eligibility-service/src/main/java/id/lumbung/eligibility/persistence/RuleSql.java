package id.lumbung.eligibility.persistence;

import id.lumbung.eligibility.domain.EligibilityPolicy;
import id.lumbung.eligibility.domain.EmploymentFact;
import id.lumbung.eligibility.domain.ExclusionGroup;
import id.lumbung.eligibility.domain.ProgramRule;
import id.lumbung.eligibility.domain.Reason;
import id.lumbung.eligibility.domain.policy.ComplaintOutcomes;
import id.lumbung.eligibility.domain.policy.DesilBand;
import id.lumbung.eligibility.domain.policy.EmploymentExclusion;
import id.lumbung.eligibility.domain.policy.HasCountedMembers;
import id.lumbung.eligibility.domain.policy.HouseholdActive;
import id.lumbung.eligibility.domain.policy.IncomeBelowPovertyLine;
import id.lumbung.eligibility.domain.policy.NoOtherAid;
import id.lumbung.eligibility.domain.policy.NotCombinedWith;
import id.lumbung.eligibility.domain.policy.PkhComponent;
import id.lumbung.eligibility.domain.policy.VulnerableMember;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A rule version as one set-based SQL query over the projection: the same policies, in the same order, with the
 * same sentences as {@link id.lumbung.eligibility.domain.ProgramRules#evaluate}, so a batch over a million
 * households gives exactly what the household-by-household evaluation gives. Each policy has its SQL form here;
 * a policy without one is refused before any row is written.
 *
 * <p>The query {@link #decided(String)} yields {@code household_id, village_code, registry_version, reasons}
 * (a jsonb array, empty when eligible) for the households of {@code household_projection h} matching a filter.
 */
public final class RuleSql {

    /** Stands for a per-household value inside a sentence the policy formats. */
    private static final String SLOT = "\u0001";

    private final ProgramRule rule;
    /** the villages this rule decides: its region, less where another rule of the program period wins */
    private final String region;
    private final List<String> memberAggregates = new ArrayList<>();
    private final List<String> reasons = new ArrayList<>();

    private RuleSql(ProgramRule rule, String region) {
        this.rule = rule;
        this.region = region;
        for (var policy : rule.policies()) {
            add(policy);
        }
    }

    public ProgramRule rule() {
        return rule;
    }

    private void add(EligibilityPolicy policy) {
        switch (policy) {
            case HouseholdActive p -> reasons.add("case when h.status <> 'ACTIVE' then " + literal(HouseholdActive.NOT_ACTIVE) + " end");
            case HasCountedMembers p -> reasons.add("case when coalesce(m.counted, 0) = 0 then "
                    + literal(HasCountedMembers.NO_MEMBER_LEFT) + " end");
            case DesilBand p -> reasons.add("case when h.desil is null then " + literal(DesilBand.NO_DESIL_YET)
                    + " when h.desil not between " + p.min() + " and " + p.max() + " then "
                    + filled(p.outside(SLOT), "h.desil::text") + " end");
            case EmploymentExclusion p -> {
                // one reason per status group, in the group order the Java policy gives them
                for (var group : ExclusionGroup.values()) {
                    var facts = p.excluded().stream().filter(f -> f.group() == group).map(EmploymentFact::name)
                            .sorted().toList();
                    if (!facts.isEmpty()) {
                        String column = member("bool_or(pm.employment && " + textArray(facts) + ")");
                        reasons.add("case when " + column + " then " + literal(group.reason()) + " end");
                    }
                }
            }
            case VulnerableMember p -> {
                String column = member("bool_or(pm.age >= " + p.elderlyAge() + " or pm.age < " + p.childUnderAge()
                        + (p.disability() ? " or pm.disability is not null" : "") + ")");
                reasons.add("case when " + column + " is not true then " + literal(p.noneVulnerable()) + " end");
            }
            case PkhComponent p -> {
                String column = member("bool_or(pm.disability is not null or pm.age < " + p.schoolAgeUntil()
                        + " or pm.age >= " + p.elderlyAge() + ")");
                reasons.add("case when " + column + " is not true then " + literal(p.noComponent()) + " end");
            }
            case IncomeBelowPovertyLine p -> reasons.add("case when h.monthly_income is null then "
                    + literal(IncomeBelowPovertyLine.INCOME_NOT_RECORDED)
                    + " when coalesce(m.counted, 0) = 0 then null"
                    + " when h.monthly_income < " + p.povertyLinePerCapita() + "::bigint * m.counted then null"
                    + " else " + literal(p.notBelow()) + " end");
            case NoOtherAid p -> reasons.add("case when aid.other is not null then "
                    + filled(NoOtherAid.receives(SLOT), "array_to_string(aid.other, ', ')") + " end");
            case NotCombinedWith p -> {
                String overlap = "array_to_string(array(select x from unnest(aid.other) x where x = any("
                        + textArray(new TreeSet<>(p.programs())) + ") order by x collate \"C\"), ', ')";
                reasons.add("case when aid.other && " + textArray(new TreeSet<>(p.programs())) + " then "
                        + filled(NotCombinedWith.alreadyReceiving(SLOT), overlap) + " end");
            }
            // cf: the household's complaint findings that hold for this program period (see decided())
            case ComplaintOutcomes p -> {
                reasons.add("case when cf.declined then " + literal(ComplaintOutcomes.DECLINED) + " end");
                reasons.add("case when cf.upheld then " + literal(ComplaintOutcomes.SANGGAH_UPHELD) + " end");
            }
            default -> throw new UnsupportedOperationException(
                    "policy " + policy.getClass().getSimpleName() + " has no set-based form");
        }
    }

    /** Registers an aggregate over the household's counted members; returns its column in {@code m}. */
    private String member(String aggregate) {
        memberAggregates.add(aggregate + " as a" + memberAggregates.size());
        return "m.a" + (memberAggregates.size() - 1);
    }

    /**
     * The decided households among {@code household_projection h} rows matching {@code householdFilter} and the
     * rule's region. The rule's own values are literals: only {@code householdFilter} may carry parameters.
     */
    public String decided(String householdFilter) {
        LocalDate asOf = rule.period().start();
        String period = rule.period().toString();
        String age = age("p.birth_date", asOf);
        String aggregates = memberAggregates.stream().map(a -> ", " + a).collect(Collectors.joining());
        return """
                with hh as (
                    select h.household_id, h.village_code, h.desil, h.status, h.registry_version, h.monthly_income
                    from household_projection h
                    where (%s) and (%s)
                ), pm as (
                    select p.household_id, p.disability, p.employment, %s as age
                    from projection_member p join hh on hh.household_id = p.household_id
                    where p.life_status = 'ALIVE'
                ), m as (
                    select pm.household_id, count(*) as counted%s from pm group by pm.household_id
                ), aid as (
                    select a.household_id, array_agg(a.program_code order by a.program_code collate "C") as other
                    from aid_receipt a join hh on hh.household_id = a.household_id
                    where a.period = '%s' and a.program_code <> '%s'
                    group by a.household_id
                ), cf as (
                    select f.household_id,
                        bool_or(f.kind = 'TOLAK' and f.from_period <= '%s') as declined,
                        bool_or(f.kind = 'SANGGAH' and hh.registry_version <= f.registry_version) as upheld
                    from complaint_finding f join hh on hh.household_id = f.household_id
                    where f.program_code is null or f.program_code = '%s'
                    group by f.household_id
                ), decided as (
                    select h.household_id, h.village_code, h.registry_version,
                        to_jsonb(array_remove(array[%s]::jsonb[], null)) as reasons
                    from hh h left join m on m.household_id = h.household_id
                        left join aid on aid.household_id = h.household_id
                        left join cf on cf.household_id = h.household_id
                )""".formatted(householdFilter, region, age, aggregates, period, rule.programCode(), period,
                rule.programCode(),
                String.join(",\n                        ", reasons));
    }

    /** Completed years on {@code asOf} as {@code java.time.Period} counts them; null when unknown or not yet born. */
    public static String age(String birthDate, LocalDate asOf) {
        return "case when " + birthDate + " is null or " + birthDate + " > date '" + asOf + "' then null else "
                + asOf.getYear() + " - extract(year from " + birthDate + ")::int - case when to_char(" + birthDate
                + ", 'MMDD') > '" + "%02d%02d".formatted(asOf.getMonthValue(), asOf.getDayOfMonth())
                + "' then 1 else 0 end end";
    }

    static String regionFilter(String column, ProgramRule rule, List<ProgramRule> winnersOverIt) {
        var filter = new StringBuilder(rule.regionPrefix().map(p -> within(column, p)).orElse("true"));
        for (var other : winnersOverIt) {
            filter.append(" and not ").append(other.regionPrefix().map(p -> within(column, p)).orElse("true"));
        }
        return filter.toString();
    }

    private static String within(String column, String prefix) {
        return "(" + column + " = '" + prefix + "' or " + column + " like '" + prefix + ".%')";
    }

    /** A reason whose sentences have no per-household part, as a jsonb literal. */
    static String literal(Reason reason) {
        return "jsonb_build_object('code', " + quote(reason.code()) + ", 'id', " + quote(reason.id()) + ", 'en', "
                + quote(reason.en()) + ")";
    }

    /** A reason whose sentences carry {@link #SLOT} where {@code expression} goes. */
    private static String filled(Reason reason, String expression) {
        return "jsonb_build_object('code', " + quote(reason.code()) + ", 'id', " + fill(reason.id(), expression)
                + ", 'en', " + fill(reason.en(), expression) + ")";
    }

    private static String fill(String sentence, String expression) {
        var parts = sentence.split(SLOT, -1);
        if (parts.length != 2) {
            throw new IllegalStateException("a sentence carries its household value exactly once: " + sentence);
        }
        return "(" + quote(parts[0]) + " || " + expression + " || " + quote(parts[1]) + ")";
    }

    static String textArray(java.util.Collection<String> values) {
        return values.stream().map(RuleSql::quote).collect(Collectors.joining(", ", "array[", "]::text[]"));
    }

    static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /**
     * The SQL form of each published rule of one program period, each scoped to the villages where it is the rule
     * that {@code ProgramRules.applicable} chooses: the most specific region, then the highest version.
     *
     * @throws UnsupportedOperationException when a policy of a rule has no set-based form
     */
    public static List<RuleSql> forPeriod(List<ProgramRule> rulesOfProgramPeriod) {
        var result = new ArrayList<RuleSql>();
        for (var rule : rulesOfProgramPeriod) {
            var winners = rulesOfProgramPeriod.stream()
                    .filter(other -> other != rule && beats(other, rule) && overlaps(other, rule)).toList();
            result.add(new RuleSql(rule, regionFilter("h.village_code", rule, winners)));
        }
        return result;
    }

    private static boolean beats(ProgramRule a, ProgramRule b) {
        int sa = a.regionPrefix().map(String::length).orElse(0);
        int sb = b.regionPrefix().map(String::length).orElse(0);
        return sa != sb ? sa > sb : a.version() > b.version();
    }

    private static boolean overlaps(ProgramRule a, ProgramRule b) {
        String pa = a.regionPrefix().orElse("");
        String pb = b.regionPrefix().orElse("");
        return pa.isEmpty() || pb.isEmpty() || (pa + ".").startsWith(pb + ".") || (pb + ".").startsWith(pa + ".");
    }
}
