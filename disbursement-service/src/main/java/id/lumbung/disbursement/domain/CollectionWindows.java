package id.lumbung.disbursement.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The days of a plan's collection, as dates in the region's local time (WIB for Java): the post-office
 * counter opens on {@code counterFrom}; community points run {@code communityFrom}..{@code communityTo};
 * families who have not collected may still come to the sub-district post office until {@code lateUntil};
 * failed payments are reconciled with the villages {@code reconciliationFrom}..{@code reconciliationTo}.
 * Each stage starts after the one before it, so an order is never both collectable and under reconciliation.
 */
public record CollectionWindows(LocalDate counterFrom, LocalDate communityFrom, LocalDate communityTo,
        LocalDate lateUntil, LocalDate reconciliationFrom, LocalDate reconciliationTo) {

    /** Jepara and the rest of Java; regions in WITA or WIT need the plan's own zone. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");

    /** Scheduled visits run from the counter's opening hour for eight hours. */
    public static final LocalTime OPENING = LocalTime.of(8, 0);
    public static final int OPENING_HOURS = 8;

    /** A run of collection days for one kind of pay point. */
    public record Days(LocalDate first, int count) {
    }

    /** BLTS Kesra 2025 through PT Pos in Jepara: the documented example. */
    public static CollectionWindows bltsKesraJepara2025() {
        return new CollectionWindows(LocalDate.of(2025, 11, 21), LocalDate.of(2025, 11, 25), LocalDate.of(2025, 11, 30),
                LocalDate.of(2025, 12, 8), LocalDate.of(2025, 12, 9), LocalDate.of(2025, 12, 11));
    }

    /** Why these windows cannot run the process, or empty when they can. */
    public Optional<Refusal> problem() {
        if (counterFrom == null || communityFrom == null || communityTo == null || lateUntil == null
                || reconciliationFrom == null || reconciliationTo == null) {
            return Optional.of(new Refusal("WINDOW_MISSING", "every window date is required"));
        }
        if (communityFrom.isBefore(counterFrom)) {
            return Optional.of(new Refusal("COMMUNITY_BEFORE_COUNTER",
                    "community points cannot open before the post-office counter"));
        }
        if (communityTo.isBefore(communityFrom)) {
            return Optional.of(new Refusal("COMMUNITY_RANGE", "community points end before they start"));
        }
        if (!lateUntil.isAfter(communityTo)) {
            return Optional.of(new Refusal("LATE_OVERLAPS_COMMUNITY",
                    "late collection at the sub-district post office must run past the last community day"));
        }
        if (!reconciliationFrom.isAfter(lateUntil)) {
            return Optional.of(new Refusal("RECONCILIATION_OVERLAPS_COLLECTION",
                    "reconciliation starts only after late collection has ended"));
        }
        if (reconciliationTo.isBefore(reconciliationFrom)) {
            return Optional.of(new Refusal("RECONCILIATION_RANGE", "reconciliation ends before it starts"));
        }
        return Optional.empty();
    }

    /** The days on which families are invited to a pay point of this kind (late collection is not scheduled). */
    public Days scheduleDays(PayPointKind kind) {
        LocalDate first = kind == PayPointKind.POST_OFFICE ? counterFrom : communityFrom;
        return new Days(first, (int) ChronoUnit.DAYS.between(first, communityTo) + 1);
    }

    /** Whether the last day of late collection is over at this instant. */
    public boolean collectionOver(Instant now) {
        return !now.isBefore(lateUntil.plusDays(1).atStartOfDay(ZONE).toInstant());
    }

    /** Whether a collection (the payment itself) at this instant lies within the collection windows. */
    public boolean withinCollection(Instant at) {
        return !at.isBefore(counterFrom.atStartOfDay(ZONE).toInstant()) && !collectionOver(at);
    }

    public boolean reconciliationStarted(Instant now) {
        return !now.isBefore(reconciliationFrom.atStartOfDay(ZONE).toInstant());
    }

    public boolean inReconciliation(Instant now) {
        return reconciliationStarted(now) && now.isBefore(reconciliationTo.plusDays(1).atStartOfDay(ZONE).toInstant());
    }

    /**
     * The hour a family is invited for: the day's slots spread over the opening hours so that a pay point
     * sees about the same number of families each hour.
     */
    public static LocalTime invitedAt(int slot, int capacityPerDay) {
        long hour = (long) (slot - 1) * OPENING_HOURS / capacityPerDay;
        return OPENING.plusHours(Math.min(hour, OPENING_HOURS - 1));
    }
}
