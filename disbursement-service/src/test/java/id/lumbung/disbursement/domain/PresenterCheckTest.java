package id.lumbung.disbursement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PresenterCheckTest {

    static final String KK = "3320060101200001";
    static final String OTHER_KK = "3320060101200002";
    static final String RECIPIENT = "3320064107870001";
    static final String HUSBAND = "3320060107850001";
    static final String CHILD = "3320060505100001";
    static final String MOVED_SON = "3320060606050001";
    static final String STRANGER = "3320060808800001";

    static final PresenterCheck.Entitled ORDER = new PresenterCheck.Entitled(RECIPIENT, KK,
            Set.of(RECIPIENT, HUSBAND, CHILD, MOVED_SON), Set.of(MOVED_SON));

    @ParameterizedTest(name = "{0} as {1} with KK {2} → {3}")
    @CsvSource(nullValues = "-", value = {
            // the recipient, with or without the KK
            "RECIPIENT_NIK, RECIPIENT, -,        -",
            "RECIPIENT_NIK, RECIPIENT, OTHER_KK, -",
            // someone else claiming to be the recipient
            "HUSBAND_NIK,   RECIPIENT, KK,       NOT_RECIPIENT",
            "STRANGER_NIK,  RECIPIENT, -,        NOT_RECIPIENT",
            // a kuasa from the same KK, showing it
            "HUSBAND_NIK,   KUASA,     KK,       -",
            "CHILD_NIK,     KUASA,     KK,       -",
            "RECIPIENT_NIK, KUASA,     KK,       -",
            // a kuasa without the KK, with another KK, or from outside the family
            "HUSBAND_NIK,   KUASA,     -,        KK_REQUIRED",
            "HUSBAND_NIK,   KUASA,     OTHER_KK, KK_MISMATCH",
            "STRANGER_NIK,  KUASA,     OTHER_KK, KK_MISMATCH",
            "STRANGER_NIK,  KUASA,     KK,       NOT_A_MEMBER",
            // a member the registry reports as moved out
            "MOVED_NIK,     KUASA,     KK,       MEMBER_DEPARTED",
    })
    void recipientOrKuasaFromTheSameKk(String who, PresenterRole role, String kk, String refusal) {
        var presenter = new PresenterCheck.Presenter(nik(who), role, kk == null ? null : kk.equals("KK") ? KK : OTHER_KK);
        var result = PresenterCheck.check(ORDER, presenter);
        if (refusal == null) {
            assertThat(result).isEmpty();
        } else {
            assertThat(result).get().extracting(Refusal::code).isEqualTo(refusal);
            assertThat(result.get().message()).isNotBlank();
        }
    }

    private static String nik(String who) {
        return switch (who) {
            case "RECIPIENT_NIK" -> RECIPIENT;
            case "HUSBAND_NIK" -> HUSBAND;
            case "CHILD_NIK" -> CHILD;
            case "MOVED_NIK" -> MOVED_SON;
            default -> STRANGER;
        };
    }
}
