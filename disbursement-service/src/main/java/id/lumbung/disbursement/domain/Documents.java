package id.lumbung.disbursement.domain;

import java.util.List;

/** What a family brings to collect: the recipient their e-KTP and/or the original KK; a kuasa always the KK. */
public final class Documents {

    private Documents() {
    }

    public static List<String> toBring() {
        return List.of(
                "Undangan ini",
                "e-KTP penerima dan/atau Kartu Keluarga (KK) asli",
                "Kuasa (anggota KK yang sama) wajib membawa KK asli dan e-KTP kuasa");
    }
}
