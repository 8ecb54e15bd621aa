package id.lumbung.eligibility.domain;

import id.lumbung.eligibility.domain.policy.IncomeBelowPovertyLine;
import id.lumbung.eligibility.domain.policy.NoOtherAid;
import id.lumbung.eligibility.domain.policy.PkhComponent;
import id.lumbung.eligibility.domain.policy.VulnerableMember;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The conditions a rule version may require, by the name used in its {@code requires} list, with their
 * parameters. A new condition is one policy class and one line here.
 */
public final class RequiredConditions {

    private static final Map<String, Function<Params, EligibilityPolicy>> CONDITIONS = Map.of(
            "VULNERABLE_MEMBER", p -> new VulnerableMember(p.integer("elderlyAge", 60), p.integer("childUnderAge", 6),
                    p.bool("disability", true)),
            "INCOME_BELOW_POVERTY_LINE", p -> new IncomeBelowPovertyLine(p.amount("povertyLinePerCapita")),
            "NO_OTHER_AID", p -> new NoOtherAid(),
            "PKH_COMPONENT", p -> new PkhComponent(p.integer("childUnderAge", 6), p.integer("schoolAgeUntil", 21),
                    p.integer("elderlyAge", 60)));

    private RequiredConditions() {
    }

    public static Set<String> names() {
        return CONDITIONS.keySet();
    }

    /** @throws IllegalArgumentException for an unknown condition or a missing or malformed parameter */
    public static EligibilityPolicy of(String name, Map<String, ?> params) {
        var factory = CONDITIONS.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown condition " + name + "; known: " + new java.util.TreeSet<>(names()));
        }
        return factory.apply(new Params(name, params == null ? Map.of() : params));
    }

    private record Params(String condition, Map<String, ?> values) {

        int integer(String key, int otherwise) {
            Object v = values.get(key);
            if (v == null) {
                return otherwise;
            }
            if (v instanceof Number n && n.doubleValue() == n.intValue()) {
                return n.intValue();
            }
            throw new IllegalArgumentException(condition + "." + key + " must be a whole number");
        }

        long amount(String key) {
            Object v = values.get(key);
            if (v instanceof Number n && n.doubleValue() == n.longValue()) {
                return n.longValue();
            }
            throw new IllegalArgumentException(condition + "." + key + " must be a rupiah amount");
        }

        boolean bool(String key, boolean otherwise) {
            Object v = values.get(key);
            if (v == null) {
                return otherwise;
            }
            if (v instanceof Boolean b) {
                return b;
            }
            throw new IllegalArgumentException(condition + "." + key + " must be true or false");
        }
    }
}
