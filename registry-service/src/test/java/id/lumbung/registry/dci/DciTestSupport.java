package id.lumbung.registry.dci;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lumbung.platform.dci.DciSpec;
import id.lumbung.platform.security.Roles;
import id.lumbung.platform.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** DCI messages, families and spec checks shared by the DCI tests. */
final class DciTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();
    static final DciSpec SPEC = DciSpec.load(DciRegistry.SOCIAL_REGISTRY);
    /** subscribe / unsubscribe / notify are defined by the core registry spec only. */
    static final DciSpec CORE = DciSpec.load(DciRegistry.REGISTRY_CORE);
    static final String REGISTRY_ID = "registry.lumbung.id";
    /** Kauman, Jepara: only the DCI tests register families here. */
    static final String VILLAGE = "33.20.06.1007";
    /** Widoro (Jawa Timur): outside every DCI test caller's scope. */
    static final String FAR_VILLAGE = "35.01.01.2001";

    private static final AtomicInteger SERIAL = new AtomicInteger(ThreadLocalRandom.current().nextInt(0, 900));

    private DciTestSupport() {
    }

    /** A registered family: its No. KK and member NIKs (head first). */
    record Family(String noKk, List<String> niks, java.util.UUID id) {
    }

    /** One member: sex, birth date (yyyy-MM-dd), relationship. */
    record Person(String sex, String birthDate, String relationship, String name) {
    }

    static Family register(String village, Integer desil, Person... people) {
        int serial = SERIAL.incrementAndGet() % 1000;
        String noKk = "332006010199%04d".formatted(serial);
        var body = JSON.createObjectNode();
        body.put("noKk", noKk);
        body.put("villageCode", village);
        body.put("address", "Jl. Pemuda No. 7");
        body.put("rt", "001");
        body.put("rw", "004");
        if (desil != null) {
            body.put("desil", desil);
            body.put("desilPeriod", "2025-Q4");
        }
        var members = body.putArray("members");
        var niks = new java.util.ArrayList<String>();
        int i = 0;
        for (var p : people) {
            // NIK: district 332006, birth DDMMYY (women +40), then a serial (9xyz keeps clear of other tests)
            String[] ymd = p.birthDate().split("-");
            int day = Integer.parseInt(ymd[2]) + ("FEMALE".equals(p.sex()) ? 40 : 0);
            String nik = "332006%02d%s%s9%d%02d".formatted(day, ymd[1], ymd[0].substring(2), i++, serial % 100);
            niks.add(nik);
            var m = members.addObject();
            m.put("nik", nik);
            m.put("fullName", p.name());
            m.put("sex", p.sex());
            m.put("birthDate", p.birthDate());
            m.put("relationship", p.relationship());
            m.putArray("employment");
        }
        String id = given().auth().oauth2(TestTokens.token(Roles.KEMENSOS)).contentType(ContentType.JSON).body(body.toString())
                .when().post("/api/v1/households").then().statusCode(201).extract().path("id");
        return new Family(noKk, niks, java.util.UUID.fromString(id));
    }

    static String token(String sender, String... regions) {
        return TestTokens.token(sender, Set.of(Roles.INTEGRATOR), List.of(regions));
    }

    static ObjectNode header(String action, String sender) {
        var h = JSON.createObjectNode();
        h.put("version", "1.0.0");
        h.put("message_id", UUID.randomUUID().toString());
        h.put("message_ts", Instant.now().toString());
        h.put("action", action);
        h.put("sender_id", sender);
        h.put("receiver_id", REGISTRY_ID);
        h.put("total_count", 1);
        h.put("is_msg_encrypted", false);
        return h;
    }

    static ObjectNode envelope(String action, String sender, ObjectNode message) {
        var e = JSON.createObjectNode();
        e.set("header", header(action, sender));
        e.set("message", message);
        return e;
    }

    /** A search message with one request; {@code criteria} is the search_criteria JSON. */
    static ObjectNode searchMessage(String criteria) {
        try {
            var m = JSON.createObjectNode();
            m.put("transaction_id", "T-" + UUID.randomUUID());
            var r = m.putArray("search_request").addObject();
            r.put("reference_id", "R-" + UUID.randomUUID());
            r.put("timestamp", Instant.now().toString());
            r.set("search_criteria", JSON.readTree(criteria));
            return m;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode txnStatusMessage(String attributeType, JsonNode value) {
        var m = JSON.createObjectNode();
        m.put("transaction_id", "T-" + UUID.randomUUID());
        var r = m.putObject("txnstatus_request");
        r.put("reference_id", "R-" + UUID.randomUUID());
        r.put("txn_type", "search");
        r.put("attribute_type", attributeType);
        r.set("attribute_value", value);
        return m;
    }

    /** POSTs {@code body} to {@code /dci/registry/<operation>}, checks request and answer against the spec. */
    static JsonNode post(String operation, String token, String body, int expectedStatus) {
        String path = "/dci/registry/" + operation;
        var request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        Response response = request.when().post(path);
        String answer = response.asString();
        assertThat(response.statusCode()).as(answer).isEqualTo(expectedStatus);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(spec(path).responseProblems(path, response.statusCode(), answer)).as(answer).isEmpty();
        try {
            return JSON.readTree(answer);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Like {@link #post} for a request that is itself valid by the spec (checked first). */
    static JsonNode postValid(String operation, String token, ObjectNode envelope, int expectedStatus) {
        String body = envelope.toString();
        assertThat(spec(operation).requestProblems("/dci/registry/" + operation, body)).as(body).isEmpty();
        return post(operation, token, body, expectedStatus);
    }

    /** The spec an operation is defined in. */
    static DciSpec spec(String operation) {
        return operation.endsWith("subscribe") || operation.endsWith("notify") ? CORE : SPEC;
    }

    /** The additional_attributes of a record as a map. */
    static java.util.Map<String, JsonNode> extra(JsonNode record) {
        var out = new java.util.HashMap<String, JsonNode>();
        record.path("additional_attributes").forEach(a -> out.put(a.path("attribute_name").asText(), a.path("attribute_value")));
        return out;
    }
}
