package id.lumbung.eligibility.domain;

/** How an exclusion is named to the family: by the status, as SIKS-NG shows it, never by the member. */
public enum ExclusionGroup {
    ASN_TNI_POLRI("keluarga ASN/TNI/POLRI",
            "a family with a civil servant, soldier or police officer (ASN/TNI/POLRI)"),
    PENSIUNAN_ASN_TNI_POLRI("keluarga pensiunan ASN/TNI/POLRI",
            "a family with a retired civil servant, soldier or police officer"),
    PENDAMPING_SOSIAL("keluarga pendamping sosial", "a family with a social facilitator (pendamping sosial)"),
    GURU_BERSERTIFIKAT("keluarga guru bersertifikat", "a family with a certified teacher"),
    PENGHASILAN_APBN_APBD("keluarga berpenghasilan tetap dari APBN/APBD",
            "a family with routine income from the national or regional budget (APBN/APBD)"),
    PEGAWAI_BUMN("keluarga pegawai BUMN/BUMD", "a family with a state-company employee (BUMN/BUMD)"),
    PERANGKAT_DESA("keluarga perangkat desa atau anggota BPD",
            "a family with a village official or village council (BPD) member");

    private final String indonesian;
    private final String english;

    ExclusionGroup(String indonesian, String english) {
        this.indonesian = indonesian;
        this.english = english;
    }

    public Reason reason() {
        return new Reason("EXCLUDED_" + name(),
                "Tidak memenuhi syarat: " + indonesian + " dikecualikan dari program ini.",
                "Not eligible: " + english + " is excluded from this program.");
    }
}
