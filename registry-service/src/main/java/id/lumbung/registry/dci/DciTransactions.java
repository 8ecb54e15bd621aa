package id.lumbung.registry.dci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lumbung.platform.dci.DciEnvelope;
import id.lumbung.platform.id.RegionCode;
import id.lumbung.platform.jobs.JobLeases;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
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

    /** The lease an async transaction is held under by the replica that answers it. */
    static final String LEASE = "dci-transaction";

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final JobLeases leases;

    public DciTransactions(EntityManager em, ObjectMapper json, Clock clock, JobLeases leases) {
        this.em = em;
        this.leases = leases;
        this.json = json;
        this.clock = clock;
    }

    /**
     * An async transaction whose answer is still owed: what any replica needs to answer it (the request, the
     * caller's scope, where the answer goes) and the answer itself once it has been worked out.
     */
    public record Pending(UUID correlationId, DciEnvelope envelope, DciScope scope, URI callback, String status,
            JsonNode response) {
    }

    /** Records a received message answered at once; false when the sender already used this message id. */
    @Transactional
    public boolean begin(UUID correlationId, DciEnvelope e, String status) {
        return insert(correlationId, e, status, null, null);
    }

    /**
     * Records a received message to be answered to {@code callback} and leases it to this replica in the same
     * transaction; false when the sender already used this message id.
     */
    @Transactional
    public boolean beginAsync(UUID correlationId, DciEnvelope e, DciScope scope, URI callback) {
        if (!insert(correlationId, e, "pdng", scope, callback)) {
            return false;
        }
        leases.hold(LEASE, correlationId);
        return true;
    }

    private boolean insert(UUID correlationId, DciEnvelope e, String status, DciScope scope, URI callback) {
        var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int inserted = em.createNativeQuery("""
                insert into dci_transaction (correlation_id, transaction_id, message_id, action, sender_id, sender_uri,
                    request, status, callback_status, scope, callback_uri, created_at, updated_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as jsonb), ?8, ?9, cast(?10 as jsonb), ?11, ?12, ?12)
                on conflict (sender_id, message_id) do nothing""")
                .setParameter(1, correlationId).setParameter(2, e.transactionId()).setParameter(3, e.messageId())
                .setParameter(4, e.action()).setParameter(5, e.senderId()).setParameter(6, e.senderUri())
                .setParameter(7, write(e.root())).setParameter(8, status)
                .setParameter(9, callback != null ? "PENDING" : null)
                .setParameter(10, scope == null ? null : write(scopeJson(scope)))
                .setParameter(11, callback == null ? null : callback.toString())
                .setParameter(12, now).executeUpdate();
        return inserted == 1;
    }

    /** The async transactions whose answer has not been delivered or given up yet, oldest first. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Pending> pending(int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                select correlation_id, cast(request as text), cast(scope as text), callback_uri, status, cast(response as text)
                from dci_transaction where callback_status = 'PENDING' order by created_at limit ?1""")
                .setParameter(1, limit).getResultList();
        return rows.stream().map(r -> {
            JsonNode scope = read((String) r[2]);
            var regions = new java.util.ArrayList<RegionCode>();
            scope.path("regions").forEach(code -> regions.add(RegionCode.of(code.asText())));
            return new Pending((UUID) r[0], DciEnvelope.of(read((String) r[1])),
                    new DciScope(scope.path("national").asBoolean(), List.copyOf(regions)), URI.create((String) r[3]),
                    (String) r[4], r[5] == null ? null : read((String) r[5]));
        }).toList();
    }

    private ObjectNode scopeJson(DciScope scope) {
        var node = json.createObjectNode();
        node.put("national", scope.national());
        var regions = node.putArray("regions");
        scope.regions().forEach(r -> regions.add(r.value()));
        return node;
    }

    @Transactional
    public void finish(UUID correlationId, JsonNode response, String status) {
        em.createNativeQuery("update dci_transaction set response = cast(?2 as jsonb), status = ?3, updated_at = ?4"
                + " where correlation_id = ?1")
                .setParameter(1, correlationId).setParameter(2, write(response)).setParameter(3, status)
                .setParameter(4, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).executeUpdate();
    }

    /** One delivery attempt of an async answer; a delivered or given-up answer frees the transaction's lease. */
    @Transactional
    public void callbackAttempt(UUID correlationId, String callbackStatus, String error) {
        if (!"PENDING".equals(callbackStatus)) {
            leases.release(LEASE, correlationId);
        }
        em.createNativeQuery("update dci_transaction set callback_status = ?2, callback_attempts = callback_attempts + 1,"
                + " callback_error = ?3, updated_at = ?4 where correlation_id = ?1")
                .setParameter(1, correlationId).setParameter(2, callbackStatus).setParameter(3, error)
                .setParameter(4, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).executeUpdate();
    }

    /** The actions a {@code txn_type} of a status request asks about ({@code subscibe} as the spec spells it). */
    static List<String> actions(String txnType) {
        return switch (txnType) {
            case "search" -> List.of("search");
            case "subscibe", "subscribe" -> List.of("subscribe", "unsubscribe");
            default -> List.of();
        };
    }

    /**
     * The sender's own transaction of {@code txnType} named by {@code attribute_type}: the latest with that
     * transaction_id, the one with that correlation_id, or the latest whose search carried one of the reference ids.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public Optional<Stored> find(String senderId, String txnType, String attributeType, JsonNode value) {
        var actions = actions(txnType);
        if (actions.isEmpty()) {
            return Optional.empty();
        }
        String select = "select correlation_id, transaction_id, action, status, cast(response as text) from dci_transaction t"
                + " where t.sender_id = ?1 and t.action in (?3) and ";
        List<Object[]> rows = switch (attributeType) {
            case "transaction_id" -> em.createNativeQuery(select + "t.transaction_id = ?2 order by t.created_at desc limit 1")
                    .setParameter(1, senderId).setParameter(2, value.asText()).setParameter(3, actions).getResultList();
            case "correlation_id" -> {
                UUID id;
                try {
                    id = UUID.fromString(value.asText());
                } catch (IllegalArgumentException e) {
                    yield List.of();
                }
                yield em.createNativeQuery(select + "t.correlation_id = ?2").setParameter(1, senderId).setParameter(2, id)
                        .setParameter(3, actions).getResultList();
            }
            case "reference_id_list" -> {
                var refs = value.isArray() ? json.convertValue(value, String[].class) : new String[] { value.asText() };
                yield em.createNativeQuery(select + "exists (select 1 from jsonb_array_elements(coalesce(t.request -> 'message'"
                        + " -> 'search_request', t.request -> 'message' -> 'subscribe_request')) e"
                        + " where e ->> 'reference_id' in (?2)) order by t.created_at desc limit 1")
                        .setParameter(1, senderId).setParameter(2, List.of(refs)).setParameter(3, actions).getResultList();
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
