package id.lumbung.disbursement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import id.lumbung.disbursement.domain.LifeEventPolicy.LifeStatus;
import id.lumbung.disbursement.domain.LifeEventPolicy.MemberLife;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LifeEventPolicyTest {

    static final String RECIPIENT = "3320064107870001";
    static final String HUSBAND = "3320060107850001";
    static final String CHILD = "3320060505100001";

    /** Columns: recipient, husband, child ("-" = not on the KK any more) → reason ("-" = stays payable). */
    @ParameterizedTest(name = "recipient {0}, husband {1}, child {2} → {3}")
    @CsvSource({
            "ALIVE,    ALIVE,    ALIVE,    -",
            "ALIVE,    DECEASED, ALIVE,    -",
            "ALIVE,    MOVED,    MOVED,    -",
            "DECEASED, ALIVE,    ALIVE,    DECEASED",
            "MOVED,    ALIVE,    ALIVE,    MOVED",
            "-,        ALIVE,    ALIVE,    MOVED",
            "DECEASED, DECEASED, DECEASED, DECEASED",
            "-,        DECEASED, DECEASED, DECEASED",
            "-,        DECEASED, MOVED,    MOVED",
            "-,        -,        -,        MOVED",
            "SOMETHING_NEW, ALIVE, ALIVE,  -",
    })
    void blocksWhenTheRecipientOrTheWholeFamilyIsGone(String recipient, String husband, String child, String reason) {
        var members = new ArrayList<MemberLife>();
        add(members, RECIPIENT, recipient);
        add(members, HUSBAND, husband);
        add(members, CHILD, child);
        var result = LifeEventPolicy.blockReason(RECIPIENT, members);
        if ("-".equals(reason)) {
            assertThat(result).isEmpty();
        } else {
            assertThat(result).contains(StatusReason.valueOf(reason));
        }
    }

    @Test
    void departedMembersCanNoLongerActForTheFamily() {
        var members = List.of(new MemberLife(RECIPIENT, LifeStatus.ALIVE), new MemberLife(HUSBAND, LifeStatus.DECEASED),
                new MemberLife(CHILD, LifeStatus.MOVED));
        assertThat(LifeEventPolicy.departed(members)).containsExactlyInAnyOrder(HUSBAND, CHILD);
    }

    private static void add(List<MemberLife> members, String nik, String status) {
        if (!"-".equals(status)) {
            members.add(new MemberLife(nik, LifeStatus.parse(status)));
        }
    }
}
