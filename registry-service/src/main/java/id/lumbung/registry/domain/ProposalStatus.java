package id.lumbung.registry.domain;

import java.util.Map;
import java.util.Set;

/**
 * Where an usulan stands: submitted by the village, verified in the field by Dinsos, then approved (and
 * applied) or rejected. Approval needs a field check that found the data as proposed.
 */
public enum ProposalStatus {
    SUBMITTED, VERIFIED, APPROVED, REJECTED;

    private static final Map<ProposalStatus, Set<ProposalStatus>> NEXT = Map.of(
            SUBMITTED, Set.of(VERIFIED, REJECTED),
            VERIFIED, Set.of(APPROVED, REJECTED),
            APPROVED, Set.of(),
            REJECTED, Set.of());

    public boolean canMoveTo(ProposalStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Why an approval is refused, or null when it may go ahead. */
    public static String approvalRefusal(ProposalStatus current, String fieldCheckResult) {
        if (current != VERIFIED) {
            return "a proposal is approved only after the field check (it is " + current + ")";
        }
        if (!"SESUAI".equals(fieldCheckResult)) {
            return "the field check did not confirm the proposed data; reject it instead";
        }
        return null;
    }
}
