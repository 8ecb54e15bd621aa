package id.lumbung.platform.dci;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A shipped DCI OpenAPI file (e.g. {@code dci/social_api_v1.0.0.yaml}) as a validator: requests are checked
 * against it before anything else happens, and tests check every answer with it.
 *
 * <p>The v1.0.0 files cannot be loaded or applied literally, so they are read with documented corrections
 * (the files themselves stay as released):
 * <ul>
 * <li>{@code info.version} is swallowed by the description block above it; it is set to 1.0.0.</li>
 * <li>Some {@code $ref}s point into other operations' request bodies or into an {@code example} that is
 * written as a schema; every local reference is inlined by following its JSON pointer through the
 * references on the way, which is what the authors meant and what the parser cannot do.</li>
 * <li>Several {@code oneOf}s have overlapping alternatives (an integer is both "integer" and "number",
 * a txn-status string is both a transaction_id and a correlation_id, an expression query object fits
 * two query shapes), so no valid message could satisfy them: they are applied as {@code anyOf}.</li>
 * <li>Core registry: misspelt names in the subscription schemas ({@code timesstamp}, {@code timesatmp},
 * required {@code sunscription_codes}, {@code SubscriptionInfo} requiring fields it does not define) are read
 * as the names the schemas define.</li>
 * <li>Integrated Beneficiary Registry: some operations give a message schema where a response belongs
 * ({@code default: $ref: '#/components/schemas/EnrolledResponse'}); such a response is read as the envelope
 * every other answer has: {@code signature}, a {@code MsgCallbackHeader_V1.0.0} {@code header} and that
 * schema as {@code message}; and {@code components.securitySchemas} is read as {@code securitySchemes}.</li>
 * </ul>
 * Properties the spec does not list are allowed, as OpenAPI says, since DCI extends by adding them.
 */
public final class DciSpec {

    public static final String BASE_PATH = "/dci";

    private final OpenApiInteractionValidator validator;

    private DciSpec(OpenApiInteractionValidator validator) {
        this.validator = validator;
    }

    /** The spec at a classpath resource, served under {@link #BASE_PATH}. */
    public static DciSpec load(String resource) {
        try (InputStream in = DciSpec.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the classpath");
            }
            return new DciSpec(OpenApiInteractionValidator.createForInlineApiSpecification(corrected(in, resource))
                    .withBasePathOverride(BASE_PATH)
                    .withLevelResolver(LevelResolver.create()
                            // the bearer token is checked by the service itself, before this validator runs
                            .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                            .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
                            .build())
                    .build());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    /** What is wrong with a JSON request body for {@code path} (e.g. {@code /dci/registry/sync/search}); empty = valid. */
    public List<String> requestProblems(String path, String body) {
        var request = SimpleRequest.Builder.post(path).withContentType("application/json").withBody(body).build();
        return problems(validator.validateRequest(request));
    }

    /** What is wrong with an answer to a POST on {@code path}; empty = valid. */
    public List<String> responseProblems(String path, int status, String body) {
        var response = SimpleResponse.Builder.status(status).withContentType("application/json").withBody(body).build();
        return problems(validator.validateResponse(path, Request.Method.POST, response));
    }

    private static String corrected(InputStream yaml, String resource) throws IOException {
        var root = (ObjectNode) new YAMLMapper().readTree(yaml);
        var info = (ObjectNode) root.get("info");
        if (!info.has("version")) {
            info.put("version", "1.0.0");
        }
        var schemas = (ObjectNode) root.path("components").path("schemas");
        if (schemas.has("UnSubscribeRequest")) {
            var request = (ObjectNode) schemas.get("UnSubscribeRequest");
            rename((ObjectNode) request.get("properties"), "timesstamp", "timestamp");
            request.set("required", JsonNodeFactory.instance.arrayNode().add("transaction_id").add("timestamp")
                    .add("subscription_codes"));
            var response = (ObjectNode) schemas.get("UnSubscribeResponse");
            rename((ObjectNode) response.get("properties"), "timesatmp", "timestamp");
            var subscription = (ObjectNode) schemas.get("SubscriptionInfo");
            subscription.set("required", JsonNodeFactory.instance.arrayNode().add("code").add("timestamp"));
        }
        if (root.path("components") instanceof ObjectNode components) {
            rename(components, "securitySchemas", "securitySchemes");
        }
        root.path("paths").forEach(path -> path.forEach(operation -> {
            if (operation.path("responses") instanceof ObjectNode responses) {
                responses.properties().forEach(r -> {
                    String ref = r.getValue().path("$ref").asText("");
                    if (ref.startsWith("#/components/schemas/")) {
                        r.setValue(envelope(ref));
                    }
                });
            }
        }));
        return new ObjectMapper().writeValueAsString(inline(root, root, 0, resource));
    }

    /** A response of the usual shape around a message schema. */
    private static ObjectNode envelope(String messageRef) {
        var f = JsonNodeFactory.instance;
        var schema = f.objectNode().put("type", "object");
        var properties = schema.putObject("properties");
        properties.putObject("signature").put("$ref", "#/components/schemas/MsgSignature");
        properties.putObject("header").put("$ref", "#/components/schemas/MsgCallbackHeader_V1.0.0");
        properties.putObject("message").put("$ref", messageRef);
        schema.putArray("required").add("header");
        var response = f.objectNode().put("description", "answer");
        response.putObject("content").putObject("application/json").set("schema", schema);
        return response;
    }

    private static void rename(ObjectNode properties, String from, String to) {
        if (properties.has(from)) {
            properties.set(to, properties.remove(from));
        }
    }

    private static JsonNode inline(JsonNode node, JsonNode root, int depth, String resource) {
        if (depth > 64) {
            throw new IllegalStateException("reference cycle in " + resource);
        }
        if (node.isObject()) {
            if (node.has("$ref") && node.get("$ref").asText().startsWith("#/")) {
                return inline(at(root, node.get("$ref").asText().substring(1), depth, resource), root, depth + 1, resource);
            }
            var out = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(e -> out.set("oneOf".equals(e.getKey()) ? "anyOf" : e.getKey(),
                    inline(e.getValue(), root, depth, resource)));
            return out;
        }
        if (node.isArray()) {
            var out = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> out.add(inline(item, root, depth, resource)));
            return out;
        }
        return node;
    }

    /** A JSON pointer that may pass through other references on its way. */
    private static JsonNode at(JsonNode root, String pointer, int depth, String resource) {
        var p = JsonPointer.compile(pointer);
        JsonNode current = root;
        while (!p.matches()) {
            while (current.has("$ref")) {
                current = at(root, current.get("$ref").asText().substring(1), depth + 1, resource);
            }
            current = current.isArray() && p.getMatchingIndex() >= 0 ? current.path(p.getMatchingIndex())
                    : current.path(p.getMatchingProperty());
            p = p.tail();
        }
        if (current.isMissingNode()) {
            throw new IllegalStateException("dangling reference #" + pointer + " in " + resource);
        }
        return current;
    }

    private static List<String> problems(ValidationReport report) {
        var out = new ArrayList<String>();
        report.getMessages().forEach(m -> collect(m, out));
        return out;
    }

    private static void collect(ValidationReport.Message m, List<String> out) {
        if (m.getLevel() != ValidationReport.Level.ERROR) {
            return;
        }
        if (!m.getNestedMessages().isEmpty()) {
            // the nested messages name the field; the encrypted-message alternative only adds noise
            var nested = new ArrayList<String>();
            m.getNestedMessages().stream().filter(n -> !n.getMessage().contains("\"ciphertext\""))
                    .forEach(n -> collect(n, nested));
            if (!nested.isEmpty()) {
                out.addAll(nested);
                return;
            }
        }
        out.add(m.getMessage());
    }
}
