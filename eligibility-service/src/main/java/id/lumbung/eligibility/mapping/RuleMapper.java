package id.lumbung.eligibility.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lumbung.eligibility.domain.EligibilityPolicy;
import id.lumbung.eligibility.domain.EmploymentFact;
import id.lumbung.eligibility.domain.ProgramPeriod;
import id.lumbung.eligibility.domain.ProgramRule;
import id.lumbung.eligibility.domain.RequiredConditions;
import id.lumbung.eligibility.domain.policy.DesilBand;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A rule version's {@code rules} document to the domain rule:
 * <pre>
 * {"desil": {"min": 1, "max": 4},
 *  "exclusions": ["ASN", "TNI", ...],
 *  "requires": [{"condition": "VULNERABLE_MEMBER", "elderlyAge": 60, ...}],
 *  "notCombinedWith": ["PKH", "SEMBAKO"]}
 * </pre>
 * Other members (e.g. PKH's {@code componentsPerYear}) are entitlement data and do not decide eligibility.
 */
public final class RuleMapper {

    private static final ObjectMapper PLAIN = new ObjectMapper();

    private RuleMapper() {
    }

    /** @throws IllegalArgumentException when the document names an unknown fact or condition, or is malformed */
    public static ProgramRule rule(String programCode, int version, String regionPrefix, String period, JsonNode rules) {
        if (rules == null || !rules.isObject()) {
            throw new IllegalArgumentException("rules must be a JSON object");
        }
        Optional<DesilBand> band = Optional.empty();
        var desil = rules.get("desil");
        if (desil != null && !desil.isNull()) {
            if (!desil.path("min").isInt() || !desil.path("max").isInt()) {
                throw new IllegalArgumentException("desil needs whole numbers min and max");
            }
            band = Optional.of(new DesilBand(desil.get("min").intValue(), desil.get("max").intValue()));
        }
        var exclusions = EnumSet.noneOf(EmploymentFact.class);
        for (var fact : list(rules, "exclusions")) {
            exclusions.add(EmploymentFact.parse(fact.asText())
                    .orElseThrow(() -> new IllegalArgumentException("unknown employment fact " + fact.asText())));
        }
        var conditions = new ArrayList<EligibilityPolicy>();
        for (var condition : list(rules, "requires")) {
            if (!condition.path("condition").isTextual()) {
                throw new IllegalArgumentException("every required condition names its condition");
            }
            Map<String, Object> params = new LinkedHashMap<>(PLAIN.convertValue(condition, Map.class));
            params.remove("condition");
            conditions.add(RequiredConditions.of(condition.get("condition").asText(), params));
        }
        var notWith = new TreeSet<String>();
        list(rules, "notCombinedWith").forEach(p -> notWith.add(p.asText()));
        return new ProgramRule(programCode, version, Optional.ofNullable(regionPrefix), ProgramPeriod.parse(period), band,
                exclusions, conditions, notWith);
    }

    private static Iterable<JsonNode> list(JsonNode rules, String field) {
        var node = rules.get(field);
        if (node == null || node.isNull()) {
            return java.util.List.of();
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException(field + " must be a list");
        }
        return node;
    }
}
