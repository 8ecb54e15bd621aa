package id.lumbung.registry.dci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lumbung.platform.dci.DciEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code dci_transaction}: every accepted DCI message with its answer, so txn/status can answer later. */
@ApplicationScoped
public class DciTransactions {

    /** A stored transaction: {@code response} is the message part of our answer, null while pending. */
    public record Stored(UUID correlationId, String transactionId, String action, String status, JsonNode response) {
    }

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;

    public DciTransactions(EntityManager em, ObjectMapper json, Clock clock) {
        this.em = em;
        this.json = json;
        this.clock = clock;
    }

    /** Records a received message; false when the sender already used this message id. */
    @Transactional
    public boolean begin(UUID correlationId, DciEnvelope e, String status, boolean callback) {
        var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int inserted = em.createNativeQuery("""
                insert into dci_transaction (correlation_id, transaction_id, message_id, action, sender_id, sender_uri,
                    request, status, callback_status, created_at, updated_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as jsonb), ?8, ?9, ?10, ?10)
                on conflict (sender_id, message_id) do nothing""")
                .setParameter(1, correlationId).setParameter(2, e.transactionId()).setParameter(3, e.messageId())
                .setParameter(4, e.action()).setParameter(5, e.senderId()).setParameter(6, e.senderUri())
                .setParameter(7, write(e.root())).setParameter(8, status).setParameter(9, callback ? "PENDING" : null)
                .setParameter(10, now).executeUpdate();
        return inserted == 1;
    }

    @Transactional
    public void finish(UUID correlationId, JsonNode response, String status) {
        em.createNativeQuery("update dci_transaction set response = cast(?2 as jsonb), status = ?3, updated_at = ?4"
                + " where correlation_id = ?1")
                .setParameter(1, correlationId).setParameter(2, write(response)).setParameter(3, status)
                .setParameter(4, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).executeUpdate();
    }

    @Transactional
    public void callbackAttempt(UUID correlationId, String callbackStatus, String error) {
        em.createNativeQuery("update dci_transaction set callback_status = ?2, callback_attempts = callback_attempts + 1,"
                + " callback_error = ?3, updated_at = ?4 where correlation_id = ?1")
                .setParameter(1, correlationId).setParameter(2, callbackStatus).setParameter(3, error)
                .setParameter(4, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).executeUpdate();
    }

    /**
     * The sender's own transaction named by {@code attribute_type}: the latest with that transaction_id,
     * the one with that correlation_id, or the latest whose search carried one of the reference ids.
     * Status queries themselves are not what is asked about.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public Optional<Stored> find(String senderId, String attributeType, JsonNode value) {
        String select = "select correlation_id, transaction_id, action, status, cast(response as text) from dci_transaction t"
                + " where t.sender_id = ?1 and t.action not in ('txn-status') and ";
        List<Object[]> rows = switch (attributeType) {
            case "transaction_id" -> em.createNativeQuery(select + "t.transaction_id = ?2 order by t.created_at desc limit 1")
                    .setParameter(1, senderId).setParameter(2, value.asText()).getResultList();
            case "correlation_id" -> {
                UUID id;
                try {
                    id = UUID.fromString(value.asText());
                } catch (IllegalArgumentException e) {
                    yield List.of();
                }
                yield em.createNativeQuery(select + "t.correlation_id = ?2").setParameter(1, senderId).setParameter(2, id)
                        .getResultList();
            }
            case "reference_id_list" -> {
                var refs = value.isArray() ? json.convertValue(value, String[].class) : new String[] { value.asText() };
                yield em.createNativeQuery(select + "exists (select 1 from jsonb_array_elements(t.request -> 'message'"
                        + " -> 'search_request') e where e ->> 'reference_id' in (?2)) order by t.created_at desc limit 1")
                        .setParameter(1, senderId).setParameter(2, List.of(refs)).getResultList();
            }
            default -> List.of();
        };
        return rows.stream().findFirst().map(r -> new Stored((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                r[4] == null ? null : read((String) r[4])));
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
