package id.lumbung.registry.dci;

import static id.lumbung.registry.dci.DciTestSupport.envelope;
import static id.lumbung.registry.dci.DciTestSupport.post;
import static id.lumbung.registry.dci.DciTestSupport.searchMessage;
import static id.lumbung.registry.dci.DciTestSupport.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lumbung.platform.security.Roles;
import id.lumbung.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The message layer: every malformed or refused request answered in the spec's shapes, never a 500. */
@QuarkusTest
class DciEnvelopeTest {

    static final String SENDER = "spmis-envelope";
    static final String CRITERIA = """
            {"query_type": "idtype-value", "query": {"type": "KK", "value": "3320060101990001"}}""";

    private static ObjectNode valid() {
        return envelope("search", SENDER, searchMessage(CRITERIA));
    }

    private static JsonNode refusedSync(String body, int status, String code) {
        var answer = post("sync/search", token(SENDER, "33.20"), body, status);
        assertThat(answer.path("header").path("status").asText()).isEqualTo("rjct");
        assertThat(answer.path("header").path("meta").path("error").path("code").asText()).isEqualTo(code);
        assertThat(answer.path("header").path("status_reason_message").asText()).startsWith(code);
        return answer;
    }

    @Test
    void unreadableJsonIsABadRequestInTheSpecShape() {
        refusedSync("{\"header\": {", 400, "err.request.bad");
        refusedSync("[1, 2]", 400, "err.request.bad");
        refusedSync("", 400, "err.request.bad");
    }

    @Test
    void aMessageTheSpecRefusesIsABadRequestNamingTheField() {
        var e = valid();
        ((ObjectNode) e.get("header")).remove("message_id");
        var answer = refusedSync(e.toString(), 400, "err.request.bad");
        assertThat(answer.path("header").path("status_reason_message").asText()).contains("message_id");

        var noTimestamp = valid();
        ((ObjectNode) noTimestamp.get("message").get("search_request").get(0)).remove("timestamp");
        assertThat(refusedSync(noTimestamp.toString(), 400, "err.request.bad").path("header").path("status_reason_message").asText())
                .contains("timestamp");

        var badQueryType = envelope("search", SENDER, searchMessage("""
                {"query_type": "sql", "query": {"type": "KK", "value": "1"}}"""));
        assertThat(refusedSync(badQueryType.toString(), 400, "err.request.bad").path("header").path("status_reason_message").asText())
                .contains("query_type");
    }

    @Test
    void theWrongActionForTheEndpointIsRefusedWithItsReasonCode() {
        var e = valid();
        ((ObjectNode) e.get("header")).put("action", "subscribe");
        var answer = refusedSync(e.toString(), 400, "err.request.bad");
        assertThat(answer.path("header").path("status_reason_code").asText()).isEqualTo("rjct.action.invalid");
    }

    @Test
    void anotherProtocolVersionIsNotSupported() {
        var e = valid();
        ((ObjectNode) e.get("header")).put("version", "2.0.0");
        var answer = refusedSync(e.toString(), 400, "err.version.not_supported");
        assertThat(answer.path("header").path("status_reason_code").asText()).isEqualTo("rjct.version.invalid");
    }

    @Test
    void aMessageForAnotherReceiverIsRefused() {
        var e = valid();
        ((ObjectNode) e.get("header")).put("receiver_id", "crvs.example.org");
        refusedSync(e.toString(), 400, "err.receiver_id.invalid");
    }

    @Test
    void theSenderMustBeTheClientOfTheToken() {
        var e = envelope("search", "someone-else", searchMessage(CRITERIA));
        refusedSync(e.toString(), 400, "err.sender_id.invalid");
    }

    @Test
    void encryptedMessagesAreRefusedAsNotSupported() {
        var e = valid();
        ((ObjectNode) e.get("header")).put("is_msg_encrypted", true);
        refusedSync(e.toString(), 400, "err.encryption.invalid");
    }

    @Test
    void aReplayedMessageIdIsRefused() {
        var e = valid();
        post("sync/search", token(SENDER, "33.20"), e.toString(), 200);
        var answer = refusedSync(e.toString(), 400, "err.request.bad");
        assertThat(answer.path("header").path("status_reason_code").asText()).isEqualTo("rjct.message_id.duplicate");
    }

    @Test
    void withoutABearerTokenTheAnswerIsTheSpecHttpError() {
        var answer = post("sync/search", null, valid().toString(), 401);
        assertThat(answer.path("errors").get(0).path("code").asText()).isEqualTo("err.request.unauthorized");
        var async = post("search", null, valid().toString(), 401);
        assertThat(async.path("errors").get(0).path("code").asText()).isEqualTo("err.request.unauthorized");
    }

    @Test
    void aRoleWithoutDciAccessIsForbidden() {
        var answer = post("sync/search", TestTokens.token(Roles.OPERATOR_DESA, "33.20.06.1007"), valid().toString(), 403);
        assertThat(answer.path("errors").get(0).path("code").asText()).isEqualTo("err.request.forbidden");
    }

    @Test
    void asyncRefusalsAreErrAcknowledgements() {
        var answer = post("search", token(SENDER, "33.20"), "not json", 400);
        assertThat(answer.path("message").path("ack_status").asText()).isEqualTo("ERR");
        assertThat(answer.path("message").path("error").path("code").asText()).isEqualTo("err.request.bad");

        // an async search without a callback address cannot be answered
        var noUri = post("search", token(SENDER, "33.20"), valid().toString(), 400);
        assertThat(noUri.path("message").path("error").path("code").asText()).isEqualTo("err.sender_uri.invalid");
    }
}
