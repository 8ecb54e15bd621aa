package id.lumbung.eligibility.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.lumbung.platform.events.EventEnvelope;
import id.lumbung.platform.testing.TestTopics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** registry.households.v1 events as the registry sends them, for families with fresh NIKs and KK. */
public final class RegistryEvents {

    public static final String TOPIC = "registry.households.v1";
    public static final String REGISTERED = "id.lumbung.registry.household.registered";
    public static final String UPDATED = "id.lumbung.registry.household.updated";
    static final ObjectMapper JSON = new ObjectMapper();

    private RegistryEvents() {
    }

    /** A household's data; change it freely before sending. */
    public static final class Family {
        public final UUID id = UUID.randomUUID();
        public final Map<String, Object> data = new LinkedHashMap<>();
        public final List<Map<String, Object>> members = new ArrayList<>();
        private final String serial = "%04d".formatted(ThreadLocalRandom.current().nextInt(1, 10_000));

        Family(String village, Integer desil) {
            data.put("householdId", id.toString());
            data.put("noKk", village.replace(".", "").substring(0, 6) + "0101" + "20" + serial);
            data.put("villageCode", village);
            data.put("desil", desil);
            data.put("desilPeriod", desil == null ? null : "2025-Q4");
            data.put("status", "ACTIVE");
            data.put("version", 0L);
            data.put("kksCard", true);
            data.put("monthlyIncome", null);
            data.put("members", members);
        }

        /** Head born 1 Jul 1985 with the given employment facts. */
        public Family head(String... employment) {
            return member("0107850" + serial.substring(1), "Slamet Riyadi", "MALE", "1985-07-01", "KEPALA_KELUARGA",
                    employment);
        }

        /** Wife born 1 Jul 1987 (NIK day + 40). */
        public Family wife(String... employment) {
            return member("4107870" + serial.substring(1), "Siti Aminah", "FEMALE", "1987-07-01", "ISTRI", employment);
        }

        public Family member(String nikTail, String name, String sex, String birthDate, String relationship,
                String... employment) {
            var m = new LinkedHashMap<String, Object>();
            m.put("nik", ((String) data.get("villageCode")).replace(".", "").substring(0, 6) + nikTail.substring(0, 6)
                    + nikTail.substring(6));
            m.put("fullName", name);
            m.put("sex", sex);
            m.put("birthDate", birthDate);
            m.put("relationship", relationship);
            m.put("disability", null);
            m.put("employment", List.of(employment));
            m.put("lifeStatus", "ALIVE");
            m.put("deathDate", null);
            members.add(m);
            return this;
        }

        public Family version(long version) {
            data.put("version", version);
            return this;
        }

        public Family desil(Integer desil) {
            data.put("desil", desil);
            data.put("desilPeriod", desil == null ? null : "2025-Q4");
            return this;
        }

        /** The CloudEvent as the registry's outbox writes it (a new event id each call). */
        public byte[] event() {
            return event(((Number) data.get("version")).longValue() == 0 ? REGISTERED : UPDATED);
        }

        /** The same with another of the registry's household types (member-died, moved, split, ...). */
        public byte[] event(String type) {
            return EventEnvelope.serialize(JSON, "/lumbung/registry-service", type, id.toString(), Instant.now(), data);
        }

        /** The event as a traced registry request writes it: with the request's W3C traceparent. */
        public byte[] tracedEvent(String traceparent) {
            return EventEnvelope.serialize(JSON, UUID.randomUUID(), "/lumbung/registry-service", REGISTERED,
                    id.toString(), Instant.now(), data, traceparent);
        }

        /** Records every member as deceased on the given date. */
        public Family allDeceased(String date) {
            members.forEach(m -> {
                m.put("lifeStatus", "DECEASED");
                m.put("deathDate", date);
            });
            return this;
        }

        public static String eventId(byte[] event) {
            try {
                return JSON.readTree(event).get("id").asText();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }

        public void send(byte[] event) {
            TestTopics.send(TOPIC, id.toString(), event);
        }

        public byte[] send() {
            var event = event();
            send(event);
            return event;
        }

        /** Sends with the record header the registry's outbox relay sets, exactly as the relay does. */
        public void sendAsRelay(byte[] event) {
            var props = new java.util.Properties();
            props.put(org.apache.kafka.clients.producer.ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestTopics.bootstrap());
            props.put(org.apache.kafka.clients.producer.ProducerConfig.ACKS_CONFIG, "all");
            try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<>(props,
                    new org.apache.kafka.common.serialization.StringSerializer(),
                    new org.apache.kafka.common.serialization.ByteArraySerializer())) {
                var record = new org.apache.kafka.clients.producer.ProducerRecord<>(TOPIC, id.toString(), event);
                record.headers().add("content-type",
                        EventEnvelope.CONTENT_TYPE.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                producer.send(record).get();
            } catch (Exception e) {
                throw new IllegalStateException("could not send to " + TOPIC, e);
            }
        }
    }

    public static Family family(String village, Integer desil) {
        return new Family(village, desil);
    }
}
