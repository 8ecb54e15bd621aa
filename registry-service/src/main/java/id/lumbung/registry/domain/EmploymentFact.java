package id.lumbung.registry.domain;

/** Employment facts about a person that program exclusion rules ask for. */
public enum EmploymentFact {
    /** Aparatur Sipil Negara: civil servant. */
    ASN,
    /** Tentara Nasional Indonesia: military. */
    TNI,
    /** Kepolisian Negara Republik Indonesia: police. */
    POLRI,
    PENSIUNAN_ASN,
    PENSIUNAN_TNI,
    PENSIUNAN_POLRI,
    /** Social facilitator, e.g. of PKH. */
    PENDAMPING_SOSIAL,
    GURU_BERSERTIFIKAT,
    /** Routine income from the national or regional budget. */
    PENGHASILAN_APBN_APBD,
    /** Employee of a state-owned company (BUMN/BUMD). */
    PEGAWAI_BUMN,
    /** Village official or village council (BPD) member. */
    PERANGKAT_DESA
}
