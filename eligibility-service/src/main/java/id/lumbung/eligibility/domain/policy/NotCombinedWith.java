package id.lumbung.eligibility.domain.policy;

import id.lumbung.eligibility.domain.Circumstances;
import id.lumbung.eligibility.domain.EligibilityPolicy;
import id.lumbung.eligibility.domain.Household;
import id.lumbung.eligibility.domain.Reason;
import id.lumbung.eligibility.domain.Verdict;
import java.util.Set;
import java.util.TreeSet;

/** No double aid: the family must not already receive any of the listed programs in the period. */
public record NotCombinedWith(Set<String> programs) implements EligibilityPolicy {

    public NotCombinedWith {
        programs = Set.copyOf(programs);
    }

    @Override
    public Verdict check(Household household, Circumstances circumstances) {
        var overlap = new TreeSet<>(circumstances.otherAid());
        overlap.retainAll(programs);
        if (overlap.isEmpty()) {
            return Verdict.ELIGIBLE;
        }
        return Verdict.notEligible(alreadyReceiving(String.join(", ", overlap)));
    }

    /** @param names the overlapping programs, comma-separated in code order */
    public static Reason alreadyReceiving(String names) {
        return new Reason("ALREADY_RECEIVING",
                "Keluarga sudah menerima %s; program ini tidak boleh diterima bersamaan dengan bantuan tersebut.".formatted(names),
                "The family already receives %s; this program may not be combined with it.".formatted(names));
    }
}
