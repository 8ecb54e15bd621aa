package id.lumbung.complaint.domain;

import java.util.Optional;

/**
 * The four kinds of case, with what distinguishes them as data so that a new kind is one more constant.
 * <ul>
 * <li>{@code ADUAN}: a complaint ("I feel eligible but receive nothing", "my payment did not arrive").</li>
 * <li>{@code USUL}: a proposal (usulan) to add a family as a recipient.</li>
 * <li>{@code SANGGAH}: a dispute that a listed recipient in the complainant's own village is eligible.</li>
 * <li>{@code TOLAK}: tolak/mundur, a recipient declines aid (e.g. "sudah berdaya", now self-sufficient).</li>
 * </ul>
 */
public enum CaseType {
    ADUAN("ADU", true, false, HandlingLevel.VILLAGE, null),
    USUL("USL", false, false, HandlingLevel.VILLAGE, Outcome.USUL_ACCEPTED),
    // The regency/city social office verifies a sanggah (Cek Bansos), so it goes there directly.
    SANGGAH("SGH", false, true, HandlingLevel.REGENCY, Outcome.SANGGAH_UPHELD),
    TOLAK("TLK", false, true, HandlingLevel.VILLAGE, Outcome.TOLAK_ACCEPTED);

    private final String prefix;
    private final boolean anonymousAllowed;
    private final boolean householdRequired;
    private final HandlingLevel firstLevel;
    private final Outcome outcomeWhenResolved;

    CaseType(String prefix, boolean anonymousAllowed, boolean householdRequired, HandlingLevel firstLevel,
            Outcome outcomeWhenResolved) {
        this.prefix = prefix;
        this.anonymousAllowed = anonymousAllowed;
        this.householdRequired = householdRequired;
        this.firstLevel = firstLevel;
        this.outcomeWhenResolved = outcomeWhenResolved;
    }

    /** Case-number prefix: {@code SGH-2025-000123}. */
    public String prefix() {
        return prefix;
    }

    public boolean anonymousAllowed() {
        return anonymousAllowed;
    }

    public boolean householdRequired() {
        return householdRequired;
    }

    /** The team level a new case of this kind is routed to. */
    public HandlingLevel firstLevel() {
        return firstLevel;
    }

    /** The outcome other services act on when a case of this kind is resolved in the reporter's favour. */
    public Optional<Outcome> outcomeWhenResolved() {
        return Optional.ofNullable(outcomeWhenResolved);
    }
}
