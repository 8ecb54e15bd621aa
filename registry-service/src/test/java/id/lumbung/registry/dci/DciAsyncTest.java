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
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
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

    @Inject
    DciRegistry registry;

    @Inject
    AgroalDataSource db;

    /**
     * A replica acknowledged a search and stopped before answering (its lease ran out): another replica takes
     * the transaction over, works the search out with the caller's stored scope and delivers it, once.
     */
    @Test
    void aSearchAcknowledgedByAReplicaThatStoppedIsAnsweredByAnother() throws Exception {
        var family = register(VILLAGE, 5, new DciTestSupport.Person("MALE", "1971-02-11", "KEPALA_KELUARGA", "Sarmin"));
        var request = envelope("search", SENDER, searchMessage("""
                {"query_type": "idtype-value", "query": {"type": "KK", "value": "%s"}}""".formatted(family.noKk())));
        var correlationId = UUID.randomUUID();
        // what the stopped replica left: the transaction recorded and ACKed, its lease expired, no answer
        try (var c = db.getConnection(); var insert = c.prepareStatement("""
                insert into dci_transaction (correlation_id, transaction_id, message_id, action, sender_id, request, status,
                    callback_status, scope, callback_uri, created_at, updated_at)
                values (?, ?, ?, 'search', ?, cast(? as jsonb), 'pdng', 'PENDING', cast(? as jsonb), ?, now(), now())""");
                var lease = c.prepareStatement("""
                insert into job_lease (kind, job_id, owner, acquired_at, renewed_at, expires_at)
                values ('dci-transaction', ?, 'registry-service@gone/1/dead', now() - interval '5 minutes',
                    now() - interval '2 minutes', now() - interval '1 minute')""")) {
            insert.setObject(1, correlationId);
            insert.setString(2, request.path("message").path("transaction_id").asText());
            insert.setString(3, request.path("header").path("message_id").asText());
            insert.setString(4, SENDER);
            insert.setString(5, request.toString());
            insert.setString(6, "{\"national\": false, \"regions\": [\"33.20\"]}");
            insert.setString(7, uri("on-search"));
            insert.executeUpdate();
            lease.setString(1, correlationId.toString());
            lease.executeUpdate();
        }

        registry.recover();
        registry.recover(); // a second sweep (or replica) finds it leased: nothing is sent twice

        var callback = received.poll(30, TimeUnit.SECONDS);
        assertThat(callback).as("on-search delivered by the replica that took over").isNotNull();
        assertThat(SPEC.requestProblems("/dci/registry/on-search", callback.body())).as(callback.body()).isEmpty();
        JsonNode onSearch = JSON.readTree(callback.body());
        assertThat(onSearch.path("message").path("correlation_id").asText()).isEqualTo(correlationId.toString());
        assertThat(onSearch.path("message").path("search_response").get(0).path("data").path("reg_records").get(0)
                .path("group_identifier").get(0).path("identifier_value").asText()).isEqualTo(family.noKk());
        assertThat(received.poll(1, TimeUnit.SECONDS)).as("delivered once").isNull();
        awaitDelivered(correlationId);
    }

    /** A search that cannot run after its ACK is still answered: on-search with status rjct and the reason. */
    @Test
    void anAcknowledgedSearchThatFailsIsAnsweredWithRjct() throws Exception {
        var request = envelope("search", SENDER, searchMessage("""
                {"query_type": "predicate", "query": [{"seq_num": 1, "expression1": {"attribute_name": "location",
                 "operator": "eq", "attribute_value": "Jepara"}}]}"""));
        ((ObjectNode) request.get("header")).put("sender_uri", uri("on-search"));
        var ack = postValid("search", token(SENDER, "33.20"), request, 200);
        assertThat(ack.path("message").path("ack_status").asText()).isEqualTo("ACK");

        var callback = received.poll(30, TimeUnit.SECONDS);
        assertThat(callback).as("on-search delivered").isNotNull();
        assertThat(SPEC.requestProblems("/dci/registry/on-search", callback.body())).as(callback.body()).isEmpty();
        JsonNode item = JSON.readTree(callback.body()).path("message").path("search_response").get(0);
        assertThat(item.path("status").asText()).isEqualTo("rjct");
        assertThat(item.path("status_reason_code").asText()).isEqualTo("rjct.search_criteria.invalid");
    }

    /** The async status of a transaction the caller does not have: ACK, then txn-on-status with status rjct. */
    @Test
    void theAsyncStatusOfAnUnknownTransactionIsAnsweredWithRjct() throws Exception {
        var status = envelope("txn-status", SENDER, txnStatusMessage("transaction_id",
                JSON.getNodeFactory().textNode("T-never-sent-" + UUID.randomUUID())));
        ((ObjectNode) status.get("header")).put("sender_uri", uri("txn/on-status"));
        var ack = postValid("txn/status", token(SENDER, "33.20"), status, 200);
        assertThat(ack.path("message").path("ack_status").asText()).isEqualTo("ACK");

        var callback = received.poll(30, TimeUnit.SECONDS);
        assertThat(callback).as("txn-on-status delivered").isNotNull();
        assertThat(SPEC.requestProblems("/dci/registry/txn/on-status", callback.body())).as(callback.body()).isEmpty();
        JsonNode header = JSON.readTree(callback.body()).path("header");
        assertThat(header.path("action").asText()).isEqualTo("txn-on-status");
        assertThat(header.path("status").asText()).isEqualTo("rjct");
        assertThat(header.path("meta").path("error").path("code").asText()).isEqualTo("err.request.not_found");
    }

    private void awaitDelivered(UUID correlationId) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (var c = db.getConnection(); var s = c.prepareStatement("""
                    select t.callback_status, (select count(*) from job_lease l where l.kind = 'dci-transaction'
                        and l.job_id = t.correlation_id::text)
                    from dci_transaction t where t.correlation_id = ?""")) {
                s.setObject(1, correlationId);
                try (var rs = s.executeQuery()) {
                    rs.next();
                    if ("DELIVERED".equals(rs.getString(1)) && rs.getInt(2) == 0) {
                        return;
                    }
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("transaction " + correlationId + " is " + rs.getString(1) + " with "
                                + rs.getInt(2) + " lease(s)");
                    }
                }
            }
            Thread.sleep(100);
        }
    }
}
