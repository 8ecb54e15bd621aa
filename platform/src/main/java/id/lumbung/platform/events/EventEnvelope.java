package id.lumbung.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * CloudEvents 1.0 in structured JSON mode: what every Lumbung topic carries, readable by any
 * consumer (kcat included) without our code.
 */
public final class EventEnvelope {

    public static final String CONTENT_TYPE = "application/cloudevents+json";
    private static final JsonFormat FORMAT = new JsonFormat();

    private EventEnvelope() {
    }

    /** The CloudEvents extension that carries the W3C trace context of the request that caused an event. */
    public static final String TRACEPARENT = "traceparent";

    /**
     * A received event with its JSON data and, when its producer was traced, its W3C {@code traceparent}; or a
     * tombstone ({@code data == null}), which says that its key ({@code subject}) no longer exists.
     */
    public record Received(String id, String source, String type, String subject, Instant time, JsonNode data,
            String traceparent) {

        /** Whether this is a tombstone: the record's key is erased from the compacted topic. */
        public boolean tombstone() {
            return data == null;
        }
    }

    /**
     * The CloudEvents Kafka binding's binary-mode headers, which a tombstone carries since it has no value to
     * carry a structured event in: a consumer still knows its id (so it is applied once), type, source and time.
     */
    public static final String HEADER_ID = "ce_id";
    public static final String HEADER_TYPE = "ce_type";
    public static final String HEADER_SOURCE = "ce_source";
    public static final String HEADER_SUBJECT = "ce_subject";
    public static final String HEADER_TIME = "ce_time";
    public static final String HEADER_SPECVERSION = "ce_specversion";

    /** The headers of a tombstone, in the order they are written. */
    public static Map<String, String> tombstoneHeaders(UUID id, String source, String type, String key, Instant time) {
        var headers = new LinkedHashMap<String, String>();
        headers.put(HEADER_SPECVERSION, "1.0");
        headers.put(HEADER_ID, id.toString());
        headers.put(HEADER_SOURCE, source);
        headers.put(HEADER_TYPE, type);
        headers.put(HEADER_SUBJECT, key);
        headers.put(HEADER_TIME, time.atOffset(ZoneOffset.UTC).toString());
        return headers;
    }

    /**
     * The keys of tombstones that name an aggregate by UUID (a household id), in their order; a key that is not a
     * UUID refuses the batch ({@link EventRejectedException}), so it waits in quarantine.
     */
    public static java.util.List<UUID> uuidKeys(java.util.List<Received> tombstones, String what) {
        var ids = new java.util.ArrayList<UUID>(tombstones.size());
        for (var tombstone : tombstones) {
            try {
                ids.add(UUID.fromString(tombstone.subject()));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new EventRejectedException("the tombstone's key " + tombstone.subject() + " is not " + what);
            }
        }
        return ids;
    }

    /**
     * A tombstone as received: the id, type, source and time from its headers where it has them (a tombstone
     * written with the broker's own tools has none, so {@code fallbackId} names it), its key as subject.
     */
    public static Received tombstone(String key, Map<String, String> headers, String fallbackId) {
        String id = headers.get(HEADER_ID);
        Instant time = null;
        try {
            time = headers.containsKey(HEADER_TIME) ? java.time.OffsetDateTime.parse(headers.get(HEADER_TIME)).toInstant() : null;
        } catch (java.time.format.DateTimeParseException e) {
            // the time is informative only
        }
        return new Received(id == null || id.isBlank() ? fallbackId : id, headers.get(HEADER_SOURCE),
                headers.get(HEADER_TYPE), key, time, null, headers.get(TRACEPARENT));
    }

    public static byte[] serialize(ObjectMapper json, String source, String type, String subject, Instant time,
            Object data) {
        return serialize(json, UUID.randomUUID(), source, type, subject, time, data);
    }

    /** The event with the given {@code id} (a writer that records the id beside the event chooses it). */
    public static byte[] serialize(ObjectMapper json, UUID id, String source, String type, String subject, Instant time,
            Object data) {
        return serialize(json, id, source, type, subject, time, data, null);
    }

    /** The same, carrying the trace context ({@code traceparent}) of the work that caused the event, if any. */
    public static byte[] serialize(ObjectMapper json, UUID id, String source, String type, String subject, Instant time,
            Object data, String traceparent) {
        try {
            var builder = CloudEventBuilder.v1();
            if (traceparent != null) {
                builder.withExtension(TRACEPARENT, traceparent);
            }
            CloudEvent event = builder
                    .withId(id.toString())
                    .withSource(URI.create(source))
                    .withType(type)
                    .withSubject(subject)
                    .withTime(time.atOffset(ZoneOffset.UTC))
                    .withDataContentType("application/json")
                    .withData(json.writeValueAsBytes(data))
                    .build();
            return FORMAT.serialize(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a structured-mode CloudEvent; throws {@link IllegalArgumentException} when it is not one. */
    public static Received parse(ObjectMapper json, byte[] payload) {
        try {
            CloudEvent event = FORMAT.deserialize(payload);
            JsonNode data = event.getData() == null ? json.nullNode() : json.readTree(event.getData().toBytes());
            Object traceparent = event.getExtension(TRACEPARENT);
            return new Received(event.getId(), event.getSource().toString(), event.getType(), event.getSubject(),
                    event.getTime() == null ? null : event.getTime().toInstant(), data,
                    traceparent == null ? null : traceparent.toString());
        } catch (RuntimeException | IOException e) {
            throw new IllegalArgumentException("not a structured CloudEvent: " + e.getMessage(), e);
        }
    }
}
