package id.lumbung.disbursement.domain;

/** Who stands at the counter. */
public enum PresenterRole {
    /** The recipient named on the order (KPM, Keluarga Penerima Manfaat, represented by one person). */
    RECIPIENT,
    /** A proxy from the same KK, who must bring the original KK. */
    KUASA
}
