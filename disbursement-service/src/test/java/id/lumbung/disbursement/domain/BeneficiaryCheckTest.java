package id.lumbung.disbursement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import id.lumbung.platform.id.RegionCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BeneficiaryCheckTest {

    static final RegionCode JEPARA = RegionCode.of("33.20");

    @ParameterizedTest(name = "{5}")
    @CsvSource(nullValues = "-", value = {
            "7d1f7f64-2f59-4f7e-9d59-6a4c3f4f0a01, 3320060101200001, 33.20.06.1001, 3320064107870001, SITI AMINAH, -",
            "not-a-uuid,                           3320060101200001, 33.20.06.1001, 3320064107870001, SITI AMINAH, INVALID_HOUSEHOLD_ID",
            "7d1f7f64-2f59-4f7e-9d59-6a4c3f4f0a01, 33200601012000,   33.20.06.1001, 3320064107870001, SITI AMINAH, INVALID_NO_KK",
            "7d1f7f64-2f59-4f7e-9d59-6a4c3f4f0a01, 3320060101200001, 33.20.06.1001, 3320069907870001, SITI AMINAH, INVALID_RECIPIENT_NIK",
            "7d1f7f64-2f59-4f7e-9d59-6a4c3f4f0a01, 3320060101200001, 33.20.06.1001, 3320064107870001, ' ',         NO_RECIPIENT_NAME",
            "7d1f7f64-2f59-4f7e-9d59-6a4c3f4f0a01, 3320060101200001, 33.20.06,      3320064107870001, SITI AMINAH, INVALID_VILLAGE",
            "7d1f7f64-2f59-4f7e-9d59-6a4c3f4f0a01, 3320060101200001, 33.21.06.1001, 3320064107870001, SITI AMINAH, OUTSIDE_PLAN_REGION",
    })
    void aFamilyGetsAnOrderOnlyWithIdentifiersThatHold(String householdId, String noKk, String village, String nik,
            String name, String refusal) {
        var result = BeneficiaryCheck.check(new BeneficiaryCheck.Beneficiary(householdId, noKk, village, nik, name), JEPARA);
        if (refusal == null) {
            assertThat(result).isEmpty();
        } else {
            assertThat(result).get().extracting(Refusal::code).isEqualTo(refusal);
        }
    }
}
