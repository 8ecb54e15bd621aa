package id.lumbung.platform.security;

/** The roles a Lumbung token can carry. */
public final class Roles {

    /** Village operator: enters and proposes data for its own village. */
    public static final String OPERATOR_DESA = "operator-desa";
    /** Dinas Sosial: the regency/city social office, verifies within its regency. */
    public static final String DINSOS = "dinsos";
    /** Kementerian Sosial: the ministry, national scope. */
    public static final String KEMENSOS = "kemensos";
    /** Pay officer at a post office or bank counter. */
    public static final String PETUGAS_BAYAR = "petugas-bayar";
    /** Another government system calling machine-to-machine. */
    public static final String INTEGRATOR = "integrator";
    /** Read-only oversight. */
    public static final String AUDITOR = "auditor";

    /** Token claim listing the region-code prefixes the caller may act on. */
    public static final String REGIONS_CLAIM = "regions";

    private Roles() {
    }
}
