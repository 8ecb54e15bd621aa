package id.lumbung.registry.dci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lumbung.platform.dci.DciEnvelope;
import id.lumbung.platform.id.RegionCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * {@code dci_subscription}: who is told of which registry events in which regions, and where. A
 * subscription never reaches beyond the region scope of the token it was made with.
 */
@ApplicationScoped
public class DciSubscriptions {

    /** The DCI {@code reg_event_type} values the registry notifies. */
    public static final List<String> EVENT_TYPES = List.of("register", "update", "delete", "link", "unlink");

    /** An active subscription a registry event is owed to. */
    public record Active(UUID id, String code, String senderId, String notifyUri, String notifyRecordType) {
    }

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;

    public DciSubscriptions(EntityManager em, ObjectMapper json, Clock clock) {
        this.em = em;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The {@code SubscribeResponse} message for a subscribe request: each {@code subscribe_request} item
     * is stored as one subscription or refused on its own with a {@code rjct.*} reason.
     */
    @Transactional
    public ObjectNode subscribe(DciEnvelope e, DciScope scope, UUID correlationId, URI notifyUri) {
        var message = json.createObjectNode();
        message.put("transaction_id", e.transactionId());
        message.put("correlation_id", correlationId.toString());
        var items = message.putArray("subscribe_response");
        for (var request : e.message().path("subscribe_request")) {
            var item = items.addObject();
            item.put("reference_id", request.path("reference_id").asText());
            item.put("timestamp", DciMessages.now(clock));
            JsonNode criteria = request.path("subscribe_criteria");
            try {
                String eventType = eventType(criteria.path("reg_event_type").asText());
                String recordType = recordType(criteria.path("notify_record_type").asText());
                List<String> regions = regions(criteria.path("filter"), scope);
                String code = UUID.randomUUID().toString();
                var now = now();
                em.createNativeQuery("""
                        insert into dci_subscription (id, code, sender_id, transaction_id, reference_id, event_types,
                            region_prefixes, filter_type, filter, notify_record_type, notify_uri, status, created_at)
                        values (?1, ?2, ?3, ?4, ?5, cast(?6 as text[]), cast(?7 as text[]), ?8, cast(?9 as jsonb), ?10, ?11,
                            'ACTIVE', ?12)""")
                        .setParameter(1, UUID.randomUUID()).setParameter(2, code).setParameter(3, e.senderId())
                        .setParameter(4, e.transactionId()).setParameter(5, request.path("reference_id").asText())
                        .setParameter(6, array(eventType.equals("any") ? EVENT_TYPES : List.of(eventType)))
                        .setParameter(7, array(regions))
                        .setParameter(8, criteria.path("filter_type").asText(null))
                        .setParameter(9, criteria.has("filter") ? write(criteria.get("filter")) : null)
                        .setParameter(10, recordType).setParameter(11, notifyUri.toString()).setParameter(12, now)
                        .executeUpdate();
                item.put("status", "succ");
                var info = item.putArray("subscriptions").addObject();
                info.put("version", "1.0.0");
                info.put("code", code);
                info.put("status", "subscribe");
                info.put("timestamp", DciMessages.now(clock));
                info.put("reg_event_type", eventType);
                if (criteria.has("filter_type")) {
                    info.set("filter_type", criteria.get("filter_type"));
                }
                if (criteria.has("filter")) {
                    info.set("filter", criteria.get("filter"));
                }
                info.put("notify_record_type", recordType);
                // our extension: the regions the subscriber will actually hear of, after its scope applied
                var extra = info.putArray("additional_attributes").addObject();
                extra.put("attribute_name", "region_prefixes");
                var values = extra.putArray("attribute_value");
                regions.forEach(values::add);
            } catch (Refused r) {
                item.put("status", "rjct");
                item.put("status_reason_code", r.reasonCode);
                item.put("status_reason_message", r.getMessage());
            }
        }
        return message;
    }

    /**
     * The {@code UnSubscribeResponse} message: the sender's active subscriptions named are ended; codes that
     * are not the sender's active subscriptions make the answer {@code rjct} (those that are still end).
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public ObjectNode unsubscribe(DciEnvelope e, UUID correlationId) {
        var message = json.createObjectNode();
        message.put("transaction_id", e.transactionId());
        message.put("correlation_id", correlationId.toString());
        message.put("timestamp", DciMessages.now(clock));
        var statuses = json.createArrayNode();
        var unknown = new ArrayList<String>();
        var ended = new ArrayList<String>();
        for (var c : e.message().path("subscription_codes")) {
            String code = c.asText();
            List<String> rows = em.createNativeQuery("select status from dci_subscription where code = ?1 and sender_id = ?2")
                    .setParameter(1, code).setParameter(2, e.senderId()).getResultList();
            if (rows.isEmpty()) {
                unknown.add(code);
                continue;
            }
            if ("ENDED".equals(rows.getFirst())) {
                ended.add(code);
            } else {
                em.createNativeQuery("update dci_subscription set status = 'ENDED', ended_at = ?2 where code = ?1")
                        .setParameter(1, code).setParameter(2, now()).executeUpdate();
            }
            var s = statuses.addObject();
            s.put("code", code);
            s.put("status", "unsubscribe");
        }
        if (!unknown.isEmpty()) {
            message.put("status", "rjct");
            message.put("status_reason_code", "rjct.subscription_code.invalid");
            message.put("status_reason_message", "not subscriptions of yours: " + String.join(", ", unknown));
        } else if (!ended.isEmpty()) {
            message.put("status", "rjct");
            message.put("status_reason_code", "rjct.event.already_unsubscribed");
            message.put("status_reason_message", "already unsubscribed: " + String.join(", ", ended));
        } else {
            message.put("status", "succ");
        }
        message.set("subscription_status", statuses);
        return message;
    }

    /**
     * Active subscriptions to {@code eventType} whose regions hold {@code villageCode} and that existed when
     * the event happened (a new subscriber is not told of what happened before it subscribed).
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Active> listening(String eventType, String villageCode, java.time.Instant happened) {
        List<Object[]> rows = em.createNativeQuery("""
                select s.id, s.code, s.sender_id, s.notify_uri, s.notify_record_type from dci_subscription s
                where s.status = 'ACTIVE' and ?1 = any (s.event_types) and s.created_at <= ?3
                  and (cardinality(s.region_prefixes) = 0
                       or exists (select 1 from unnest(s.region_prefixes) p where ?2 = p or ?2 like p || '.%'))
                order by s.created_at""")
                .setParameter(1, eventType).setParameter(2, villageCode)
                .setParameter(3, OffsetDateTime.ofInstant(happened, ZoneOffset.UTC)).getResultList();
        return rows.stream().map(r -> new Active((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4]))
                .toList();
    }

    /**
     * The active subscriptions that were sent (or owed) a notification about the household, whatever event types
     * they chose: each holds a copy of it, so each must hear that it was erased.
     */
    @SuppressWarnings("unchecked")
    public List<Active> toldOf(UUID householdId) {
        List<Object[]> rows = em.createNativeQuery("""
                select s.id, s.code, s.sender_id, s.notify_uri, s.notify_record_type from dci_subscription s
                where s.status = 'ACTIVE'
                  and exists (select 1 from dci_notification n where n.subscription_id = s.id and n.household_id = ?1)
                order by s.created_at""")
                .setParameter(1, householdId).getResultList();
        return rows.stream().map(r -> new Active((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4]))
                .toList();
    }

    /** Records a notification owed; false when this subscription already has one for the event. */
    @Transactional
    public boolean owe(UUID notificationId, Active subscription, String eventId, String eventType, UUID householdId,
            String body) {
        var now = now();
        return em.createNativeQuery("""
                insert into dci_notification (id, subscription_id, event_id, reg_event_type, household_id, body, status,
                    created_at, updated_at)
                values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb), 'PENDING', ?7, ?7)
                on conflict (subscription_id, event_id) do nothing""")
                .setParameter(1, notificationId).setParameter(2, subscription.id()).setParameter(3, eventId)
                .setParameter(4, eventType).setParameter(5, householdId).setParameter(6, body).setParameter(7, now)
                .executeUpdate() == 1;
    }

    /** A notification not yet delivered, with where it goes. */
    public record Pending(UUID id, String notifyUri, String body) {
    }

    /** Notifications still PENDING (their retries were cut short by a restart), oldest first. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Pending> pending() {
        List<Object[]> rows = em.createNativeQuery("""
                select n.id, s.notify_uri, cast(n.body as text) from dci_notification n
                join dci_subscription s on s.id = n.subscription_id
                where n.status = 'PENDING' and s.status = 'ACTIVE' order by n.created_at limit 10000""").getResultList();
        return rows.stream().map(r -> new Pending((UUID) r[0], (String) r[1], (String) r[2])).toList();
    }

    @Transactional
    public void attempt(UUID notificationId, String status, String error) {
        em.createNativeQuery("update dci_notification set status = ?2, attempts = attempts + 1, last_error = ?3,"
                + " updated_at = ?4 where id = ?1")
                .setParameter(1, notificationId).setParameter(2, status).setParameter(3, error).setParameter(4, now())
                .executeUpdate();
    }

    private static String eventType(String requested) {
        // "spdci-common:RegistryEventType:Update" style names are accepted by their last part
        String type = requested.substring(requested.lastIndexOf(':') + 1).strip().toLowerCase(Locale.ROOT);
        if (type.equals("any") || EVENT_TYPES.contains(type)) {
            return type;
        }
        throw new Refused("rjct.notify_types.invalid",
                "reg_event_type " + requested + " is not one of " + String.join(", ", EVENT_TYPES) + " or any");
    }

    private static String recordType(String requested) {
        String type = requested.substring(requested.lastIndexOf(':') + 1).strip();
        if (type.equalsIgnoreCase("Group")) {
            return "Group";
        }
        throw new Refused("rjct.notify_details.invalid",
                "notify_record_type " + requested + " is not supported; households are notified as Group records");
    }

    /**
     * The region prefixes of a subscription: the filter's {@code region} (also {@code location},
     * {@code village_code}) conditions narrowed to the scope, or the whole scope when the filter names none.
     */
    private static List<String> regions(JsonNode filter, DciScope scope) {
        var named = new ArrayList<String>();
        collectRegions(filter, named);
        Set<String> out = new LinkedHashSet<>();
        if (named.isEmpty()) {
            scope.regions().forEach(r -> out.add(r.value()));
            return List.copyOf(out);
        }
        for (String raw : named) {
            String dotted = RegionCode.dotted(raw.strip());
            var problem = RegionCode.problemWith(dotted);
            if (problem.isPresent()) {
                throw new Refused("rjct.notify_details.invalid", "region " + raw + ": " + problem.get());
            }
            var region = RegionCode.of(dotted);
            if (scope.allows(region)) {
                out.add(region.value());
            } else if (scope.overlaps(region)) {
                // a wider region than the caller may see: only the parts of it inside the scope
                scope.regions().stream().filter(r -> r.isWithin(region)).forEach(r -> out.add(r.value()));
            } else {
                throw new Refused("rjct.notify_details.invalid",
                        "region " + region.value() + " is outside your region scope " + scope.regions());
            }
        }
        return List.copyOf(out);
    }

    private static void collectRegions(JsonNode node, List<String> into) {
        if (node.isObject()) {
            String name = node.path("attribute_name").asText("").toLowerCase(Locale.ROOT);
            if (List.of("region", "location", "village_code", "area_code").contains(name) && node.has("attribute_value")) {
                JsonNode value = node.get("attribute_value");
                if (value.isArray()) {
                    value.forEach(v -> into.add(v.asText()));
                } else {
                    into.add(value.asText());
                }
            }
            node.forEach(child -> collectRegions(child, into));
        } else if (node.isArray()) {
            node.forEach(child -> collectRegions(child, into));
        }
    }

    private static String array(List<String> values) {
        // a Postgres array literal; values are validated event types and region codes, never free text
        return "{" + String.join(",", values) + "}";
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** One subscribe_request item refused with a {@code SubscribeStatusReasonCode}. */
    static final class Refused extends RuntimeException {
        final String reasonCode;

        Refused(String reasonCode, String message) {
            super(message);
            this.reasonCode = reasonCode;
        }
    }
}
