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
    private final java.time.Clock clock;

    public ChangeLog(EntityManager em, ObjectMapper json, java.time.Clock clock) {
        this.em = em;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String entity, String entityId, String action, String actor, String reason, Object before,
            Object after) {
        try {
            em.createNativeQuery("""
                    insert into change_log (entity, entity_id, action, actor, reason, before_state, after_state, changed_at)
                    values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb), cast(?7 as jsonb), ?8)""")
                    .setParameter(1, entity).setParameter(2, entityId).setParameter(3, action)
                    .setParameter(4, actor).setParameter(5, reason)
                    .setParameter(6, before == null ? null : json.writeValueAsString(before))
                    .setParameter(7, after == null ? null : json.writeValueAsString(after))
                    .setParameter(8, java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC))
                    .executeUpdate();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The state recorded by the last change at or before {@code instant}, as JSON text, if any. */
    public java.util.Optional<String> stateAsOf(String entity, String entityId, java.time.Instant instant) {
        @SuppressWarnings("unchecked")
        java.util.List<Object> rows = em.createNativeQuery("""
                select cast(after_state as text) from change_log
                where entity = ?1 and entity_id = ?2 and changed_at <= ?3 and after_state is not null
                order by changed_at desc, id desc limit 1""")
                .setParameter(1, entity).setParameter(2, entityId)
                .setParameter(3, java.time.OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.UTC))
                .getResultList();
        return rows.stream().findFirst().map(Object::toString);
    }

    /** The history of an entity, newest first. */
    @SuppressWarnings("unchecked")
    public java.util.List<Object[]> history(String entity, String entityId, int limit) {
        return em.createNativeQuery("""
                select id, action, actor, reason, changed_at, cast(before_state as text), cast(after_state as text)
                from change_log where entity = ?1 and entity_id = ?2 order by changed_at desc, id desc limit ?3""")
                .setParameter(1, entity).setParameter(2, entityId).setParameter(3, limit).getResultList();
    }
}
