package id.lumbung.platform.testing;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Walks every operation of a service's own OpenAPI document with hostile and careless input — bad path and query
 * parameters, NUL characters, oversized strings and arrays, numbers out of range or of the wrong type, duplicate
 * keys, trailing garbage — and reports every answer that is a 5xx, is not problem+json, or came with a write.
 * Data-driven: a new operation is covered by being in the document.
 */
public final class BadInputCorpus {

    /** An answer that breaks the contract. */
    public record Finding(String operation, String variant, int status, String contentType, String problem) {
        @Override
        public String toString() {
            return operation + " [" + variant + "] → " + status + " " + contentType + ": " + problem;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String LONG = "x".repeat(5_000);
    private static final List<String> BAD_PATH = List.of("x%20y", "%25", "%00", "..%2F..%2Fetc", "%27%3B--", LONG.substring(0, 1_500));
    private static final List<String> BAD_QUERY = List.of("%00", LONG, "-1", "1e30", "%27%20or%201%3D1");
    /** Sent as raw bytes: no HTTP client library lets a malformed URI out. */
    private static final List<String> RAW_TARGETS = List.of("?q=%", "?q=%zz", "?q=%FF", "/%FF", "?" + "q=" + "x".repeat(5_000));
    /** Tables written by background work or by every read, not by the requests under test. */
    private static final Set<String> NOT_WRITES = Set.of("audit_log", "flyway_schema_history", "inbox_event",
            "event_quarantine", "rate_limit_bucket");

    private BadInputCorpus() {
    }

    /**
     * Sends the corpus with a token that holds every role nationally, so that validation, not authorization, is
     * what answers; {@code skip} names operations ("POST /path") left out, each with its reason in the caller.
     */
    public static List<Finding> walk(AgroalDataSource dataSource, Set<String> skip) throws Exception {
        var document = JSON.readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
        String token = TestTokens.token("corpus", Set.of("operator-desa", "dinsos", "kemensos", "petugas-bayar",
                "integrator", "auditor"), List.of());
        var findings = new ArrayList<Finding>();
        var statuses = new java.util.TreeMap<Integer, Integer>();
        var writes = writeProbe(dataSource);
        settle(dataSource, writes);
        String anyGet = null;
        for (Iterator<String> paths = document.path("paths").fieldNames(); paths.hasNext() && anyGet == null;) {
            String path = paths.next();
            if (document.path("paths").path(path).has("get") && !path.contains("{")) {
                anyGet = path;
            }
        }
        for (String target : anyGet == null ? List.<String>of() : RAW_TARGETS) {
            String[] answer = raw(anyGet + target);
            int status = Integer.parseInt(answer[0]);
            if (status >= 500 || !answer[1].startsWith("application/problem+json")) {
                findings.add(new Finding("GET " + anyGet, "raw " + abbreviate(target), status, answer[1], "not a problem"));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            var path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                var op = ops.next();
                String method = op.getKey().toUpperCase();
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                String name = method + " " + path.getKey();
                if (skip.contains(name)) {
                    continue;
                }
                for (var variant : variants(document, path.getKey(), path.getValue(), op.getValue())) {
                    String before = state(dataSource, writes);
                    Response response = send(token, method, variant);
                    int status = response.statusCode();
                    statuses.merge(status, 1, Integer::sum);
                    String type = String.valueOf(response.contentType());
                    boolean dci = path.getKey().startsWith("/dci") || path.getKey().startsWith("/.well-known");
                    if (status >= 500) {
                        findings.add(new Finding(name, variant.name(), status, type, "server error: " + excerpt(response)));
                    } else if (status >= 400 && !dci && !type.startsWith("application/problem+json")) {
                        findings.add(new Finding(name, variant.name(), status, type, "not problem+json: " + excerpt(response)));
                    } else if (status >= 400 && !before.equals(state(dataSource, writes))) {
                        // a row that comes and goes meanwhile is background work; one that stays is the request's
                        settle(dataSource, writes);
                        String written = changed(before, state(dataSource, writes));
                        if (!written.isEmpty()) {
                            findings.add(new Finding(name, variant.name(), status, type, "refused, yet written to " + written));
                        }
                    }
                    if (status < 400) {
                        // what an accepted request sets off (events, their consumers) is not the next request's doing
                        settle(dataSource, writes);
                    }
                }
            }
        }
        System.out.println("bad-input corpus: answers by status " + statuses + ", " + findings.size() + " findings");
        return findings;
    }

    /** One request of the corpus: the raw path (already percent-encoded), raw query and body. */
    record Variant(String name, String path, Map<String, String> query, String body) {
    }

    private static List<Variant> variants(JsonNode document, String template, JsonNode pathItem, JsonNode op) {
        var parameters = new ArrayList<JsonNode>();
        pathItem.path("parameters").forEach(parameters::add);
        op.path("parameters").forEach(parameters::add);
        var pathParams = new LinkedHashMap<String, JsonNode>();
        var queryParams = new LinkedHashMap<String, JsonNode>();
        for (var p : parameters) {
            if ("path".equals(p.path("in").asText())) {
                pathParams.put(p.path("name").asText(), p.path("schema"));
            } else if ("query".equals(p.path("in").asText())) {
                queryParams.put(p.path("name").asText(), p.path("schema"));
            }
        }
        String plausiblePath = template;
        for (var p : pathParams.entrySet()) {
            plausiblePath = plausiblePath.replace("{" + p.getKey() + "}", plausible(p.getValue()));
        }
        var out = new ArrayList<Variant>();
        for (var p : pathParams.keySet()) {
            for (String bad : BAD_PATH) {
                String path = template;
                for (var q : pathParams.entrySet()) {
                    path = path.replace("{" + q.getKey() + "}", q.getKey().equals(p) ? bad : plausible(q.getValue()));
                }
                out.add(new Variant("path " + p + "=" + abbreviate(bad), path, Map.of(), null));
            }
        }
        for (var p : queryParams.keySet()) {
            for (String bad : BAD_QUERY) {
                out.add(new Variant("query " + p + "=" + abbreviate(bad), plausiblePath, Map.of(p, bad), null));
            }
        }
        JsonNode body = op.path("requestBody").path("content").path("application/json").path("schema");
        if (!body.isMissingNode()) {
            var base = example(document, body, 0);
            for (String raw : List.of("", "{", "[]", "null", "\"x\"", "{}x", "{\"a\": 1, \"a\": 2}", "{\"a\": \"\\u0000\"}")) {
                out.add(new Variant("body " + abbreviate(raw), plausiblePath, Map.of(), raw));
            }
            if (base.isObject()) {
                out.add(new Variant("body plausible", plausiblePath, Map.of(), base.toString()));
                var first = base.fieldNames().hasNext() ? base.fieldNames().next() : null;
                if (first != null) {
                    var twice = base.toString().replaceFirst("\\{", "{\"" + first + "\": " + base.get(first) + ", ");
                    out.add(new Variant("body " + first + " twice", plausiblePath, Map.of(), twice));
                }
                for (Iterator<String> fields = base.fieldNames(); fields.hasNext();) {
                    String field = fields.next();
                    for (var bad : hostile(base.get(field))) {
                        ObjectNode copy = (ObjectNode) base.deepCopy();
                        copy.set(field, bad);
                        out.add(new Variant("body " + field + "=" + abbreviate(bad.toString()), plausiblePath, Map.of(),
                                copy.toString()));
                    }
                }
            }
        }
        return out;
    }

    private static List<JsonNode> hostile(JsonNode plausible) {
        var out = new ArrayList<JsonNode>();
        out.add(NODES.textNode("a\u0000b"));
        out.add(NODES.textNode(LONG.repeat(20)));
        out.add(NODES.numberNode(new java.math.BigDecimal("1e30")));
        out.add(NODES.numberNode(-1));
        out.add(NODES.numberNode(2.5));
        out.add(NODES.textNode("2"));
        ArrayNode many = NODES.arrayNode();
        for (int i = 0; i < 20_000; i++) {
            many.add(plausible != null && plausible.isArray() && !plausible.isEmpty() ? plausible.get(0) : NODES.textNode("x"));
        }
        out.add(many);
        out.add(NODES.objectNode());
        return out;
    }

    /** A value of the schema's shape, plausible enough that validation looks at every field. */
    private static JsonNode example(JsonNode document, JsonNode schema, int depth) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            schema = document.at(ref.substring(1));
        }
        if (depth > 4) {
            return NODES.nullNode();
        }
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.path("examples").isArray() && !schema.get("examples").isEmpty()) {
            return schema.get("examples").get(0);
        }
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                schema.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(), example(document, p.getValue(), depth + 1)));
                yield object;
            }
            case "array" -> NODES.arrayNode().add(example(document, schema.path("items"), depth + 1));
            case "integer" -> NODES.numberNode(1);
            case "number" -> NODES.numberNode(1.5);
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.textNode(plausibleText(schema));
        };
    }

    private static String plausible(JsonNode schema) {
        return plausibleText(schema);
    }

    private static String plausibleText(JsonNode schema) {
        String format = schema.path("format").asText("");
        String pattern = schema.path("pattern").asText("");
        if (format.equals("uuid")) {
            return UUID.randomUUID().toString();
        }
        if (format.equals("date")) {
            return "2025-11-21";
        }
        if (format.equals("date-time")) {
            return "2025-11-21T03:00:00Z";
        }
        if (pattern.contains("\\d{16}")) {
            return "3320060107850001";
        }
        if (pattern.contains("Q[1-4]")) {
            return "2025-Q4";
        }
        return "33.20.06.1001";
    }

    private static Response send(String token, String method, Variant variant) {
        var request = given().config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                .appendDefaultContentCharsetToContentTypeIfUndefined(false))).urlEncodingEnabled(false)
                .header("Authorization", "Bearer " + token).header("X-Purpose", "uji masukan").header("If-Match", "\"0\"");
        variant.query().forEach(request::queryParam);
        if (variant.body() != null) {
            request.contentType("application/json").body(variant.body());
        }
        return request.request(method, variant.path());
    }

    /**
     * Per table that requests may write, its row count: an insert or delete by a refused request shows (updates by
     * background work, such as the outbox relay marking rows published, would make row versions useless here).
     */
    private static String writeProbe(AgroalDataSource dataSource) throws SQLException {
        var parts = new ArrayList<String>();
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(
                "select tablename from pg_tables where schemaname = current_schema() order by tablename")) {
            while (rs.next()) {
                String table = rs.getString(1);
                if (!NOT_WRITES.contains(table) && !table.startsWith("import_")) {
                    parts.add("select '" + table + "' || ':' || count(*) from \"" + table + "\"");
                }
            }
        }
        return "select string_agg(s, ',') from (" + String.join(" union all ", parts) + ") t(s)";
    }

    /** Waits until nothing changes for a while (at most 15 s). */
    private static void settle(AgroalDataSource dataSource, String probe) throws InterruptedException {
        String last = state(dataSource, probe);
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            String now = state(dataSource, probe);
            if (now.equals(last)) {
                return;
            }
            last = now;
        }
    }

    private static String changed(String before, String after) {
        var was = new java.util.HashSet<>(List.of(before.split(",")));
        return String.join(", ", java.util.Arrays.stream(after.split(",")).filter(t -> !was.contains(t)).toList());
    }

    private static String state(AgroalDataSource dataSource, String probe) {
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(probe)) {
            rs.next();
            return String.valueOf(rs.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Status code and content type of a request sent byte for byte. */
    private static String[] raw(String target) {
        try (var socket = new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            String status = answer.split(" ", 3)[1];
            String type = "";
            for (String line : answer.split("\r\n")) {
                if (line.isEmpty()) {
                    break;
                }
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:")) {
                    type = line.substring("content-type:".length()).trim();
                }
            }
            return new String[] { status, type };
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String excerpt(Response response) {
        String body = response.asString();
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    private static String abbreviate(String value) {
        return value.length() > 24 ? value.substring(0, 20) + "…(" + value.length() + ")" : value;
    }
}
