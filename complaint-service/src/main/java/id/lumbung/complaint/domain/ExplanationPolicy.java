package id.lumbung.complaint.domain;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * "Kenapa saya tidak menerima bantuan?": turns the reasons of a determination into plain Indonesian,
 * each with the way out that DOMAIN practice gives (update data through the village, the social office,
 * wait for the next period). The rules are matched on the eligibility reason code, first match wins.
 */
public final class ExplanationPolicy {

    /** A reason as eligibility sends it: a code and the same sentence in Indonesian and English. */
    public record Reason(String code, String id, String en) {
    }

    /** One cause in words and what the family can do about it. */
    public record Cause(String code, String sebab, String solusi) {
    }

    /** A program's answer for the family. */
    public record ProgramAnswer(String programCode, String period, boolean eligible, String ringkasan, List<Cause> causes) {
    }

    private record Rule(String name, Predicate<String> matches, String sebab, String solusi) {
    }

    static final String DEFAULT_SOLUTION = "Datang ke kantor desa/kelurahan atau Dinas Sosial kabupaten/kota dengan KTP dan KK "
            + "untuk pengecekan data terbaru. Layanan ini gratis.";

    private static final List<Rule> RULES = List.of(
            new Rule("NO_DESIL", any("NO_DESIL", "DESIL_MISSING", "WITHOUT_DESIL", "BELUM_ADA_DESIL"),
                    "Keluarga belum memiliki desil di DTSEN.",
                    "Minta operator desa/kelurahan memperbarui data keluarga di DTSEN agar dinilai BPS pada pemeringkatan triwulan berikutnya."),
            new Rule("DESIL", any("DESIL"),
                    "Desil keluarga berada di luar batas program ini.",
                    "Jika keadaan ekonomi keluarga sebenarnya lebih sulit (misalnya desil 6–10 yang tidak sesuai kenyataan), "
                            + "perbarui data keluarga melalui desa/kelurahan agar dinilai ulang."),
            new Rule("QUOTA", any("QUOTA", "KUOTA", "BUDGET"),
                    "Kuota atau anggaran program di wilayah ini sudah terpenuhi.",
                    "Data keluarga tetap tercatat dan dapat dipertimbangkan pada periode berikutnya; tanyakan ke Dinas Sosial kabupaten/kota."),
            new Rule("ANOTHER_PROGRAM", any("ANOTHER_PROGRAM", "OTHER_PROGRAM", "DOUBLE", "ALREADY_RECEIV", "RECEIVES_"),
                    "Keluarga sudah menerima bantuan dari program lain, dan program ini tidak membolehkan bantuan ganda.",
                    "Tidak perlu tindakan. Jika data penerimaan program lain itu keliru, laporkan ke Dinas Sosial kabupaten/kota."),
            new Rule("POPULATION", any("DECEASED", "MOVED", "NO_LIVING", "NOT_FOUND", "DUPLICATE", "DISSOLVED"),
                    "Data kependudukan keluarga tidak sesuai (anggota meninggal, pindah, tidak ditemukan atau NIK ganda).",
                    "Perbaiki data kependudukan di Dukcapil, lalu laporkan ke desa/kelurahan agar data DTSEN diperbarui."),
            new Rule("EXCLUSION", any("EXCLU", "ASN", "TNI", "POLRI", "PENSIUN", "PENDAMPING", "GURU", "APBN", "APBD", "BUMN", "PERANGKAT"),
                    "Ada anggota keluarga dengan status pekerjaan yang dikecualikan dari bantuan (misalnya ASN/TNI/POLRI atau perangkat desa).",
                    "Jika status itu tidak benar atau sudah berubah, ajukan pembaruan data melalui desa/kelurahan dengan bukti, "
                            + "untuk diverifikasi Dinas Sosial kabupaten/kota."));

    private ExplanationPolicy() {
    }

    public static ProgramAnswer explain(String programCode, String period, boolean eligible, List<Reason> reasons) {
        if (eligible) {
            return new ProgramAnswer(programCode, period, true,
                    "Keluarga ditetapkan sebagai penerima " + programCode + " periode " + period + ".", List.of());
        }
        var causes = reasons.stream().map(ExplanationPolicy::cause).toList();
        if (causes.isEmpty()) {
            causes = List.of(new Cause("UNKNOWN", "Alasan belum tercatat.", DEFAULT_SOLUTION));
        }
        String why = causes.stream().map(Cause::sebab).map(s -> s.endsWith(".") ? s.substring(0, s.length() - 1) : s)
                .map(s -> s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1))
                .collect(Collectors.joining("; "));
        return new ProgramAnswer(programCode, period, false,
                "Keluarga tidak ditetapkan sebagai penerima " + programCode + " periode " + period + " karena " + why + ".",
                causes);
    }

    static Cause cause(Reason reason) {
        String code = reason.code() == null ? "" : reason.code().toUpperCase(Locale.ROOT);
        for (var rule : RULES) {
            if (rule.matches().test(code)) {
                // eligibility's own sentence names the exact fact; ours is the fallback
                String sebab = reason.id() != null && !reason.id().isBlank() ? reason.id().strip() : rule.sebab();
                return new Cause(reason.code(), sebab, rule.solusi());
            }
        }
        String sebab = reason.id() != null && !reason.id().isBlank() ? reason.id().strip() : "Alasan: " + reason.code() + ".";
        return new Cause(reason.code(), sebab, DEFAULT_SOLUTION);
    }

    /** A fragment with an underscore matches anywhere; a single word only at the start of one of the code's words. */
    private static Predicate<String> any(String... fragments) {
        return code -> {
            var words = code.split("[^A-Z0-9]+");
            for (var f : fragments) {
                if (f.contains("_") ? code.contains(f) : java.util.Arrays.stream(words).anyMatch(w -> w.startsWith(f))) {
                    return true;
                }
            }
            return false;
        };
    }
}
