package id.lumbung.registry.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Writes the change history: who, when, why, old → new, in the transaction of the change. */
@ApplicationScoped
public class ChangeLog {

    private final EntityManager em;
    private final ObjectMapper json;

    public ChangeLog(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String entity, String entityId, String action, String actor, String reason, Object before,
            Object after) {
        try {
            em.createNativeQuery("""
                    insert into change_log (entity, entity_id, action, actor, reason, before_state, after_state)
                    values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb), cast(?7 as jsonb))""")
                    .setParameter(1, entity).setParameter(2, entityId).setParameter(3, action)
                    .setParameter(4, actor).setParameter(5, reason)
                    .setParameter(6, before == null ? null : json.writeValueAsString(before))
                    .setParameter(7, after == null ? null : json.writeValueAsString(after))
                    .executeUpdate();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
