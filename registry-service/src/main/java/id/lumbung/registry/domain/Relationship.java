package id.lumbung.registry.domain;

/** Hubungan dalam keluarga: a member's relationship to the head of the family, as on the KK. */
public enum Relationship {
    KEPALA_KELUARGA,
    SUAMI,
    ISTRI,
    ANAK,
    MENANTU,
    CUCU,
    ORANG_TUA,
    MERTUA,
    FAMILI_LAIN,
    LAINNYA
}
