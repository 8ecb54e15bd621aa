package id.lumbung.eligibility.domain;

import java.util.Optional;

/**
 * Employment facts the registry records about a person, as far as program exclusions ask for them. Each
 * belongs to the exclusion group a reason names ("keluarga ASN/TNI/POLRI").
 */
public enum EmploymentFact {
    /** Aparatur Sipil Negara: civil servant. */
    ASN(ExclusionGroup.ASN_TNI_POLRI),
    /** Tentara Nasional Indonesia: military. */
    TNI(ExclusionGroup.ASN_TNI_POLRI),
    /** Kepolisian Negara Republik Indonesia: police. */
    POLRI(ExclusionGroup.ASN_TNI_POLRI),
    PENSIUNAN_ASN(ExclusionGroup.PENSIUNAN_ASN_TNI_POLRI),
    PENSIUNAN_TNI(ExclusionGroup.PENSIUNAN_ASN_TNI_POLRI),
    PENSIUNAN_POLRI(ExclusionGroup.PENSIUNAN_ASN_TNI_POLRI),
    /** Social facilitator, e.g. of PKH. */
    PENDAMPING_SOSIAL(ExclusionGroup.PENDAMPING_SOSIAL),
    GURU_BERSERTIFIKAT(ExclusionGroup.GURU_BERSERTIFIKAT),
    /** Routine income from the national or regional budget. */
    PENGHASILAN_APBN_APBD(ExclusionGroup.PENGHASILAN_APBN_APBD),
    /** Employee of a state-owned company (BUMN/BUMD). */
    PEGAWAI_BUMN(ExclusionGroup.PEGAWAI_BUMN),
    /** Village official or village council (BPD) member. */
    PERANGKAT_DESA(ExclusionGroup.PERANGKAT_DESA);

    private final ExclusionGroup group;

    EmploymentFact(ExclusionGroup group) {
        this.group = group;
    }

    public ExclusionGroup group() {
        return group;
    }

    public static Optional<EmploymentFact> parse(String name) {
        try {
            return Optional.of(valueOf(name));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
