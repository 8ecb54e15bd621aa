package id.lumbung.eligibility.events;

import java.util.UUID;

/** Lets other test classes wait for a household to be projected and decided. */
public final class DeterminationFlowTestSupport {

    private DeterminationFlowTestSupport() {
    }

    public static void await(UUID household) {
        DeterminationFlowTest.awaitDeterminations(household, d -> true);
    }
}
