package id.lumbung.registry.dci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lumbung.platform.audit.AuditLog;
import id.lumbung.platform.dci.DciEnvelope;
import id.lumbung.platform.dci.DciException;
import id.lumbung.platform.dci.DciSpec;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The DCI Social Registry operations: the envelope gate every request passes, sync and async search,
 * transaction status. Each accepted message is stored in {@code dci_transaction} with our answer.
 */
@ApplicationScoped
public class DciRegistry {

    private static final Logger LOG = Logger.getLogger(DciRegistry.class);
    /** The shipped DCI Social Registry spec. */
    static final String SOCIAL_REGISTRY = "dci/social_api_v1.0.0.yaml";
    /** Subscribe, unsubscribe and notify are only in the core registry spec, not in the social registry one. */
    static final String REGISTRY_CORE = "dci/registry_core_api_v1.0.0.yaml";
    private static final DciSpec SPEC = DciSpec.load(SOCIAL_REGISTRY);
    private static final DciSpec CORE = DciSpec.load(REGISTRY_CORE);

    private final DciSearch search;
    private final DciTransactions transactions;
    private final DciSenders senders;
    private final DciCallbacks callbacks;
    private final DciSubscriptions subscriptions;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;
    private final DciConfig config;

    public DciRegistry(DciSearch search, DciTransactions transactions, DciSenders senders, DciCallbacks callbacks,
            DciSubscriptions subscriptions, AuditLog audit, ObjectMapper json, Clock clock, DciConfig config) {
        this.subscriptions = subscriptions;
        this.search = search;
        this.transactions = transactions;
        this.senders = senders;
        this.callbacks = callbacks;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.config = config;
    }

    /**
     * Every check of the envelope, in the order a sender can act on: readable JSON, the action of this
     * endpoint, the shipped spec, protocol version, encryption, sender = token client, receiver = us,
     * signature when the sender's key is registered.
     */
    public DciEnvelope open(String path, String action, String body, String caller) {
        // subscriptions are defined by the core registry spec only
        var e = DciEnvelope.open(json, path.endsWith("subscribe") ? CORE : SPEC, path, action, body, caller, config.registryId());
        senders.verify(e);
        return e;
    }

    public ObjectNode syncSearch(DciEnvelope e, DciScope scope) {
        var correlationId = begin(e, "rcvd", false);
        var message = searchAll(e, scope, correlationId, true);
        String status = status(message);
        transactions.finish(correlationId, message, status);
        var body = json.createObjectNode();
        int items = message.path("search_response").size();
        body.set("header", DciMessages.header(json, clock, config, "on-search", status, e.senderId(), items, items));
        body.set("message", message);
        return body;
    }

    public ObjectNode syncTxnStatus(DciEnvelope e) {
        var correlationId = begin(e, "rcvd", false);
        var message = txnStatus(e, correlationId);
        transactions.finish(correlationId, message, "succ");
        var body = json.createObjectNode();
        body.set("header", DciMessages.header(json, clock, config, "txn-on-status", "succ", e.senderId(), 1, 1));
        body.set("message", message);
        return body;
    }

    /** ACK now; the answer is posted to {@code sender_uri} (the caller's on-search address) as {@code on-search}. */
    public ObjectNode asyncSearch(DciEnvelope e, DciScope scope) {
        URI callback = callbackUri(e);
        var correlationId = begin(e, "pdng", true);
        // the audit entry is written while the caller's token is in hand; the search itself runs later
        audit.record("DCI_SEARCH", "registry", "async " + e.transactionId(),
                "DCI " + e.senderId() + " transaction " + e.transactionId() + " (answer to " + callback.getHost() + ")");
        callbacks.later(() -> {
            var message = searchAll(e, scope, correlationId, false);
            String status = status(message);
            transactions.finish(correlationId, message, status);
            int items = message.path("search_response").size();
            return callbackBody(DciMessages.header(json, clock, config, "on-search", status, e.senderId(), items, items), message);
        }, callback, correlationId);
        return DciMessages.ack(json, clock, "ACK", correlationId.toString(), null);
    }

    /** ACK now; the status is posted to {@code sender_uri} (the caller's on-status address) as {@code txn-on-status}. */
    public ObjectNode asyncTxnStatus(DciEnvelope e) {
        URI callback = callbackUri(e);
        var correlationId = begin(e, "pdng", true);
        var message = txnStatus(e, correlationId);
        transactions.finish(correlationId, message, "succ");
        callbacks.later(() -> callbackBody(DciMessages.header(json, clock, config, "txn-on-status", "succ", e.senderId(), 1, 1),
                message), callback, correlationId);
        return DciMessages.ack(json, clock, "ACK", correlationId.toString(), null);
    }

    /**
     * ACK now; the subscriptions made are posted to {@code sender_uri} (the caller's on-subscribe address)
     * as {@code on-subscribe}. Notifications go to the {@code notify} address beside it.
     */
    public ObjectNode subscribe(DciEnvelope e, DciScope scope) {
        URI callback = callbackUri(e);
        URI notify = callback.resolve("notify");
        var correlationId = begin(e, "pdng", true);
        callbacks.later(() -> {
            var message = subscriptions.subscribe(e, scope, correlationId, notify);
            String status = "rjct";
            int done = 0;
            for (var item : message.path("subscribe_response")) {
                if ("succ".equals(item.path("status").asText())) {
                    status = "succ";
                    done++;
                }
            }
            transactions.finish(correlationId, message, status);
            int items = message.path("subscribe_response").size();
            LOG.infof("DCI %s subscribed %d of %d (notify to %s)", e.senderId(), done, items, notify.getHost());
            return callbackBody(DciMessages.header(json, clock, config, "on-subscribe", status, e.senderId(), items, items), message);
        }, callback, correlationId);
        return DciMessages.ack(json, clock, "ACK", correlationId.toString(), null);
    }

    /** ACK now; the ended subscriptions are posted to {@code sender_uri} as {@code on-unsubscribe}. */
    public ObjectNode unsubscribe(DciEnvelope e) {
        URI callback = callbackUri(e);
        var correlationId = begin(e, "pdng", true);
        callbacks.later(() -> {
            var message = subscriptions.unsubscribe(e, correlationId);
            String status = message.path("status").asText();
            transactions.finish(correlationId, message, status);
            int items = message.path("subscription_status").size();
            return callbackBody(DciMessages.header(json, clock, config, "on-unsubscribe", status, e.senderId(), items, items), message);
        }, callback, correlationId);
        return DciMessages.ack(json, clock, "ACK", correlationId.toString(), null);
    }

    private ObjectNode callbackBody(ObjectNode header, JsonNode message) {
        var body = json.createObjectNode();
        body.set("header", header);
        body.set("message", message);
        return body;
    }

    private UUID begin(DciEnvelope e, String status, boolean callback) {
        var correlationId = UUID.randomUUID();
        if (!transactions.begin(correlationId, e, status, callback)) {
            throw new DciException(DciException.Code.REQUEST_BAD, "rjct.message_id.duplicate",
                    "message_id " + e.messageId() + " was already received from " + e.senderId());
        }
        return correlationId;
    }

    private ObjectNode searchAll(DciEnvelope e, DciScope scope, UUID correlationId, boolean auditNow) {
        var message = json.createObjectNode();
        message.put("transaction_id", e.transactionId());
        message.put("correlation_id", correlationId.toString());
        var items = message.putArray("search_response");
        for (var request : e.message().path("search_request")) {
            var outcome = search.run(request, scope);
            items.add(outcome.item());
            if (auditNow) {
                audit.record("DCI_SEARCH", "registry", outcome.described(), "DCI " + e.senderId() + " transaction "
                        + e.transactionId() + " reference " + request.path("reference_id").asText() + ": "
                        + outcome.records() + " records");
            }
        }
        return message;
    }

    private static String status(JsonNode message) {
        for (var item : message.path("search_response")) {
            if ("succ".equals(item.path("status").asText())) {
                return "succ";
            }
        }
        return "rjct";
    }

    private ObjectNode txnStatus(DciEnvelope e, UUID correlationId) {
        JsonNode request = e.message().path("txnstatus_request");
        String type = request.path("attribute_type").asText();
        var stored = transactions.find(e.senderId(), type, request.path("attribute_value"))
                .orElseThrow(() -> new DciException(DciException.Code.REQUEST_NOT_FOUND,
                        "no transaction of yours with " + type + " " + request.path("attribute_value")));
        audit.record("DCI_TXN_STATUS", "dci_transaction", stored.correlationId().toString(),
                "DCI " + e.senderId() + " asked the status of transaction " + stored.transactionId());
        var message = json.createObjectNode();
        message.put("transaction_id", e.transactionId());
        message.put("correlation_id", correlationId.toString());
        var response = message.putObject("txnstatus_response");
        response.put("txn_type", "search");
        if (stored.response() != null) {
            response.set("txn_status", stored.response());
        } else {
            // still pending: the transaction is known, its answer not yet
            var pending = response.putObject("txn_status");
            pending.put("transaction_id", stored.transactionId());
            pending.put("correlation_id", stored.correlationId().toString());
            pending.putArray("search_response");
        }
        LOG.debugf("txn status %s for %s: %s", stored.correlationId(), e.senderId(), stored.status());
        return message;
    }

    private URI callbackUri(DciEnvelope e) {
        var client = config.clients().get(e.senderId());
        return CallbackTargets.choose(e.senderUri(), client == null ? java.util.Optional.empty() : client.callbackUri(),
                config.callback().allowPrivateAddresses());
    }

}
