package id.lumbung.complaint.domain;

import static org.assertj.core.api.Assertions.assertThat;

import id.lumbung.platform.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlaPolicyTest {

    static final SlaPolicy SLA = new SlaPolicy(Duration.ofDays(14), Duration.ofDays(3), Duration.ofDays(5), Duration.ofDays(10));
    static final Instant T0 = Instant.parse("2025-11-24T01:00:00Z");

    @Test
    void aSanggahBreachesItsVerificationAfterFourteenDays() {
        var clock = new MutableClock(T0);
        var due = SLA.verifyDue(CaseType.SANGGAH, T0).orElseThrow();
        assertThat(due).isEqualTo(T0.plus(Duration.ofDays(14)));
        clock.advance(Duration.ofDays(13));
        assertThat(SLA.breaches(CaseType.SANGGAH, due, null, null, null, clock.instant())).isEmpty();
        assertThat(SLA.sanggahLapsed(CaseType.SANGGAH, T0, clock.instant())).isFalse();
        clock.advance(Duration.ofDays(2));
        assertThat(SLA.breaches(CaseType.SANGGAH, due, null, null, null, clock.instant()))
                .containsExactly(new SlaPolicy.Breach(SlaPolicy.Rule.SANGGAH_VERIFY, due, null));
        assertThat(SLA.sanggahLapsed(CaseType.SANGGAH, T0, clock.instant())).isTrue();
    }

    @Test
    void anAduanIsVerifiedInThreeDaysAndFollowedUpInFive() {
        var clock = new MutableClock(T0);
        var verifyDue = SLA.verifyDue(CaseType.ADUAN, T0).orElseThrow();
        clock.advance(Duration.ofDays(3));
        assertThat(SLA.breaches(CaseType.ADUAN, verifyDue, null, null, null, clock.instant())).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(SLA.breaches(CaseType.ADUAN, verifyDue, null, null, null, clock.instant()))
                .extracting(SlaPolicy.Breach::rule).containsExactly(SlaPolicy.Rule.ADUAN_VERIFY);

        // verified late: the breach stays on record, met at the verification time
        var verifiedAt = clock.instant();
        var followUpDue = SLA.followUpDue(CaseType.ADUAN, verifiedAt).orElseThrow();
        assertThat(followUpDue).isEqualTo(verifiedAt.plus(Duration.ofDays(5)));
        clock.advance(Duration.ofDays(4));
        assertThat(SLA.breaches(CaseType.ADUAN, verifyDue, verifiedAt, followUpDue, null, clock.instant()))
                .containsExactly(new SlaPolicy.Breach(SlaPolicy.Rule.ADUAN_VERIFY, verifyDue, verifiedAt));
        clock.advance(Duration.ofDays(2));
        assertThat(SLA.breaches(CaseType.ADUAN, verifyDue, verifiedAt, followUpDue, null, clock.instant()))
                .extracting(SlaPolicy.Breach::rule).containsExactly(SlaPolicy.Rule.ADUAN_VERIFY, SlaPolicy.Rule.ADUAN_FOLLOW_UP);
    }

    @Test
    void aCaseHandledInTimeHasNoBreach() {
        var verifyDue = SLA.verifyDue(CaseType.ADUAN, T0).orElseThrow();
        var verifiedAt = T0.plus(Duration.ofDays(1));
        var followUpDue = SLA.followUpDue(CaseType.ADUAN, verifiedAt).orElseThrow();
        var decidedAt = verifiedAt.plus(Duration.ofDays(4));
        assertThat(SLA.breaches(CaseType.ADUAN, verifyDue, verifiedAt, followUpDue, decidedAt, T0.plus(Duration.ofDays(90)))).isEmpty();
    }

    @Test
    void usulAndTolakHaveNoConfiguredServiceLevel() {
        assertThat(SLA.verifyDue(CaseType.USUL, T0)).isEmpty();
        assertThat(SLA.verifyDue(CaseType.TOLAK, T0)).isEmpty();
        assertThat(SLA.followUpDue(CaseType.SANGGAH, T0)).isEmpty();
    }
}
