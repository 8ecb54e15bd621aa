package id.lumbung.registry.dci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lumbung.platform.events.EventEnvelope;
import id.lumbung.platform.events.Inbox;
import id.lumbung.platform.jobs.JobLeases;
import io.quarkus.scheduler.Scheduled;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Status;
import id.lumbung.platform.events.EventHandler;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * {@code registry/notify}: the registry's own committed household events ({@code registry.households.v1})
 * turned into DCI notifications for every active subscription that listens to the event type and covers
 * the household's village. Notifications are recorded in {@code dci_notification} in the same transaction
 * as the inbox entry, then delivered with the callback retries.
 */
@ApplicationScoped
public class DciNotifier implements EventHandler {

    private static final Logger LOG = Logger.getLogger(DciNotifier.class);
    private static final String PREFIX = "id.lumbung.registry.household.";
    private static final int IN_FLIGHT = 32;

    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);

    private record Owed(UUID id, URI target, String body) {
    }

    private final Inbox inbox;
    private final DciSubscriptions subscriptions;
    private final DciSearch search;
    private final DciCallbacks callbacks;
    private final ObjectMapper json;
    private final Clock clock;
    private final DciConfig config;
    private final TransactionSynchronizationRegistry transactions;
    private final JobLeases leases;
    /** The lease a notification owed is held under by the replica that delivers it. */
    static final String LEASE = "dci-notification";

    public DciNotifier(Inbox inbox, DciSubscriptions subscriptions, DciSearch search, DciCallbacks callbacks,
            ObjectMapper json, Clock clock, DciConfig config, TransactionSynchronizationRegistry transactions, JobLeases leases) {
        this.transactions = transactions;
        this.leases = leases;
        this.inbox = inbox;
        this.subscriptions = subscriptions;
        this.search = search;
        this.callbacks = callbacks;
        this.json = json;
        this.clock = clock;
        this.config = config;
    }

    @Override
    public String consumer() {
        return "registry-service.dci-notify";
    }

    @Override
    public String topic() {
        return "registry.households.v1";
    }

    /** A whole poll at once: an import announces a million households, most of which no subscriber listens to. */
    @Incoming("registry-households-dci")
    @Blocking
    public void on(ConsumerRecords<String, byte[]> records) {
        inbox.processBatch(this, records);
    }

    /** Records the notifications owed; they are sent once committed, so each attempt has its row to count on. */
    @Override
    public void apply(List<EventEnvelope.Received> events) {
        var owed = new ArrayList<Owed>();
        for (var event : events) {
            owed.addAll(owe(event));
        }
        sendOnCommit(owed);
    }

    /**
     * An erased household: every subscriber that was sent it is told (delete), whatever event types it chose, by
     * household id only, so that it can erase its copy too. The registry knows nothing else about the household.
     */
    @Override
    public void erase(List<EventEnvelope.Received> tombstones) {
        var owed = new ArrayList<Owed>();
        var households = EventEnvelope.uuidKeys(tombstones, "a household id");
        for (int i = 0; i < tombstones.size(); i++) {
            var tombstone = tombstones.get(i);
            UUID householdId = households.get(i);
            ObjectNode group = DciRecords.erasedGroup(json, householdId);
            for (var s : subscriptions.toldOf(householdId)) {
                var id = UUID.randomUUID();
                String body = write(body(s, "delete", group, tombstone.id()));
                if (subscriptions.owe(id, s, tombstone.id(), "delete", householdId, body)) {
                    leases.hold(LEASE, id);
                    owed.add(new Owed(id, URI.create(s.notifyUri()), body));
                }
            }
        }
        sendOnCommit(owed);
    }

    private void sendOnCommit(List<Owed> owed) {
        if (owed.isEmpty()) {
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    owed.forEach(o -> send(o.id(), o.target(), o.body()));
                }
            }
        });
    }

    /**
     * A bulk import changes thousands of households at once: the consumer waits while {@link #IN_FLIGHT}
     * first attempts are under way, so deliveries keep pace with subscribers instead of piling up.
     */
    private void send(UUID id, URI target, String body) {
        inFlight.acquireUninterruptibly();
        var released = new AtomicBoolean();
        callbacks.send(target, body, id.toString(), (status, error) -> {
            if (released.compareAndSet(false, true)) {
                inFlight.release();
            }
            subscriptions.attempt(id, status, error);
            if (!"PENDING".equals(status)) {
                leases.release(LEASE, id);
            }
        });
    }

    void onStart(@Observes StartupEvent start) {
        // off the startup thread: the pace of a slow subscriber must not hold up the service start
        Thread.ofVirtual().name("dci-notify-recover").start(this::recover);
    }

    /**
     * Retries live in the memory of the replica that owes a notification, which holds its lease meanwhile: the
     * notifications still owed whose replica stopped (lease expired) are taken over here and sent again, each by
     * one replica only.
     */
    @Scheduled(every = "${lumbung.jobs.recovery-every:30s}", delayed = "${lumbung.jobs.recovery-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void recover() {
        var pending = new java.util.HashMap<String, DciSubscriptions.Pending>();
        subscriptions.pending().forEach(p -> pending.put(p.id().toString(), p));
        var taken = leases.takeOver(LEASE, pending.keySet());
        if (!taken.isEmpty()) {
            LOG.infof("sending %d DCI notifications whose replica stopped before delivering them", taken.size());
        }
        taken.forEach(id -> {
            var p = pending.get(id);
            send(p.id(), URI.create(p.notifyUri()), p.body());
        });
    }

    /**
     * The DCI event type of a household event: registered → register; updated and a member's death or
     * move → update; dissolved → delete; a family moving, splitting off or merging → link (its members are
     * linked to the household as it is now; the household they left gets its own event).
     */
    static String eventType(String cloudEventType) {
        if (cloudEventType == null || !cloudEventType.startsWith(PREFIX)) {
            return null;
        }
        return switch (cloudEventType.substring(PREFIX.length())) {
            case "registered" -> "register";
            case "updated", "member-died", "member-moved" -> "update";
            case "dissolved" -> "delete";
            case "moved", "split", "merged" -> "link";
            default -> null;
        };
    }

    private List<Owed> owe(EventEnvelope.Received event) {
        String type = eventType(event.type());
        if (type == null) {
            return List.of();
        }
        String village = event.data().path("villageCode").asText(null);
        UUID householdId = UUID.fromString(event.data().path("householdId").asText());
        var listening = village == null ? List.<DciSubscriptions.Active>of() : subscriptions.listening(type, village,
                event.time() == null ? clock.instant() : event.time());
        if (listening.isEmpty()) {
            return List.of();
        }
        ObjectNode group = search.group(householdId);
        if (group == null) {
            LOG.warnf("household %s of event %s is not in the registry; nobody notified", householdId, event.id());
            return List.of();
        }
        var out = new ArrayList<Owed>();
        for (var s : listening) {
            var id = UUID.randomUUID();
            String body = write(body(s, type, group, event.id()));
            if (subscriptions.owe(id, s, event.id(), type, householdId, body)) {
                leases.hold(LEASE, id);
                out.add(new Owed(id, URI.create(s.notifyUri()), body));
            }
        }
        return out;
    }

    private ObjectNode body(DciSubscriptions.Active s, String type, ObjectNode group, String eventId) {
        var body = json.createObjectNode();
        body.set("header", DciMessages.header(json, clock, config, "notify", "succ", s.senderId(), 1, 1));
        var message = body.putObject("message");
        message.put("transaction_id", "notify-" + eventId);
        var item = message.putArray("notify_event").addObject();
        // the subscription code, so the subscriber knows which of its subscriptions this answers
        item.put("reference_id", s.code());
        item.put("timestamp", DciMessages.now(clock));
        var data = item.putObject("data");
        data.put("version", "1.0.0");
        data.put("reg_type", "ns:lumbung:RegistryType:Social");
        data.put("reg_event_type", type);
        data.put("reg_record_type", s.notifyRecordType());
        // the core spec's RegistryRecord is one object, not a list: one household per notify_event item
        data.set("reg_records", group);
        return body;
    }

    private String write(ObjectNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
