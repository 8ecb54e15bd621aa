package id.lumbung.disbursement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InvitationCodeAndReturTest {

    private static final Instant T0 = Instant.parse("2025-12-09T01:00:00Z");

    @Test
    void codesAre128RandomBitsInBase32AndNeverRepeat() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 10_000; i++) {
            String code = InvitationCode.random();
            assertThat(code).matches("[A-Z2-7]{26}");
            assertThat(seen.add(code)).isTrue();
        }
        // RFC 4648 test vector
        assertThat(InvitationCode.base32("foobar".getBytes())).isEqualTo("MZXW6YTBOI");
    }

    @Test
    void officersMayTypeCodesInGroupsAndLowerCase() {
        String code = InvitationCode.random();
        assertThat(InvitationCode.normalise(InvitationCode.printed(code).toLowerCase())).contains(code);
        assertThat(InvitationCode.normalise(" " + code.substring(0, 13) + " " + code.substring(13))).contains(code);
        assertThat(InvitationCode.printed("ABCDEFGHIJKLMNOPQRSTUVWXYZ")).isEqualTo("ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "ABC", "ABCDEFGHIJKLMNOPQRSTUVWXY1", "ABCDEFGHIJKLMNOPQRSTUVWXYZA", "ABCDEFGHIJKLMNOPQRSTUVWXY!" })
    void whatCannotBeACodeIsRefusedBeforeAnyLookUp(String typed) {
        assertThat(InvitationCode.normalise(typed)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({ "4500000, 1800000, 2700000, ", "4500000, 1800000, 2699999, TOTALS_DO_NOT_ADD_UP",
            "900000, 900001, 0, TOTALS_DO_NOT_ADD_UP", "0, 0, 0, ", "900000, -1, 900001, NEGATIVE_TOTAL" })
    void plannedIsPaidPlusReturnedToTheRupiah(long planned, long paid, long returned, String code) {
        var problem = Retur.totalsProblem(planned, paid, returned);
        if (code == null) {
            assertThat(problem).isEmpty();
        } else {
            assertThat(problem).get().extracting(Refusal::code).isEqualTo(code);
        }
    }

    @Test
    void closingFailsReadyAndBlockedOrdersAndKeepsTheBlockedReason() {
        var ready = PaymentOrder.ready();
        assertThat(ready.fail(StatusReason.NOT_COLLECTED, T0)).isTrue();
        assertThat(ready.status()).isEqualTo(OrderStatus.FAILED);
        assertThat(ready.reason()).isEqualTo(StatusReason.NOT_COLLECTED);

        var blocked = PaymentOrder.ready();
        blocked.block(StatusReason.MOVED, T0);
        assertThat(blocked.fail(StatusReason.NOT_COLLECTED, T0)).isTrue();
        assertThat(blocked.reason()).isEqualTo(StatusReason.MOVED);

        var paid = PaymentOrder.ready();
        paid.pay(T0);
        assertThat(paid.fail(StatusReason.NOT_FOUND, T0)).isFalse();
        assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void onlyAFailedOrderIsPaidLateOrHasItsDeathConfirmed() {
        var failed = new PaymentOrder(OrderStatus.FAILED, StatusReason.NOT_COLLECTED, T0, null);
        failed.payLate(Instant.parse("2025-12-05T03:00:00Z"), T0);
        assertThat(failed.status()).isEqualTo(OrderStatus.PAID);
        assertThat(failed.reason()).isNull();
        assertThat(failed.paidAt()).isEqualTo(Instant.parse("2025-12-05T03:00:00Z"));
        assertThatThrownBy(() -> failed.payLate(T0, T0)).isInstanceOf(IllegalStateException.class);

        var notCollected = new PaymentOrder(OrderStatus.FAILED, StatusReason.NOT_COLLECTED, T0, null);
        notCollected.confirmDeath(T0);
        assertThat(notCollected.reason()).isEqualTo(StatusReason.DECEASED);
        assertThatThrownBy(() -> PaymentOrder.ready().confirmDeath(T0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> PaymentOrder.ready().payLate(T0, T0)).isInstanceOf(IllegalStateException.class);
    }
}
