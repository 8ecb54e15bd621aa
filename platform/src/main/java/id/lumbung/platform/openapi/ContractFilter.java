package id.lumbung.platform.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lumbung.platform.problem.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.info.Contact;
import org.eclipse.microprofile.openapi.models.info.License;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * What every Lumbung OpenAPI document says the same way, written once: the problem+json answer of every error,
 * the answers every operation can give (400 for its input, 404 for an unknown path id, 401/403 when secured), the
 * roles that may call an operation (an {@code x-roles} extension, not OAuth scopes of a bearer scheme), contact and
 * licence, and descriptions and examples of the domain's words from the {@link Glossary}. Registered in every
 * service with {@code mp.openapi.filter}.
 */
public class ContractFilter implements OASFilter {

    static final String PROBLEM = "Problem";
    static final String VIOLATION = "Violation";
    static final String ANY_JSON = "JsonNode";
    static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    static final ObjectMapper JSON = new ObjectMapper();

    /** What an error answer means when the operation says nothing more specific. */
    static final Map<String, String> GENERIC = Map.ofEntries(
            Map.entry("400", "The request breaks the contract: a parameter or body field is missing, malformed or"
                    + " out of bounds (each listed in `violations`); nothing was written"),
            Map.entry("401", "No valid bearer token: missing, expired, issued in the future or not signed by a"
                    + " trusted issuer"),
            Map.entry("403", "The caller's role may not do this, or the record lies outside the caller's region"),
            Map.entry("404", "Nothing with this identifier exists (or it lies outside what the caller may see)"),
            Map.entry("409", "The request conflicts with the record's current state"),
            Map.entry("412", "The If-Match version is not the record's current version: read it again"),
            Map.entry("422", "The request is well-formed but a rule of the domain refuses it"),
            Map.entry("428", "An If-Match header with the record's current version (its ETag) is required"),
            Map.entry("429", "Too many requests from this caller: wait the seconds in Retry-After"),
            Map.entry("503", "A dependency (database or broker) is not reachable; try again later"));

    /** Descriptions the generator writes when nobody said anything; they are replaced by {@link #GENERIC}. */
    static final List<String> PLACEHOLDERS = List.of("Bad Request", "Not Authorized", "Not Allowed", "Not Found",
            "Conflict", "Unauthorized", "Forbidden");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        var glossary = Glossary.load(Thread.currentThread().getContextClassLoader());
        info(openAPI);
        var components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        problemSchemas(components);
        anyJson(components);
        if (openAPI.getPaths() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> operations(item)
                    .forEach(operation -> operation(path, operation, glossary)));
        }
        if (components.getSchemas() != null) {
            components.getSchemas().forEach((name, schema) -> describe(name, schema, components, glossary));
        }
    }

    private static void info(OpenAPI openAPI) {
        var info = openAPI.getInfo() == null ? OASFactory.createInfo() : openAPI.getInfo();
        if (info.getContact() == null) {
            info.setContact(OASFactory.createObject(Contact.class).name("Lumbung")
                    .url("https://lumbung.id"));
        }
        if (info.getLicense() == null || info.getLicense().getUrl() == null) {
            info.setLicense(OASFactory.createObject(License.class).name("Apache-2.0")
                    .url("https://www.apache.org/licenses/LICENSE-2.0"));
        }
        openAPI.setInfo(info);
    }

    private static void problemSchemas(Components components) {
        var violation = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("One field of the request that broke a rule")
                .addProperty("field", string("The field, parameter or header, e.g. members[0].nik or householdId",
                        "members[0].nik", 300))
                .addProperty("message", string("What is wrong with it, in words", "must be 16 digits", 1000))
                .required(List.of("field", "message"));
        var problem = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("RFC 9457 problem details: every error answer of every Lumbung service. Further members"
                        + " name what the problem is about, e.g. planId, orderId, currentStatus, retryAfter.")
                .addProperty("type", string("A URI naming the kind of problem; stable, for programs to branch on",
                        "https://lumbung.id/problems/validation", 300).format("uri"))
                .addProperty("title", string("A short summary of the kind of problem", "Invalid request", 300))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER)
                        .description("The HTTP status of this answer").minimum(java.math.BigDecimal.valueOf(400))
                        .maximum(java.math.BigDecimal.valueOf(599)).examples(List.of(400)))
                .addProperty("detail", string("What went wrong with this request, in words", "desil must be 1-10",
                        4000))
                .addProperty("instance", string("The request path that met the problem",
                        "/api/v1/households/8d1c5e0e-6a53-4a8e-9b51-3d2c7f1a0b11", 2000).format("uri-reference"))
                .addProperty("violations", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .description("Each field that broke a rule (validation problems only)").maxItems(1000)
                        .items(OASFactory.createSchema().ref(VIOLATION)))
                .addProperty("field", string("The one field a problem is about, when there is one", "noKk", 300))
                .addProperty("retryAfter", OASFactory.createSchema().addType(SchemaType.INTEGER)
                        .description("Seconds to wait before asking again (429 only; also the Retry-After header)")
                        .minimum(java.math.BigDecimal.ZERO).examples(List.of(30)))
                .required(List.of("type", "title", "status"))
                .additionalPropertiesBoolean(Boolean.TRUE);
        components.addSchema(VIOLATION, violation);
        components.addSchema(PROBLEM, problem);
    }

    private static Schema string(String description, String example, int maxLength) {
        return OASFactory.createSchema().addType(SchemaType.STRING).description(description).maxLength(maxLength)
                .examples(List.of(example));
    }

    /** Jackson's JsonNode in a record is any JSON value, not the node class's getters. */
    private static void anyJson(Components components) {
        if (components.getSchemas() != null && components.getSchemas().containsKey(ANY_JSON)) {
            components.addSchema(ANY_JSON, OASFactory.createSchema()
                    .description("Any JSON value, kept exactly as it was received or recorded"));
            components.removeSchema(ANY_JSON + "Type");
        }
    }

    private static List<Operation> operations(PathItem item) {
        var all = new ArrayList<Operation>();
        for (var operation : new Operation[] { item.getGET(), item.getPOST(), item.getPUT(), item.getPATCH(),
                item.getDELETE(), item.getHEAD(), item.getOPTIONS() }) {
            if (operation != null) {
                all.add(operation);
            }
        }
        return all;
    }

    private static void operation(String path, Operation operation, Glossary glossary) {
        var responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean hasInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (hasInput && !responses.hasAPIResponse("400")) {
            responses.addAPIResponse("400", OASFactory.createAPIResponse());
        }
        if (path.contains("{") && !responses.hasAPIResponse("404")) {
            responses.addAPIResponse("404", OASFactory.createAPIResponse());
        }
        roles(operation, responses);
        var sorted = new TreeMap<>(responses.getAPIResponses());
        sorted.forEach((code, response) -> {
            if (code.compareTo("400") >= 0 && code.length() == 3) {
                problem(code, response);
            }
        });
        responses.setAPIResponses(new LinkedHashMap<>(sorted));
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(p -> parameter(p, glossary));
        }
    }

    /** Roles are not scopes of a bearer token: they go to {@code x-roles} and the description. */
    private static void roles(Operation operation, org.eclipse.microprofile.openapi.models.responses.APIResponses responses) {
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            return;
        }
        var roles = new ArrayList<String>();
        var cleared = new ArrayList<SecurityRequirement>();
        for (var requirement : operation.getSecurity()) {
            var scheme = OASFactory.createSecurityRequirement();
            requirement.getSchemes().forEach((name, scopes) -> {
                if (scopes != null) {
                    scopes.stream().filter(r -> !roles.contains(r)).forEach(roles::add);
                }
                scheme.addScheme(name, List.of());
            });
            cleared.add(scheme);
        }
        operation.setSecurity(cleared);
        if (!roles.isEmpty()) {
            operation.addExtension("x-roles", roles);
            var description = operation.getDescription() == null ? "" : operation.getDescription().strip() + "\n\n";
            operation.setDescription(description + "Roles: " + String.join(", ", roles) + ".");
        }
        for (var code : new String[] { "401", "403" }) {
            if (!responses.hasAPIResponse(code)) {
                responses.addAPIResponse(code, OASFactory.createAPIResponse());
            }
        }
    }

    private static void problem(String code, APIResponse response) {
        if (response.getDescription() == null || response.getDescription().isBlank()
                || PLACEHOLDERS.contains(response.getDescription())) {
            response.setDescription(GENERIC.getOrDefault(code, "The request could not be answered"));
        }
        if (response.getContent() == null || response.getContent().getMediaTypes().isEmpty()) {
            Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                    OASFactory.createObject(MediaType.class).schema(OASFactory.createSchema().ref(PROBLEM)));
            response.setContent(content);
        }
    }

    private static void parameter(Parameter parameter, Glossary glossary) {
        if (parameter.getName() == null) {
            return;
        }
        if (parameter.getDescription() == null || parameter.getDescription().isBlank()) {
            glossary.parameter(parameter.getName()).ifPresent(parameter::setDescription);
        }
        if (parameter.getExample() == null && parameter.getExamples() == null) {
            glossary.parameterExample(parameter.getName()).map(e -> typed(e, parameter.getSchema(), null))
                    .ifPresent(parameter::setExample);
        }
    }

    private static void describe(String schemaName, Schema schema, Components components, Glossary glossary) {
        if (schema.getProperties() == null) {
            return;
        }
        schema.getProperties().forEach((name, property) -> {
            var example = glossary.propertyExample(schemaName, name);
            var typedExample = example.map(e -> typed(e, property, components));
            if (example.isPresent() && typedExample.isEmpty()) {
                return; // the word means something else here: its example does not even have this type
            }
            if (property.getDescription() == null || property.getDescription().isBlank()) {
                glossary.property(schemaName, name).ifPresent(property::setDescription);
            }
            if (property.getExamples() == null && property.getExample() == null) {
                typedExample.ifPresent(e -> property.setExamples(List.of(e)));
            }
        });
    }

    /**
     * A glossary example as the JSON value the schema's type calls for; null when the word names something else
     * here (e.g. {@code total} as an object of totals), so no example is better than a wrong one.
     */
    static Object typed(String example, Schema schema, Components components) {
        var type = type(schema, components);
        if (type == null || type == SchemaType.STRING) {
            return example;
        }
        Object value;
        try {
            value = JSON.readValue(example, Object.class);
        } catch (JsonProcessingException e) {
            return null;
        }
        boolean fits = switch (type) {
            case INTEGER -> value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger;
            case NUMBER -> value instanceof Number;
            case BOOLEAN -> value instanceof Boolean;
            case ARRAY -> value instanceof List;
            case OBJECT -> value instanceof Map;
            default -> false;
        };
        return fits ? value : null;
    }

    private static SchemaType type(Schema schema, Components components) {
        if (schema == null) {
            return null;
        }
        if (schema.getRef() != null && components != null && components.getSchemas() != null) {
            var target = components.getSchemas().get(schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1));
            return target == null ? null : type(target, null);
        }
        var types = schema.getType();
        if (types == null || types.isEmpty()) {
            return null;
        }
        return types.stream().filter(t -> t != SchemaType.NULL).findFirst().orElse(null);
    }
}
