package id.lumbung.eligibility.domain;

/**
 * One small named rule of a program: looks at a household in the circumstances of a program period and
 * says eligible or gives its reason. A program's rule version is a list of these.
 */
@FunctionalInterface
public interface EligibilityPolicy {

    Verdict check(Household household, Circumstances circumstances);
}
