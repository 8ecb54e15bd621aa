package id.lumbung.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The event contract, {@code docs/asyncapi.yaml}, as a check: the channel a topic belongs to, the message an event
 * type is, and whether an event (its CloudEvent JSON) and its Kafka key follow that message's schemas. Message
 * payloads and keys are AsyncAPI schemas, checked as JSON Schema draft 7 with formats asserted.
 */
public final class EventContract {

    /** Where the contract lives, relative to the project root (the directory holding the {@code lumbung} script). */
    public static final String DOCUMENT = "docs/asyncapi.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern PARAMETER = Pattern.compile("\\{[^}]+}");
    /** AsyncAPI schemas are draft 7 with extensions; the personal-data mark is an annotation to the validator. */
    private static final Dialect ASYNCAPI_SCHEMA = Dialect.builder(Dialects.getDraft7())
            .keyword(new AnnotationKeyword("x-personal-data")).build();

    /**
     * One message of a channel: what an event of one of its types must look like, and its key. A tombstone
     * message (payload {@code type: 'null'}) has no value; its CloudEvents attributes are its headers.
     */
    record Message(String name, Schema payload, Schema key, Schema headers, boolean tombstone, List<JsonNode> examples) {
    }

    /** One channel: the topics its address matches and its messages by CloudEvents type. */
    record Channel(String name, String address, Pattern topics, Map<String, Message> messagesByType) {
    }

    private final List<Channel> channels;

    private EventContract(List<Channel> channels) {
        this.channels = channels;
    }

    /** The project's contract, found by walking up from the working directory to the project root. */
    public static EventContract load() {
        return of(document());
    }

    /** The path of the project's contract; fails when no directory above the working directory holds it. */
    public static Path document() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("lumbung")) && Files.isRegularFile(dir.resolve(DOCUMENT))) {
                return dir.resolve(DOCUMENT);
            }
        }
        throw new IllegalStateException("no " + DOCUMENT + " beside a lumbung script above " + Path.of("").toAbsolutePath());
    }

    public static EventContract of(Path document) {
        JsonNode root;
        try {
            root = YAML.readTree(document.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + document, e);
        }
        var registry = SchemaRegistry.withDefaultDialect(ASYNCAPI_SCHEMA,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        var channels = new ArrayList<Channel>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("channels").fields(); it.hasNext();) {
            var entry = it.next();
            JsonNode channel = resolve(root, entry.getValue());
            String address = channel.path("address").asText(entry.getKey());
            var messages = new LinkedHashMap<String, Message>();
            for (Iterator<Map.Entry<String, JsonNode>> ms = channel.path("messages").fields(); ms.hasNext();) {
                var m = ms.next();
                JsonNode message = resolve(root, m.getValue());
                JsonNode payload = message.path("payload");
                JsonNode key = message.path("bindings").path("kafka").path("key");
                if (payload.isMissingNode() || key.isMissingNode()) {
                    throw new IllegalStateException("message " + m.getKey() + " of channel " + entry.getKey()
                            + " has no payload schema or no Kafka key schema");
                }
                boolean tombstone = "null".equals(payload.path("type").asText());
                JsonNode headers = message.path("headers");
                if (tombstone && headers.isMissingNode()) {
                    throw new IllegalStateException("tombstone message " + m.getKey() + " of channel " + entry.getKey()
                            + " has no headers schema");
                }
                var compiled = new Message(message.path("name").asText(m.getKey()), registry.getSchema(payload),
                        registry.getSchema(key), tombstone ? registry.getSchema(headers) : null, tombstone, examples(message));
                for (String type : tombstone ? tombstoneTypes(headers) : types(payload)) {
                    if (messages.put(type, compiled) != null) {
                        throw new IllegalStateException("type " + type + " names two messages of channel " + entry.getKey());
                    }
                }
            }
            channels.add(new Channel(entry.getKey(), address, topics(address), messages));
        }
        // a channel with a fixed address wins over one whose address has parameters
        channels.sort((a, b) -> Boolean.compare(a.address.contains("{"), b.address.contains("{")));
        return new EventContract(List.copyOf(channels));
    }

    /**
     * What is wrong with an event on {@code topic}: its type is no message of the topic's channel, the event does
     * not follow the message's payload schema, the key does not follow its key schema, or the key is not the
     * event's subject. Empty when the event follows the contract.
     */
    public List<String> violations(String topic, String type, String key, JsonNode event) {
        var channel = channel(topic);
        if (channel == null) {
            return List.of("topic " + topic + " is no channel of " + DOCUMENT);
        }
        var message = channel.messagesByType.get(type);
        if (message == null) {
            return List.of("type " + type + " is no message of channel " + channel.name + " (" + channel.address
                    + "), whose types are " + channel.messagesByType.keySet());
        }
        if (message.tombstone) {
            return List.of("type " + type + " is the tombstone " + message.name + ", written without a value, not as an event");
        }
        var out = new ArrayList<String>();
        message.payload.validate(event).forEach(e -> out.add(message.name + " payload: " + e));
        if (key == null) {
            out.add("the record has no key");
        } else {
            message.key.validate(TextNode.valueOf(key)).forEach(e -> out.add(message.name + " key: " + e));
            if (!key.equals(event.path("subject").asText(null))) {
                out.add("the key " + key + " is not the event's subject " + event.path("subject"));
            }
        }
        if (!type.equals(event.path("type").asText(null))) {
            out.add("the outbox names type " + type + " but the event says " + event.path("type"));
        }
        return out;
    }

    /**
     * What is wrong with a tombstone (a record without value) on {@code topic} with these CloudEvents headers: its
     * type is no tombstone message of the topic's channel, the headers do not follow the message's, or the key does
     * not follow its schema or is not the tombstone's subject. Empty when it follows the contract.
     */
    public List<String> tombstoneViolations(String topic, String type, String key, Map<String, String> headers) {
        var channel = channel(topic);
        if (channel == null) {
            return List.of("topic " + topic + " is no channel of " + DOCUMENT);
        }
        var message = channel.messagesByType.get(type);
        if (message == null || !message.tombstone) {
            return List.of("type " + type + " is no tombstone message of channel " + channel.name + " (" + channel.address
                    + "): a tombstone on this topic is not in the contract");
        }
        var out = new ArrayList<String>();
        message.headers.validate(YAML.valueToTree(headers)).forEach(e -> out.add(message.name + " headers: " + e));
        if (key == null) {
            out.add("the tombstone has no key");
        } else {
            message.key.validate(TextNode.valueOf(key)).forEach(e -> out.add(message.name + " key: " + e));
            if (!key.equals(headers.get("ce_subject"))) {
                out.add("the key " + key + " is not the tombstone's subject " + headers.get("ce_subject"));
            }
        }
        return out;
    }

    /** The name of the message an event of {@code type} on {@code topic} is, or null when the contract has none. */
    public String messageName(String topic, String type) {
        var channel = channel(topic);
        var message = channel == null ? null : channel.messagesByType.get(type);
        return message == null ? null : message.name;
    }

    /** Whether {@code topic} is a channel of the contract. */
    public boolean describes(String topic) {
        return channel(topic) != null;
    }

    /** What is wrong with the contract's own examples: each must follow its message, its subject the key schema. */
    public List<String> exampleViolations() {
        var out = new ArrayList<String>();
        for (var channel : channels) {
            for (var message : Set.copyOf(channel.messagesByType.values())) {
                if (message.examples.isEmpty()) {
                    out.add(message.name + " has no example");
                }
                for (var example : message.examples) {
                    JsonNode payload = example.path("payload");
                    if (message.tombstone) {
                        if (!payload.isNull()) {
                            out.add(message.name + " example: a tombstone's payload is null");
                        }
                        message.headers.validate(example.path("headers")).forEach(e -> out.add(message.name + " example headers: " + e));
                        message.key.validate(example.path("headers").path("ce_subject"))
                                .forEach(e -> out.add(message.name + " example subject as key: " + e));
                        continue;
                    }
                    message.payload.validate(payload).forEach(e -> out.add(message.name + " example: " + e));
                    message.key.validate(payload.path("subject")).forEach(e -> out.add(message.name + " example subject as key: " + e));
                }
            }
        }
        return out;
    }

    private Channel channel(String topic) {
        for (var channel : channels) {
            if (channel.topics.matcher(topic).matches()) {
                return channel;
            }
        }
        return null;
    }

    private static Pattern topics(String address) {
        var regex = new StringBuilder();
        Matcher m = PARAMETER.matcher(address);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(address.substring(last, m.start()))).append(".+");
            last = m.end();
        }
        regex.append(Pattern.quote(address.substring(last)));
        return Pattern.compile(regex.toString());
    }

    /** The CloudEvents types a payload schema admits: its {@code type} property's const or enum. */
    private static List<String> types(JsonNode payload) {
        JsonNode type = payload.path("properties").path("type");
        var out = new ArrayList<String>();
        if (type.has("const")) {
            out.add(type.get("const").asText());
        }
        type.path("enum").forEach(t -> out.add(t.asText()));
        if (out.isEmpty()) {
            throw new IllegalStateException("a message payload names no CloudEvents type (properties.type const or enum)");
        }
        return out;
    }

    /** The CloudEvents type a tombstone message is: its {@code ce_type} header's const. */
    private static List<String> tombstoneTypes(JsonNode headers) {
        JsonNode type = headers.path("properties").path("ce_type");
        if (!type.has("const")) {
            throw new IllegalStateException("a tombstone message names no CloudEvents type (headers ce_type const)");
        }
        return List.of(type.get("const").asText());
    }

    private static List<JsonNode> examples(JsonNode message) {
        var out = new ArrayList<JsonNode>();
        message.path("examples").forEach(out::add);
        return out;
    }

    /** {@code node} with every local {@code $ref} replaced by what it points at. */
    static JsonNode resolve(JsonNode root, JsonNode node) {
        return resolve(root, node, 0);
    }

    private static JsonNode resolve(JsonNode root, JsonNode node, int depth) {
        if (depth > 64) {
            throw new IllegalStateException("$ref nesting deeper than 64: a cycle?");
        }
        if (node.isObject() && node.has("$ref")) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("only local references are supported: " + ref);
            }
            JsonNode target = root.at(ref.substring(1));
            if (target.isMissingNode()) {
                throw new IllegalStateException("unresolved reference " + ref);
            }
            return resolve(root, target, depth + 1);
        }
        if (node.isObject()) {
            ObjectNode copy = node.deepCopy();
            node.fields().forEachRemaining(f -> copy.set(f.getKey(), resolve(root, f.getValue(), depth + 1)));
            return copy;
        }
        if (node.isArray()) {
            var copy = YAML.createArrayNode();
            node.forEach(item -> copy.add(resolve(root, item, depth + 1)));
            return copy;
        }
        return node;
    }
}
