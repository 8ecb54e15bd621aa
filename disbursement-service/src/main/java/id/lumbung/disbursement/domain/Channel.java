package id.lumbung.disbursement.domain;

/** How a family receives its money. */
public enum Channel {
    /** State banks (Himbara), onto the family's KKS (Kartu Keluarga Sejahtera) card. */
    BANK,
    /** PT Pos: counter, community point or door to door. */
    POS;

    /** Families holding a KKS card are paid by the banks; every other family through the Pos. */
    public static Channel forFamily(boolean kksCard) {
        return kksCard ? BANK : POS;
    }
}
