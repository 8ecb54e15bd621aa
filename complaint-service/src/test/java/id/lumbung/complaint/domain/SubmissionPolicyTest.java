package id.lumbung.complaint.domain;

import static org.assertj.core.api.Assertions.assertThat;

import id.lumbung.platform.id.RegionCode;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SubmissionPolicyTest {

    static final RegionCode VILLAGE = RegionCode.of("33.20.01.2001");
    static final RegionCode NEIGHBOUR = RegionCode.of("33.20.01.2002");
    static final UUID HOUSEHOLD = UUID.randomUUID();

    static SubmissionPolicy.Submission sanggah(boolean anonymous, RegionCode reporterVillage, boolean details) {
        return new SubmissionPolicy.Submission(CaseType.SANGGAH, VILLAGE, HOUSEHOLD, "BLTS_KESRA", anonymous, reporterVillage, details);
    }

    @Test
    void aCompleteSanggahFromTheSameVillagePasses() {
        assertThat(SubmissionPolicy.check(sanggah(false, VILLAGE, true))).isEmpty();
    }

    @Test
    void aSanggahIsOnlyForRecipientsInTheReportersOwnVillage() {
        assertThat(SubmissionPolicy.check(sanggah(false, NEIGHBOUR, true)))
                .extracting(Violation::field).containsExactly("reporter.villageCode");
        assertThat(SubmissionPolicy.check(sanggah(false, null, true)))
                .extracting(Violation::field).containsExactly("reporter.villageCode");
    }

    @Test
    void onlyAnAduanMayBeAnonymous() {
        assertThat(SubmissionPolicy.check(new SubmissionPolicy.Submission(CaseType.ADUAN, VILLAGE, null, null, true, null, false))).isEmpty();
        assertThat(SubmissionPolicy.check(sanggah(true, null, true))).extracting(Violation::field).contains("reporter");
        assertThat(SubmissionPolicy.check(new SubmissionPolicy.Submission(CaseType.USUL, VILLAGE, null, null, true, null, false)))
                .extracting(Violation::field).containsExactly("reporter");
    }

    @Test
    void sanggahAndTolakNameTheHouseholdAndTheProgram() {
        var tolak = new SubmissionPolicy.Submission(CaseType.TOLAK, VILLAGE, null, null, false, VILLAGE, false);
        assertThat(SubmissionPolicy.check(tolak)).extracting(Violation::field).containsExactly("householdId", "programCode");
        var bare = new SubmissionPolicy.Submission(CaseType.SANGGAH, VILLAGE, null, null, false, VILLAGE, false);
        assertThat(SubmissionPolicy.check(bare)).extracting(Violation::field).containsExactly("householdId", "programCode", "sanggah");
    }

    @Test
    void aCaseIsFiledAgainstAVillageAndOnlyASanggahCarriesSanggahDetails() {
        var district = new SubmissionPolicy.Submission(CaseType.ADUAN, RegionCode.of("33.20.01"), null, null, true, null, true);
        assertThat(SubmissionPolicy.check(district)).extracting(Violation::field).containsExactly("villageCode", "sanggah");
    }

    @Test
    void aSanggahTargetMustBeAListedRecipientOfThatVillageWhenEligibilityKnowsIt() {
        assertThat(SubmissionPolicy.checkTarget(CaseType.SANGGAH, VILLAGE, Optional.empty())).isEmpty();
        assertThat(SubmissionPolicy.checkTarget(CaseType.SANGGAH, VILLAGE,
                Optional.of(new SubmissionPolicy.KnownDetermination(VILLAGE.value(), true)))).isEmpty();
        assertThat(SubmissionPolicy.checkTarget(CaseType.SANGGAH, VILLAGE,
                Optional.of(new SubmissionPolicy.KnownDetermination(NEIGHBOUR.value(), true)))).get()
                .extracting(Violation::message).asString().contains("does not live");
        assertThat(SubmissionPolicy.checkTarget(CaseType.SANGGAH, VILLAGE,
                Optional.of(new SubmissionPolicy.KnownDetermination(VILLAGE.value(), false)))).get()
                .extracting(Violation::message).asString().contains("not a listed recipient");
    }

    @Test
    void caseNumbersAreReadable() {
        assertThat(CaseNumber.format(CaseType.SANGGAH, 2025, 123)).isEqualTo("SGH-2025-000123");
        assertThat(CaseNumber.format(CaseType.ADUAN, 2026, 1)).isEqualTo("ADU-2026-000001");
        assertThat(CaseNumber.looksLikeOne("TLK-2025-000007")).isTrue();
        assertThat(CaseNumber.looksLikeOne("XYZ-2025-000007")).isFalse();
        assertThat(CaseNumber.looksLikeOne("SGH-2025-12")).isFalse();
    }
}
