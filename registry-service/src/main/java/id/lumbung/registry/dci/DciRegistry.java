package id.lumbung.registry.dci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lumbung.platform.audit.AuditLog;
import id.lumbung.platform.dci.DciEnvelope;
import id.lumbung.platform.dci.DciException;
import id.lumbung.platform.dci.DciSpec;
import id.lumbung.platform.jobs.JobLeases;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
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
    private final JobLeases leases;

    public DciRegistry(DciSearch search, DciTransactions transactions, DciSenders senders, DciCallbacks callbacks,
            DciSubscriptions subscriptions, AuditLog audit, ObjectMapper json, Clock clock, DciConfig config, JobLeases leases) {
        this.leases = leases;
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
        var correlationId = begin(e);
        var message = searchAll(e, scope, correlationId, true);
        String status = status(message);
        transactions.finish(correlationId, message, status);
        var body = json.createObjectNode();
        int items = message.path("search_response").size();
        body.set("header", DciMessages.header(json, clock, config, "on-search", status, e.senderId(), items, items));
        body.set("message", message);
        return body;
    }

    /** The status of an earlier transaction; one the caller does not have is answered with status rjct. */
    public ObjectNode syncTxnStatus(DciEnvelope e) {
        var correlationId = begin(e);
        try {
            var message = txnStatus(e, correlationId, true);
            transactions.finish(correlationId, message, "succ");
            return callbackBody(DciMessages.header(json, clock, config, "txn-on-status", "succ", e.senderId(), 1, 1), message);
        } catch (DciException notFound) {
            var body = DciMessages.syncError(json, clock, config, "txn-on-status", e.senderId(), notFound);
            transactions.finish(correlationId, body.get("header"), "rjct");
            return body;
        }
    }

    /** ACK now; the answer is posted to {@code sender_uri} (the caller's on-search address) as {@code on-search}. */
    public ObjectNode asyncSearch(DciEnvelope e, DciScope scope) {
        return accept(e, scope);
    }

    /** ACK now; the status is posted to {@code sender_uri} (the caller's on-status address) as {@code txn-on-status}. */
    public ObjectNode asyncTxnStatus(DciEnvelope e) {
        return accept(e, NO_SCOPE);
    }

    /**
     * ACK now; the subscriptions made are posted to {@code sender_uri} (the caller's on-subscribe address)
     * as {@code on-subscribe}. Notifications go to the {@code notify} address beside it.
     */
    public ObjectNode subscribe(DciEnvelope e, DciScope scope) {
        return accept(e, scope);
    }

    /** ACK now; the ended subscriptions are posted to {@code sender_uri} as {@code on-unsubscribe}. */
    public ObjectNode unsubscribe(DciEnvelope e) {
        return accept(e, NO_SCOPE);
    }

    /**
     * An async message: recorded and leased to this replica, acknowledged, then answered to its callback address
     * by {@link #answer}. Should this replica stop first, another one answers it ({@link #recover}).
     */
    private ObjectNode accept(DciEnvelope e, DciScope scope) {
        URI callback = callbackUri(e);
        var correlationId = UUID.randomUUID();
        if (!transactions.beginAsync(correlationId, e, scope, callback)) {
            throw duplicate(e);
        }
        // the audit entry is written while the caller's token is in hand; the work itself runs later
        if ("search".equals(e.action())) {
            audit.record("DCI_SEARCH", "registry", "async " + e.transactionId(),
                    "DCI " + e.senderId() + " transaction " + e.transactionId() + " (answer to " + callback.getHost() + ")");
        } else if ("txn-status".equals(e.action())) {
            var asked = e.message().path("txnstatus_request");
            audit.record("DCI_TXN_STATUS", "dci_transaction", id.lumbung.platform.dci.DciMessages.limit(asked.path("attribute_value").toString()),
                    "DCI " + e.senderId() + " asked the status of its " + asked.path("txn_type").asText() + " transaction with "
                            + asked.path("attribute_type").asText() + " (answer to " + callback.getHost() + ")");
        }
        callbacks.later(() -> answer(correlationId, e, scope, callback), callback, correlationId);
        return DciMessages.ack(json, clock, "ACK", correlationId.toString(), null);
    }

    /** Status queries and unsubscriptions search nothing: no region scope is kept for them. */
    private static final DciScope NO_SCOPE = new DciScope(false, java.util.List.of());

    /**
     * Works out the answer of an acknowledged message and stores it with its status; the callback body is
     * returned. What fails after the ACK is answered too: the header with status rjct and the error, so that the
     * sender is never left waiting. Subscribing and unsubscribing store their answer in the transaction that
     * does the work, so that a replica stopping halfway leaves the work either done and answered or not done.
     */
    ObjectNode answer(UUID correlationId, DciEnvelope e, DciScope scope, URI callback) {
        String onAction = onAction(e.action());
        try {
            return switch (e.action()) {
                case "search" -> {
                    var message = searchAll(e, scope, correlationId, false);
                    String status = status(message);
                    transactions.finish(correlationId, message, status);
                    int items = message.path("search_response").size();
                    yield callbackBody(DciMessages.header(json, clock, config, onAction, status, e.senderId(), items, items),
                            message);
                }
                case "txn-status" -> {
                    var message = txnStatus(e, correlationId, false);
                    transactions.finish(correlationId, message, "succ");
                    yield callbackBody(DciMessages.header(json, clock, config, onAction, "succ", e.senderId(), 1, 1), message);
                }
                case "subscribe" -> QuarkusTransaction.requiringNew().call(() -> {
                    var message = subscriptions.subscribe(e, scope, correlationId, callback.resolve("notify"));
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
                    LOG.infof("DCI %s subscribed %d of %d", e.senderId(), done, items);
                    return callbackBody(DciMessages.header(json, clock, config, onAction, status, e.senderId(), items, items),
                            message);
                });
                case "unsubscribe" -> QuarkusTransaction.requiringNew().call(() -> {
                    var message = subscriptions.unsubscribe(e, correlationId);
                    String status = message.path("status").asText();
                    transactions.finish(correlationId, message, status);
                    int items = message.path("subscription_status").size();
                    return callbackBody(DciMessages.header(json, clock, config, onAction, status, e.senderId(), items, items),
                            message);
                });
                default -> throw new IllegalStateException("no async answer for action " + e.action());
            };
        } catch (RuntimeException failure) {
            DciException refusal;
            if (failure instanceof DciException d) {
                refusal = d;
            } else {
                String reference = UUID.randomUUID().toString();
                LOG.errorf(failure, "DCI %s %s failed after its ACK (reference %s)", e.action(), correlationId, reference);
                refusal = new DciException(DciException.Code.SERVICE_UNAVAILABLE,
                        "the request could not be completed; quote reference " + reference + " to the registry's operators");
            }
            var body = DciMessages.syncError(json, clock, config, onAction, e.senderId(), refusal);
            transactions.finish(correlationId, body.get("header"), "rjct");
            return body;
        }
    }

    /** The answer of a transaction worked out earlier, as its callback carries it. */
    private ObjectNode storedAnswer(DciTransactions.Pending p) {
        var e = p.envelope();
        JsonNode stored = p.response();
        if (isHeader(stored)) {
            // a refusal: the stored header is the answer
            var body = json.createObjectNode();
            body.set("header", stored);
            return body;
        }
        String list = switch (e.action()) {
            case "search" -> "search_response";
            case "subscribe" -> "subscribe_response";
            case "unsubscribe" -> "subscription_status";
            default -> null;
        };
        int items = list == null ? 1 : stored.path(list).size();
        return callbackBody(DciMessages.header(json, clock, config, onAction(e.action()), p.status(), e.senderId(), items, items),
                (ObjectNode) stored);
    }

    /** A transaction refused as a whole keeps the refusal's header as its answer. */
    private static boolean isHeader(JsonNode stored) {
        return stored.has("action") && stored.has("message_id");
    }

    private static String onAction(String action) {
        return "txn-status".equals(action) ? "txn-on-status" : "on-" + action;
    }

    /**
     * Answers the async transactions whose replica stopped before delivering their answer (its lease expired):
     * each is taken over by exactly one replica, which delivers the answer already stored or works it out again.
     */
    @Scheduled(every = "${lumbung.jobs.recovery-every:30s}", delayed = "${lumbung.jobs.recovery-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void recover() {
        var pending = new java.util.LinkedHashMap<String, DciTransactions.Pending>();
        transactions.pending(RECOVERY_BATCH).forEach(p -> pending.put(p.correlationId().toString(), p));
        var taken = leases.takeOver(DciTransactions.LEASE, pending.keySet());
        if (!taken.isEmpty()) {
            LOG.infof("answering %d DCI transactions whose replica stopped before delivering their answer", taken.size());
        }
        for (var id : taken) {
            var p = pending.get(id);
            if (p.response() != null) {
                var stored = storedAnswer(p);
                callbacks.later(() -> stored, p.callback(), p.correlationId());
            } else {
                callbacks.later(() -> answer(p.correlationId(), p.envelope(), p.scope(), p.callback()), p.callback(),
                        p.correlationId());
            }
        }
    }

    private static final int RECOVERY_BATCH = 500;

    private ObjectNode callbackBody(ObjectNode header, JsonNode message) {
        var body = json.createObjectNode();
        body.set("header", header);
        body.set("message", message);
        return body;
    }

    private UUID begin(DciEnvelope e) {
        var correlationId = UUID.randomUUID();
        if (!transactions.begin(correlationId, e, "rcvd")) {
            throw duplicate(e);
        }
        return correlationId;
    }

    private static DciException duplicate(DciEnvelope e) {
        return new DciException(DciException.Code.REQUEST_BAD, "rjct.message_id.duplicate",
                "message_id " + e.messageId() + " was already received from " + e.senderId());
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

    private ObjectNode txnStatus(DciEnvelope e, UUID correlationId, boolean auditNow) {
        JsonNode request = e.message().path("txnstatus_request");
        String type = request.path("attribute_type").asText();
        String txnType = request.path("txn_type").asText();
        var stored = transactions.find(e.senderId(), txnType, type, request.path("attribute_value"))
                .orElseThrow(() -> new DciException(DciException.Code.REQUEST_NOT_FOUND,
                        "no " + txnType + " transaction of yours with " + type + " " + request.path("attribute_value")));
        if (auditNow) {
            audit.record("DCI_TXN_STATUS", "dci_transaction", stored.correlationId().toString(),
                    "DCI " + e.senderId() + " asked the status of transaction " + stored.transactionId());
        }
        var message = json.createObjectNode();
        message.put("transaction_id", e.transactionId());
        message.put("correlation_id", correlationId.toString());
        var response = message.putObject("txnstatus_response");
        response.put("txn_type", txnType);
        if (stored.response() != null && !isHeader(stored.response())) {
            response.set("txn_status", stored.response());
        } else {
            // still pending, or refused as a whole after its ACK: the transaction is known, no answer to give
            var pending = response.putObject("txn_status");
            pending.put("transaction_id", stored.transactionId());
            pending.put("correlation_id", stored.correlationId().toString());
            pending.putArray("search".equals(stored.action()) ? "search_response" : "subscribe_response");
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
