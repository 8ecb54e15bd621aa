package id.lumbung.complaint.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CaseStateMachineTest {

    static final SlaPolicy SLA = new SlaPolicy(Duration.ofDays(14), Duration.ofDays(3), Duration.ofDays(5), Duration.ofDays(10));
    static final CaseStateMachine MACHINE = new CaseStateMachine(SLA);
    static final Instant SUBMITTED_AT = Instant.parse("2025-11-24T01:00:00Z");
    static final Instant NOW = SUBMITTED_AT.plus(Duration.ofDays(1));

    /** Every transition the machine allows for an aduan at village level, one day after submission. */
    static final Map<CaseStatus, Map<CaseAction, CaseStatus>> ALLOWED = Map.of(
            CaseStatus.SUBMITTED, Map.of(CaseAction.VERIFY, CaseStatus.VERIFYING, CaseAction.ESCALATE, CaseStatus.SUBMITTED,
                    CaseAction.ASSIGN, CaseStatus.SUBMITTED, CaseAction.NOTE, CaseStatus.SUBMITTED),
            CaseStatus.VERIFYING, Map.of(CaseAction.RESOLVE, CaseStatus.RESOLVED, CaseAction.REJECT, CaseStatus.REJECTED,
                    CaseAction.ESCALATE, CaseStatus.VERIFYING, CaseAction.ASSIGN, CaseStatus.VERIFYING,
                    CaseAction.NOTE, CaseStatus.VERIFYING),
            CaseStatus.RESOLVED, Map.of(CaseAction.CLOSE, CaseStatus.CLOSED, CaseAction.APPEAL, CaseStatus.VERIFYING,
                    CaseAction.NOTE, CaseStatus.RESOLVED),
            CaseStatus.REJECTED, Map.of(CaseAction.CLOSE, CaseStatus.CLOSED, CaseAction.APPEAL, CaseStatus.VERIFYING,
                    CaseAction.NOTE, CaseStatus.REJECTED),
            CaseStatus.CLOSED, Map.of(CaseAction.NOTE, CaseStatus.CLOSED),
            CaseStatus.VOID, Map.of(CaseAction.NOTE, CaseStatus.VOID));

    static Stream<Arguments> everyStatusAndAction() {
        return Stream.of(CaseStatus.values())
                .flatMap(s -> Stream.of(CaseAction.values()).map(a -> Arguments.of(s, a)));
    }

    static CaseStateMachine.Facts aduan(CaseStatus status) {
        return new CaseStateMachine.Facts(CaseType.ADUAN, status, HandlingLevel.VILLAGE, SUBMITTED_AT,
                status.decided() ? NOW.minus(Duration.ofHours(1)) : null);
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyStatusAndAction")
    void eachActionIsAllowedExactlyWhereTheTableSays(CaseStatus status, CaseAction action) {
        var decision = MACHINE.decide(aduan(status), action, NOW);
        var expected = ALLOWED.get(status).get(action);
        if (expected != null) {
            assertThat(decision).isInstanceOf(CaseStateMachine.Allowed.class);
            assertThat(((CaseStateMachine.Allowed) decision).to()).isEqualTo(expected);
        } else {
            assertThat(decision).isInstanceOf(CaseStateMachine.Refused.class);
            var refused = (CaseStateMachine.Refused) decision;
            assertThat(refused.reason()).isNotBlank();
            assertThat(refused.allowed()).isEqualTo(ALLOWED.get(status).keySet());
        }
    }

    @Test
    void escalationMovesAnOpenCaseFromTheVillageToTheSocialOfficeOnce() {
        var up = MACHINE.decide(aduan(CaseStatus.VERIFYING), CaseAction.ESCALATE, NOW);
        assertThat(up).isEqualTo(new CaseStateMachine.Allowed(CaseStatus.VERIFYING, HandlingLevel.REGENCY));
        var atRegency = new CaseStateMachine.Facts(CaseType.ADUAN, CaseStatus.VERIFYING, HandlingLevel.REGENCY, SUBMITTED_AT, null);
        var again = MACHINE.decide(atRegency, CaseAction.ESCALATE, NOW);
        assertThat(again).isInstanceOf(CaseStateMachine.Refused.class);
        assertThat(((CaseStateMachine.Refused) again).reason()).contains("already");
    }

    @Test
    void anAppealIsHeardOnlyWithinTheWindow() {
        var decidedAt = SUBMITTED_AT.plus(Duration.ofDays(2));
        var resolved = new CaseStateMachine.Facts(CaseType.SANGGAH, CaseStatus.RESOLVED, HandlingLevel.REGENCY, SUBMITTED_AT, decidedAt);
        assertThat(MACHINE.decide(resolved, CaseAction.APPEAL, decidedAt.plus(Duration.ofDays(10))))
                .isEqualTo(new CaseStateMachine.Allowed(CaseStatus.VERIFYING, HandlingLevel.REGENCY));
        var late = MACHINE.decide(resolved, CaseAction.APPEAL, decidedAt.plus(Duration.ofDays(10)).plusSeconds(1));
        assertThat(late).isInstanceOf(CaseStateMachine.Refused.class);
        assertThat(((CaseStateMachine.Refused) late).reason()).contains("appeal window");
        assertThat(((CaseStateMachine.Refused) late).allowed()).isEqualTo(EnumSet.of(CaseAction.CLOSE, CaseAction.NOTE));
    }

    @Test
    void aSanggahLapsesOnlyAfterFourteenDaysUnverified() {
        var sanggah = new CaseStateMachine.Facts(CaseType.SANGGAH, CaseStatus.SUBMITTED, HandlingLevel.REGENCY, SUBMITTED_AT, null);
        var lastMoment = SUBMITTED_AT.plus(Duration.ofDays(14));
        assertThat(MACHINE.decide(sanggah, CaseAction.VOID, lastMoment)).isInstanceOf(CaseStateMachine.Refused.class);
        assertThat(MACHINE.decide(sanggah, CaseAction.VERIFY, lastMoment)).isInstanceOf(CaseStateMachine.Allowed.class);

        var after = lastMoment.plusSeconds(1);
        assertThat(MACHINE.decide(sanggah, CaseAction.VOID, after))
                .isEqualTo(new CaseStateMachine.Allowed(CaseStatus.VOID, HandlingLevel.REGENCY));
        var verify = MACHINE.decide(sanggah, CaseAction.VERIFY, after);
        assertThat(verify).isInstanceOf(CaseStateMachine.Refused.class);
        assertThat(((CaseStateMachine.Refused) verify).reason()).contains("void");
        assertThat(MACHINE.allowed(sanggah, after)).contains(CaseAction.VOID).doesNotContain(CaseAction.VERIFY);
    }

    @Test
    void onlyAnUnverifiedSanggahLapses() {
        var after = SUBMITTED_AT.plus(Duration.ofDays(30));
        for (var type : Set.of(CaseType.ADUAN, CaseType.USUL, CaseType.TOLAK)) {
            var facts = new CaseStateMachine.Facts(type, CaseStatus.SUBMITTED, HandlingLevel.VILLAGE, SUBMITTED_AT, null);
            assertThat(MACHINE.decide(facts, CaseAction.VOID, after)).as(type.name()).isInstanceOf(CaseStateMachine.Refused.class);
        }
        var verifying = new CaseStateMachine.Facts(CaseType.SANGGAH, CaseStatus.VERIFYING, HandlingLevel.REGENCY, SUBMITTED_AT, null);
        assertThat(MACHINE.decide(verifying, CaseAction.VOID, after)).isInstanceOf(CaseStateMachine.Refused.class);
    }

    @Test
    void aVillageOperatorOnlyAddsNotesOnceTheSocialOfficeHasTheCase() {
        assertThat(ActorLevel.VILLAGE.refusal(HandlingLevel.REGENCY, CaseAction.VERIFY)).contains("social office");
        assertThat(ActorLevel.VILLAGE.refusal(HandlingLevel.REGENCY, CaseAction.NOTE)).isNull();
        assertThat(ActorLevel.VILLAGE.refusal(HandlingLevel.VILLAGE, CaseAction.RESOLVE)).isNull();
        assertThat(ActorLevel.REGENCY.refusal(HandlingLevel.REGENCY, CaseAction.RESOLVE)).isNull();
        assertThat(ActorLevel.NATIONAL.refusal(HandlingLevel.VILLAGE, CaseAction.ESCALATE)).isNull();
    }
}
