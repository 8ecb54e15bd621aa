package id.lumbung.platform.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service's OpenAPI document is a contract a partner can generate a client from: Spectral's {@code spectral:oas}
 * ruleset finds nothing, every operation has a readable operationId and a description, every parameter and property
 * says what it is, every error answer is a problem, every success answer has a schema, and every value a caller
 * sends has a bound. A service's test extends it and is a {@code @QuarkusTest}.
 */
public abstract class OpenApiContract {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern OPERATION_ID = Pattern.compile("[a-z][a-zA-Z0-9]{2,60}");
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    JsonNode document;
    String text;

    @BeforeEach
    void read() throws IOException {
        text = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().asString();
        document = JSON.readTree(text);
    }

    @Test
    void spectralFindsNothing() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("lumbung"))) {
            root = root.getParent();
        }
        assertThat(root).as("project root (the directory of ./lumbung)").isNotNull();
        var install = new ProcessBuilder("bash", root.resolve("deploy/local/spectral.sh").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String spectral = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(install.waitFor(10, TimeUnit.MINUTES) && install.exitValue() == 0).as("Spectral installed").isTrue();

        Path file = Files.createDirectories(Path.of("target", "openapi-contract")).resolve("openapi.json");
        Files.writeString(file, text);
        var lint = new ProcessBuilder(spectral, "lint", "--quiet", "-f", "json", "-r",
                root.resolve("tools/spectral/.spectral.yaml").toString(), file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(5, TimeUnit.MINUTES)).as("Spectral finished").isTrue();
        var findings = new ArrayList<String>();
        for (var finding : JSON.readTree(output.isBlank() ? "[]" : output)) {
            findings.add(finding.path("code").asText() + " at " + finding.path("path") + ": "
                    + finding.path("message").asText());
        }
        assertThat(findings).as(String.join("\n", findings)).isEmpty();
    }

    @Test
    void everyOperationHasAReadableUniqueOperationIdADescriptionAndTags() {
        var problems = new ArrayList<String>();
        var ids = new HashSet<String>();
        operations((where, operation) -> {
            String id = operation.path("operationId").asText("");
            if (!OPERATION_ID.matcher(id).matches()) {
                problems.add(where + ": operationId '" + id + "' is not a camelCase name");
            } else if (!ids.add(id)) {
                problems.add(where + ": operationId '" + id + "' is used twice");
            }
            String description = operation.path("description").asText("").replaceAll("(?s)\\n*Roles: [^\\n]*$", "");
            if (description.strip().length() < 20) {
                problems.add(where + ": no description");
            }
            if (operation.path("summary").asText("").isBlank()) {
                problems.add(where + ": no summary");
            }
            if (operation.path("tags").isEmpty()) {
                problems.add(where + ": no tag");
            }
        });
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @Test
    void everyParameterAndPropertySaysWhatItIs() {
        var problems = new ArrayList<String>();
        operations((where, operation) -> {
            for (var parameter : operation.path("parameters")) {
                if (parameter.path("description").asText("").isBlank()) {
                    problems.add(where + ": parameter " + parameter.path("name").asText() + " has no description");
                }
            }
        });
        document.path("components").path("schemas").fields().forEachRemaining(schema -> {
            if (schema.getValue().path("description").asText("").isBlank()
                    && !schema.getValue().has("enum") && schema.getValue().has("properties")) {
                problems.add("schema " + schema.getKey() + " has no description");
            }
            properties("schema " + schema.getKey(), schema.getValue(), problems);
        });
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @Test
    void everyErrorIsAProblemAndEverySuccessHasItsSchema() {
        var problems = new ArrayList<String>();
        operations((where, operation) -> operation.path("responses").fields().forEachRemaining(answer -> {
            String code = answer.getKey();
            JsonNode content = answer.getValue().path("content");
            if (code.compareTo("400") >= 0) {
                if (!content.has("application/problem+json") && !where.contains(" /dci/")) {
                    problems.add(where + " " + code + ": not documented as application/problem+json");
                }
            } else if (code.startsWith("2") && !code.equals("204") && !code.equals("202") && content.isEmpty()) {
                problems.add(where + " " + code + ": no schema for the answer");
            }
        }));
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @Test
    void everyValueACallerSendsHasABound() {
        var problems = new ArrayList<String>();
        var requestSchemas = new HashSet<String>();
        operations((where, operation) -> {
            for (var parameter : operation.path("parameters")) {
                unbounded(where + " parameter " + parameter.path("name").asText(), parameter.path("schema"), problems);
            }
            operation.path("requestBody").path("content").forEach(media -> references(media.path("schema"), requestSchemas));
        });
        var schemas = document.path("components").path("schemas");
        var pending = new ArrayList<>(requestSchemas);
        while (!pending.isEmpty()) {
            String name = pending.remove(pending.size() - 1);
            var found = new HashSet<String>();
            references(schemas.path(name), found);
            found.stream().filter(requestSchemas::add).forEach(pending::add);
        }
        for (String name : requestSchemas) {
            schemas.path(name).path("properties").fields().forEachRemaining(
                    p -> unbounded("schema " + name + "." + p.getKey(), p.getValue(), problems));
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    private void unbounded(String where, JsonNode schema, List<String> problems) {
        if (schema.has("$ref") || schema.has("enum") || schema.has("const")) {
            return;
        }
        Set<String> types = new HashSet<>();
        if (schema.path("type").isArray()) {
            schema.path("type").forEach(t -> types.add(t.asText()));
        } else {
            types.add(schema.path("type").asText(""));
        }
        if (types.contains("string") && !schema.has("maxLength") && !schema.has("pattern") && !schema.has("format")) {
            problems.add(where + ": string without maxLength, pattern or format");
        }
        if ((types.contains("integer") || types.contains("number")) && !schema.has("maximum")
                && !schema.has("exclusiveMaximum") && !Set.of("int32", "int64").contains(schema.path("format").asText(""))) {
            problems.add(where + ": number without a maximum");
        }
        if (types.contains("array")) {
            if (!schema.has("maxItems")) {
                problems.add(where + ": array without maxItems");
            }
            unbounded(where + "[]", schema.path("items"), problems);
        }
    }

    private static void references(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            var ref = node.path("$ref").asText("");
            if (ref.startsWith("#/components/schemas/")) {
                names.add(ref.substring("#/components/schemas/".length()));
            }
            node.forEach(child -> references(child, names));
        } else if (node.isArray()) {
            node.forEach(child -> references(child, names));
        }
    }

    private static void properties(String where, JsonNode schema, List<String> problems) {
        schema.path("properties").fields().forEachRemaining(p -> {
            if (p.getValue().path("description").asText("").isBlank()) {
                problems.add(where + "." + p.getKey() + " has no description");
            }
            properties(where + "." + p.getKey(), p.getValue(), problems);
            properties(where + "." + p.getKey() + "[]", p.getValue().path("items"), problems);
        });
    }

    private void operations(java.util.function.BiConsumer<String, JsonNode> check) {
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                check.accept(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
            }
        }));
    }
}
