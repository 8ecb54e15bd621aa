package id.lumbung.registry.dci;

import id.lumbung.platform.dci.DciEnvelope;
import id.lumbung.platform.dci.DciSignatures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The senders that registered a signing key with the registry ({@code dci_sender}): their messages must be signed. */
@ApplicationScoped
public class DciSenders {

    private final EntityManager em;
    private final Clock clock;
    private final DciConfig config;

    public DciSenders(EntityManager em, Clock clock, DciConfig config) {
        this.em = em;
        this.clock = clock;
        this.config = config;
    }

    /** Refuses a message without a valid signature from a registered sender (from any sender when signatures are required). */
    public void verify(DciEnvelope e) {
        DciSignatures.verify(registeredKey(e.senderId()), e, clock.instant(), config.requireSignatures());
    }

    @SuppressWarnings("unchecked")
    Optional<DciSignatures.SenderKey> registeredKey(String senderId) {
        List<Object[]> rows = em.createNativeQuery("select key_id, public_key_pem from dci_sender where sender_id = ?1")
                .setParameter(1, senderId).getResultList();
        return rows.stream().findFirst()
                .map(r -> DciSignatures.SenderKey.fromPem(senderId, (String) r[0], (String) r[1]));
    }
}
