package id.lumbung.eligibility.dci;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lumbung.eligibility.service.HouseholdProjector;
import id.lumbung.eligibility.service.Projected;
import id.lumbung.platform.dci.DciSpec;
import id.lumbung.platform.security.Roles;
import id.lumbung.platform.testing.TestTokens;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** DCI IBR messages, families on approved lists, and the spec checks every exchange passes. */
final class DciIbrTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Loaded on its own from the shipped file, as an integrator would. */
    static final DciSpec SPEC = DciSpec.load("dci/ibr_api_v1.0.0.yaml");
    static final String IBR_ID = "ibr.lumbung.id";
    static final String ENROLLED = "/dci/registry/sync/enrolled";
    static final String SEARCH = "/dci/registry/sync/search";
    static final String UPDATES = "/dci/registry/sync/enrollment/updates";

    private DciIbrTestSupport() {
    }

    /** A token as the registry's DCI token endpoint issues it: the client id as subject, role integrator, regions. */
    static String token(String client, String... regions) {
        return TestTokens.token(client, Set.of(Roles.INTEGRATOR), List.of(regions));
    }

    static ObjectNode header(String sender, String action) {
        var h = JSON.createObjectNode();
        h.put("version", "1.0.0");
        h.put("message_id", UUID.randomUUID().toString());
        h.put("message_ts", "2025-11-01T09:00:00+07:00");
        h.put("action", action);
        h.put("sender_id", sender);
        h.put("receiver_id", IBR_ID);
        h.put("total_count", 1);
        h.put("is_msg_encrypted", false);
        return h;
    }

    static ObjectNode envelope(ObjectNode header, JsonNode message) {
        var body = JSON.createObjectNode();
        body.set("header", header);
        body.set("message", message);
        return body;
    }

    /** An enrolled request by identifier ({@code idtype-value}). */
    static ObjectNode enrolledBy(String sender, String type, String value) {
        var query = JSON.createObjectNode();
        query.put("type", type);
        query.put("value", value);
        return enrolled(sender, "idtype-value", query);
    }

    static ObjectNode enrolled(String sender, String queryType, JsonNode query) {
        var message = JSON.createObjectNode();
        message.put("transaction_id", "txn-" + UUID.randomUUID());
        var criteria = message.putObject("enrolled_criteria");
        criteria.put("query_type", queryType);
        criteria.put("response_entity", "Group");
        criteria.set("query", query);
        return envelope(header(sender, "search"), message);
    }

    /** A search for enrolment changes from {@code since}, with the extra predicate items given. */
    static ObjectNode changesSince(String sender, String op, Instant since, int pageSize, int pageNumber, String eventType,
            Map<String, String> equals) {
        var message = JSON.createObjectNode();
        message.put("transaction_id", "txn-" + UUID.randomUUID());
        var request = message.putArray("search_request").addObject();
        request.put("reference_id", "ref-1");
        request.put("timestamp", "2025-11-01T09:00:00+07:00");
        var criteria = request.putObject("search_criteria");
        if (eventType != null) {
            criteria.put("reg_event_type", eventType);
        }
        criteria.put("query_type", "predicate");
        var query = criteria.putArray("query");
        int seq = 1;
        predicate(query.addObject(), seq++, "status_change_date", op, since.toString());
        for (var e : equals.entrySet()) {
            predicate(query.addObject(), seq++, e.getKey(), "eq", e.getValue());
        }
        var pagination = criteria.putObject("pagination");
        pagination.put("page_size", pageSize);
        pagination.put("page_number", pageNumber);
        return envelope(header(sender, "search"), message);
    }

    private static void predicate(ObjectNode item, int seq, String name, String op, String value) {
        item.put("seq_num", seq);
        var e = item.putObject("expression1");
        e.put("attribute_name", name);
        e.put("operator", op);
        e.put("attribute_value", value);
    }

    /** Posts a request the spec accepts, and checks the answer against the spec too. */
    static JsonNode post(String path, String token, JsonNode body, int status) {
        assertThat(SPEC.requestProblems(path, body.toString())).as("request against the IBR spec").isEmpty();
        return postRaw(path, token, body.toString(), status);
    }

    /** Posts any text (also one the spec refuses); the answer must still be in the spec's shapes. */
    static JsonNode postRaw(String path, String token, String body, int status) {
        var request = given().contentType("application/json").body(body);
        if (token != null) {
            request.auth().oauth2(token);
        }
        Response response = request.when().post(path).then().statusCode(status).extract().response();
        String answer = response.asString();
        assertThat(SPEC.responseProblems(path, status, answer)).as("answer against the IBR spec: " + answer).isEmpty();
        try {
            return JSON.readTree(answer);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + answer, e);
        }
    }

    /** Projects a family of a head, a wife and a child in the village with the desil. */
    static Projected.Builder family(HouseholdProjector projector, String village, int desil, String head) {
        var f = Projected.in(village, desil).head(head).wife("Istri " + head).child("Anak " + head, java.time.LocalDate.of(2022, 3, 3));
        Projected.project(projector, f.household());
        return f;
    }

    /** Drafts and approves (by a second ministry officer) the list of a program for a district; returns its id. */
    static String approvedList(String programCode, String region) {
        var drafter = TestTokens.token("kemensos-dci-1", Set.of(Roles.KEMENSOS), List.of());
        String id = given().auth().oauth2(drafter).contentType("application/json")
                .body(Map.of("programCode", programCode, "period", "2025-Q4", "regionCode", region))
                .when().post("/api/v1/beneficiary-lists").then().statusCode(201).extract().path("id");
        var approver = TestTokens.token("kemensos-dci-2", Set.of(Roles.KEMENSOS), List.of());
        given().auth().oauth2(approver).when().post("/api/v1/beneficiary-lists/" + id + "/approval").then().statusCode(200);
        return id;
    }

    /** The value of an {@code additional_attributes} entry of a record, or null. */
    static JsonNode attribute(JsonNode record, String name) {
        for (var a : record.path("additional_attributes")) {
            if (name.equals(a.path("attribute_name").asText())) {
                return a.path("attribute_value");
            }
        }
        return null;
    }
}
