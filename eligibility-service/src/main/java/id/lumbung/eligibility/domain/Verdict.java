package id.lumbung.eligibility.domain;

import java.util.List;

/** What one policy says about one household: eligible, or not with its reasons. */
public sealed interface Verdict {

    Verdict ELIGIBLE = new Eligible();

    record Eligible() implements Verdict {
        @Override
        public List<Reason> reasons() {
            return List.of();
        }
    }

    record NotEligible(List<Reason> reasons) implements Verdict {
        public NotEligible {
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("a refusal needs at least one reason");
            }
            reasons = List.copyOf(reasons);
        }
    }

    static Verdict notEligible(Reason reason) {
        return new NotEligible(List.of(reason));
    }

    static Verdict of(List<Reason> reasons) {
        return reasons.isEmpty() ? ELIGIBLE : new NotEligible(reasons);
    }

    List<Reason> reasons();

    default boolean eligible() {
        return this instanceof Eligible;
    }
}
