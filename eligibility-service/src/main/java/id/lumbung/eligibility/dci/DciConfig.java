package id.lumbung.eligibility.dci;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The eligibility service's side of DCI: it answers as the Integrated Beneficiary Registry (IBR). */
@ConfigMapping(prefix = "lumbung.dci")
public interface DciConfig {

    /** Our id as DCI {@code receiver_id} in requests and {@code sender_id} in answers. */
    @WithDefault("ibr.lumbung.id")
    String ibrId();

    /**
     * Every sender must have registered a signing key and sign every message ({@code LUMBUNG_DCI_REQUIRE_SIGNATURES});
     * otherwise only the senders with a registered key must.
     */
    @WithDefault("false")
    boolean requireSignatures();

    /** The largest page of enrolment changes a search may ask for. */
    @WithDefault("1000")
    int maxPageSize();
}
