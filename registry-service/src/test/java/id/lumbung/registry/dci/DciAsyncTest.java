package id.lumbung.registry.dci;

import static id.lumbung.registry.dci.DciTestSupport.JSON;
import static id.lumbung.registry.dci.DciTestSupport.SPEC;
import static id.lumbung.registry.dci.DciTestSupport.VILLAGE;
import static id.lumbung.registry.dci.DciTestSupport.envelope;
import static id.lumbung.registry.dci.DciTestSupport.postValid;
import static id.lumbung.registry.dci.DciTestSupport.register;
import static id.lumbung.registry.dci.DciTestSupport.searchMessage;
import static id.lumbung.registry.dci.DciTestSupport.token;
import static id.lumbung.registry.dci.DciTestSupport.txnStatusMessage;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Async search and status: ACK at once, the answer POSTed to a receiver the test runs on 127.0.0.1. */
@QuarkusTest
class DciAsyncTest {

    static final String SENDER = "spmis-async";

    HttpServer receiver;
    final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    /** How many of the first deliveries the receiver refuses with a 503. */
    final AtomicInteger refuseFirst = new AtomicInteger();

    record Received(String path, String body) {
    }

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/spmis/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = refuseFirst.getAndDecrement() > 0 ? 503 : 200;
            if (status == 200) {
                received.add(new Received(exchange.getRequestURI().getPath(), body));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String uri(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/spmis/" + path;
    }

    @Test
    void anAsyncSearchIsAcknowledgedAndItsResultPostedToTheSender() throws Exception {
        var family = register(VILLAGE, 6, new DciTestSupport.Person("FEMALE", "1968-07-01", "KEPALA_KELUARGA", "Tumini"));
        refuseFirst.set(1); // the first delivery fails: the registry retries
        var request = envelope("search", SENDER, searchMessage("""
                {"query_type": "idtype-value", "query": {"type": "KK", "value": "%s"}}""".formatted(family.noKk())));
        ((ObjectNode) request.get("header")).put("sender_uri", uri("on-search"));

        var ack = postValid("search", token(SENDER, "33.20"), request, 200);
        assertThat(ack.path("message").path("ack_status").asText()).isEqualTo("ACK");
        String correlationId = ack.path("message").path("correlation_id").asText();

        var callback = received.poll(30, TimeUnit.SECONDS);
        assertThat(callback).as("on-search delivered").isNotNull();
        assertThat(callback.path()).isEqualTo("/spmis/on-search");
        assertThat(SPEC.requestProblems("/dci/registry/on-search", callback.body())).as(callback.body()).isEmpty();
        JsonNode onSearch = JSON.readTree(callback.body());
        assertThat(onSearch.path("header").path("action").asText()).isEqualTo("on-search");
        assertThat(onSearch.path("header").path("status").asText()).isEqualTo("succ");
        assertThat(onSearch.path("message").path("correlation_id").asText()).isEqualTo(correlationId);
        assertThat(onSearch.path("message").path("search_response").get(0).path("data").path("reg_records").get(0)
                .path("group_identifier").get(0).path("identifier_value").asText()).isEqualTo(family.noKk());

        // and the async status of that transaction goes to on-status
        var status = envelope("txn-status", SENDER, txnStatusMessage("correlation_id", JSON.getNodeFactory().textNode(correlationId)));
        ((ObjectNode) status.get("header")).put("sender_uri", uri("txn/on-status"));
        var statusAck = postValid("txn/status", token(SENDER, "33.20"), status, 200);
        assertThat(statusAck.path("message").path("ack_status").asText()).isEqualTo("ACK");
        var onStatus = received.poll(30, TimeUnit.SECONDS);
        assertThat(onStatus).as("on-status delivered").isNotNull();
        assertThat(onStatus.path()).isEqualTo("/spmis/txn/on-status");
        assertThat(SPEC.requestProblems("/dci/registry/txn/on-status", onStatus.body())).as(onStatus.body()).isEmpty();
        assertThat(JSON.readTree(onStatus.body()).path("message").path("txnstatus_response").path("txn_status")
                .path("correlation_id").asText()).isEqualTo(correlationId);
    }
}
