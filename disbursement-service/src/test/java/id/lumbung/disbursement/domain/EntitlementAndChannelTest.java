package id.lumbung.disbursement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntitlementAndChannelTest {

    @ParameterizedTest(name = "Rp{0} x {1} months → Rp{2} per family, Rp{4} for {3} families")
    @CsvSource({
            "300000, 3,  900000,  35000000, 31500000000000",
            "200000, 12, 2400000, 1,        2400000",
            "1,      1,  1,       0,        0",
    })
    void amountTimesMonthsInWholeRupiah(long perMonth, int months, long perFamily, long families, long total) {
        var entitlement = new Entitlement(perMonth, months, true);
        assertThat(entitlement.perFamily()).isEqualTo(perFamily);
        assertThat(entitlement.plannedTotal(families)).isEqualTo(total);
    }

    @Test
    void nonsenseAndOverflowAreRefusedNotWrapped() {
        assertThatThrownBy(() -> new Entitlement(0, 3, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Entitlement(300000, 0, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Entitlement(-1, 3, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Entitlement(Long.MAX_VALUE / 2, 3, true).perFamily()).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> new Entitlement(300000, 3, true).plannedTotal(Long.MAX_VALUE / 2))
                .isInstanceOf(ArithmeticException.class);
    }

    @ParameterizedTest
    @CsvSource({ "true, BANK", "false, POS" })
    void familiesWithAKksCardArePaidByTheBanks(boolean kksCard, Channel channel) {
        assertThat(Channel.forFamily(kksCard)).isEqualTo(channel);
    }
}
