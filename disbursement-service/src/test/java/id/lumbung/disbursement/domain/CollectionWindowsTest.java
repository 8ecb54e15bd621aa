package id.lumbung.disbursement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CollectionWindowsTest {

    private static final CollectionWindows JEPARA = CollectionWindows.bltsKesraJepara2025();

    @Test
    void theJeparaRunOfBltsKesra2025Holds() {
        assertThat(JEPARA.problem()).isEmpty();
        assertThat(JEPARA.counterFrom()).isEqualTo(LocalDate.of(2025, 11, 21));
        assertThat(JEPARA.reconciliationTo()).isEqualTo(LocalDate.of(2025, 12, 11));
    }

    @ParameterizedTest
    @CsvSource({
            "2025-11-26, 2025-11-25, 2025-11-30, 2025-12-08, 2025-12-09, 2025-12-11, COMMUNITY_BEFORE_COUNTER",
            "2025-11-21, 2025-11-30, 2025-11-25, 2025-12-08, 2025-12-09, 2025-12-11, COMMUNITY_RANGE",
            "2025-11-21, 2025-11-25, 2025-11-30, 2025-11-30, 2025-12-09, 2025-12-11, LATE_OVERLAPS_COMMUNITY",
            "2025-11-21, 2025-11-25, 2025-11-30, 2025-12-08, 2025-12-08, 2025-12-11, RECONCILIATION_OVERLAPS_COLLECTION",
            "2025-11-21, 2025-11-25, 2025-11-30, 2025-12-08, 2025-12-11, 2025-12-09, RECONCILIATION_RANGE" })
    void windowsOutOfOrderOrOverlappingAreRefused(LocalDate counter, LocalDate communityFrom, LocalDate communityTo,
            LocalDate late, LocalDate recFrom, LocalDate recTo, String code) {
        var w = new CollectionWindows(counter, communityFrom, communityTo, late, recFrom, recTo);
        assertThat(w.problem()).get().extracting(Refusal::code).isEqualTo(code);
    }

    @Test
    void aMissingDateIsRefused() {
        var w = new CollectionWindows(null, JEPARA.communityFrom(), JEPARA.communityTo(), JEPARA.lateUntil(),
                JEPARA.reconciliationFrom(), JEPARA.reconciliationTo());
        assertThat(w.problem()).get().extracting(Refusal::code).isEqualTo("WINDOW_MISSING");
    }

    @Test
    void postOfficesInviteFromTheCounterDayCommunityPointsAndRoundsOnTheCommunityDays() {
        assertThat(JEPARA.scheduleDays(PayPointKind.POST_OFFICE))
                .isEqualTo(new CollectionWindows.Days(LocalDate.of(2025, 11, 21), 10));
        assertThat(JEPARA.scheduleDays(PayPointKind.COMMUNITY_POINT))
                .isEqualTo(new CollectionWindows.Days(LocalDate.of(2025, 11, 25), 6));
        assertThat(JEPARA.scheduleDays(PayPointKind.DOOR_TO_DOOR))
                .isEqualTo(new CollectionWindows.Days(LocalDate.of(2025, 11, 25), 6));
    }

    @Test
    void collectionEndsAtMidnightWibAfterTheLastLateDay() {
        // 8 Dec 23:59 WIB is 16:59 UTC
        assertThat(JEPARA.collectionOver(Instant.parse("2025-12-08T16:59:59Z"))).isFalse();
        assertThat(JEPARA.collectionOver(Instant.parse("2025-12-08T17:00:00Z"))).isTrue();
        assertThat(JEPARA.withinCollection(Instant.parse("2025-11-20T16:59:59Z"))).isFalse();
        assertThat(JEPARA.withinCollection(Instant.parse("2025-11-20T17:00:00Z"))).isTrue();
        assertThat(JEPARA.inReconciliation(Instant.parse("2025-12-09T01:00:00Z"))).isTrue();
        assertThat(JEPARA.inReconciliation(Instant.parse("2025-12-11T17:00:00Z"))).isFalse();
        assertThat(JEPARA.reconciliationStarted(Instant.parse("2025-12-12T01:00:00Z"))).isTrue();
    }

    @Test
    void slotsSpreadOverTheOpeningHours() {
        assertThat(CollectionWindows.invitedAt(1, 400)).isEqualTo(LocalTime.of(8, 0));
        assertThat(CollectionWindows.invitedAt(51, 400)).isEqualTo(LocalTime.of(9, 0));
        assertThat(CollectionWindows.invitedAt(400, 400)).isEqualTo(LocalTime.of(15, 0));
        assertThat(CollectionWindows.invitedAt(3, 3)).isEqualTo(LocalTime.of(13, 0));
    }
}
