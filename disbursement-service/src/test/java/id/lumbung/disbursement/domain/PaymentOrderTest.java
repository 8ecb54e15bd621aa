package id.lumbung.disbursement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaymentOrderTest {

    static final Instant T0 = Instant.parse("2025-11-21T01:00:00Z");
    static final Instant T1 = Instant.parse("2025-11-22T03:00:00Z");

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource({
            "READY,   PAID,    true",
            "READY,   BLOCKED, true",
            "READY,   FAILED,  true",
            "READY,   READY,   false",
            "BLOCKED, FAILED,  true",
            "BLOCKED, PAID,    false",
            "BLOCKED, READY,   false",
            "PAID,    PAID,    false",
            "PAID,    BLOCKED, false",
            "PAID,    FAILED,  false",
            "PAID,    READY,   false",
            "FAILED,  PAID,    false",
            "FAILED,  READY,   false",
    })
    void onlyTheseMovesExist(OrderStatus from, OrderStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    @Test
    void aReadyOrderIsPaidOnceAndStaysPaid() {
        var order = PaymentOrder.ready();
        assertThat(order.refusalToPay()).isEmpty();
        order.pay(T0);
        assertThat(order.status()).isEqualTo(OrderStatus.PAID);
        assertThat(order.paidAt()).isEqualTo(T0);

        assertThat(order.refusalToPay()).get().extracting(Refusal::code).isEqualTo("ALREADY_PAID");
        assertThat(order.refusalToPay().get().message()).contains(T0.toString());
        assertThatThrownBy(() -> order.pay(T1)).isInstanceOf(IllegalStateException.class);
        assertThat(order.block(StatusReason.DECEASED, T1)).as("a paid order is never touched").isFalse();
        assertThat(order.status()).isEqualTo(OrderStatus.PAID);
        assertThat(order.paidAt()).isEqualTo(T0);
    }

    @ParameterizedTest
    @CsvSource({ "DECEASED", "MOVED" })
    void aBlockedOrderIsNeverPaidAndKeepsItsFirstReason(StatusReason reason) {
        var order = PaymentOrder.ready();
        assertThat(order.block(reason, T0)).isTrue();
        assertThat(order.status()).isEqualTo(OrderStatus.BLOCKED);
        assertThat(order.reason()).isEqualTo(reason);

        var refusal = order.refusalToPay();
        assertThat(refusal).get().extracting(Refusal::code).isEqualTo("BLOCKED");
        assertThat(refusal.get().message()).contains(reason.name());
        assertThatThrownBy(() -> order.pay(T1)).isInstanceOf(IllegalStateException.class);

        var other = reason == StatusReason.DECEASED ? StatusReason.MOVED : StatusReason.DECEASED;
        assertThat(order.block(other, T1)).isFalse();
        assertThat(order.reason()).isEqualTo(reason);
        assertThat(order.statusAt()).isEqualTo(T0);
    }

    @Test
    void aFailedOrderIsNotPaidAtTheCounter() {
        var order = new PaymentOrder(OrderStatus.FAILED, null, T0, null);
        assertThat(order.refusalToPay()).get().extracting(Refusal::code).isEqualTo("FAILED");
        assertThatThrownBy(() -> order.pay(T1)).isInstanceOf(IllegalStateException.class);
    }
}
