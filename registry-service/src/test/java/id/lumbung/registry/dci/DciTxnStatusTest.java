package id.lumbung.registry.dci;

import static id.lumbung.registry.dci.DciTestSupport.JSON;
import static id.lumbung.registry.dci.DciTestSupport.VILLAGE;
import static id.lumbung.registry.dci.DciTestSupport.envelope;
import static id.lumbung.registry.dci.DciTestSupport.postValid;
import static id.lumbung.registry.dci.DciTestSupport.register;
import static id.lumbung.registry.dci.DciTestSupport.searchMessage;
import static id.lumbung.registry.dci.DciTestSupport.token;
import static id.lumbung.registry.dci.DciTestSupport.txnStatusMessage;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DciTxnStatusTest {

    static final String SENDER = "spmis-status";

    @Test
    void answersForAPastTransactionByTransactionIdCorrelationIdAndReferenceId() {
        var family = register(VILLAGE, 3, new DciTestSupport.Person("MALE", "1970-07-01", "KEPALA_KELUARGA", "Darmo"));
        var search = searchMessage("""
                {"query_type": "idtype-value", "query": {"type": "KK", "value": "%s"}}""".formatted(family.noKk()));
        String transactionId = search.path("transaction_id").asText();
        String referenceId = search.path("search_request").get(0).path("reference_id").asText();
        var searched = postValid("sync/search", token(SENDER, "33.20"), envelope("search", SENDER, search), 200);
        String correlationId = searched.path("message").path("correlation_id").asText();

        for (var ask : new String[][] { { "transaction_id", "\"" + transactionId + "\"" },
                { "correlation_id", "\"" + correlationId + "\"" }, { "reference_id_list", "[\"" + referenceId + "\"]" } }) {
            var status = postValid("sync/txn/status", token(SENDER, "33.20"),
                    envelope("txn-status", SENDER, txnStatusMessage(ask[0], readTree(ask[1]))), 200);
            assertThat(status.path("header").path("action").asText()).isEqualTo("txn-on-status");
            var txn = status.path("message").path("txnstatus_response");
            assertThat(txn.path("txn_type").asText()).isEqualTo("search");
            assertThat(txn.path("txn_status").path("correlation_id").asText()).as(ask[0]).isEqualTo(correlationId);
            assertThat(txn.path("txn_status").path("search_response").get(0).path("data").path("reg_records").get(0)
                    .path("group_identifier").get(0).path("identifier_value").asText()).isEqualTo(family.noKk());
        }
    }

    @Test
    void anUnknownOrSomeoneElsesTransactionIsNotFound() {
        var search = searchMessage("""
                {"query_type": "idtype-value", "query": {"type": "KK", "value": "3320060101990000"}}""");
        postValid("sync/search", token("spmis-other", "33.20"), envelope("search", "spmis-other", search), 200);

        var answer = postValid("sync/txn/status", token(SENDER, "33.20"), envelope("txn-status", SENDER,
                txnStatusMessage("transaction_id", JSON.getNodeFactory().textNode(search.path("transaction_id").asText()))), 200);
        assertThat(answer.path("header").path("status").asText()).isEqualTo("rjct");
        assertThat(answer.path("header").path("meta").path("error").path("code").asText()).isEqualTo("err.request.not_found");
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
