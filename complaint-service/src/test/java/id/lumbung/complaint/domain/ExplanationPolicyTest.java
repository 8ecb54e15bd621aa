package id.lumbung.complaint.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ExplanationPolicyTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "NO_DESIL             | operator desa/kelurahan memperbarui data",
            "DESIL_OUT_OF_BAND    | melalui desa/kelurahan agar dinilai ulang",
            "QUOTA_EXCEEDED       | periode berikutnya",
            "RECEIVES_PKH         | Tidak perlu tindakan",
            "MEMBER_DECEASED      | Dukcapil",
            "EXCLUDED_ASN         | Dinas Sosial",
            "SOMETHING_NEW        | KTP dan KK",
    })
    void everyReasonComesWithAWayOut(String code, String solutionFragment) {
        var cause = ExplanationPolicy.cause(new ExplanationPolicy.Reason(code, null, null));
        assertThat(cause.solusi()).contains(solutionFragment);
        assertThat(cause.sebab()).isNotBlank();
    }

    @Test
    void eligibilitysOwnSentenceIsKeptAsTheCause() {
        var answer = ExplanationPolicy.explain("BLTS_KESRA", "2025-Q4", false, List.of(
                new ExplanationPolicy.Reason("DESIL_OUT_OF_BAND", "Desil keluarga 7, program untuk desil 1–4.", "Desil 7, program is for 1-4.")));
        assertThat(answer.eligible()).isFalse();
        assertThat(answer.ringkasan()).isEqualTo(
                "Keluarga tidak ditetapkan sebagai penerima BLTS_KESRA periode 2025-Q4 karena desil keluarga 7, program untuk desil 1–4.");
        assertThat(answer.causes()).singleElement().satisfies(c -> {
            assertThat(c.sebab()).isEqualTo("Desil keluarga 7, program untuk desil 1–4.");
            assertThat(c.solusi()).contains("desa/kelurahan");
        });
    }

    @Test
    void aRecipientIsToldSo() {
        var answer = ExplanationPolicy.explain("PKH", "2025-Q4", true, List.of());
        assertThat(answer.ringkasan()).startsWith("Keluarga ditetapkan sebagai penerima PKH");
        assertThat(answer.causes()).isEmpty();
    }
}
