package id.lumbung.registry.dci;

import static id.lumbung.registry.dci.DciTestSupport.CORE;
import static id.lumbung.registry.dci.DciTestSupport.FAR_VILLAGE;
import static id.lumbung.registry.dci.DciTestSupport.JSON;
import static id.lumbung.registry.dci.DciTestSupport.VILLAGE;
import static id.lumbung.registry.dci.DciTestSupport.envelope;
import static id.lumbung.registry.dci.DciTestSupport.postValid;
import static id.lumbung.registry.dci.DciTestSupport.register;
import static id.lumbung.registry.dci.DciTestSupport.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import id.lumbung.platform.testing.Quarantined;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Subscriptions: ACK, on-subscribe and on-unsubscribe to the subscriber, then registry/notify for household
 * events in its regions, all POSTed to a receiver the test runs on 127.0.0.1 and checked against the spec.
 */
@QuarkusTest
class DciSubscriptionTest {

    static final String SENDER = "spmis-notify";

    @Inject
    EntityManager em;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    DciNotifier notifier;

    HttpServer receiver;
    final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    /**
     * How many of the first notify deliveries of Sarinah's household the receiver refuses with a 503 (other
     * DCI tests' households in the region may still be notified while the consumer catches up).
     */
    final AtomicInteger refuseNotify = new AtomicInteger();

    /** A callback with what the spec finds wrong in it (asserted by the test, not on the receiver's thread). */
    record Received(String path, JsonNode body, List<String> problems) {
    }

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/spmis/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = path.endsWith("/notify") && body.contains("SARINAH") && refuseNotify.getAndDecrement() > 0 ? 503 : 200;
            if (status == 200) {
                // each callback must be a valid request to the subscriber's endpoint of that name
                String operation = path.substring("/spmis/".length());
                received.add(new Received(path, JSON.readTree(body), CORE.requestProblems("/dci/registry/" + operation, body)));
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

    @Test
    void aSubscriberHearsOfHouseholdsInItsRegionsUntilItUnsubscribes() throws Exception {
        String code = subscribe("register", "33.20.06");

        refuseNotify.set(1); // the first notify fails: the registry retries
        var far = register(FAR_VILLAGE, 3, new DciTestSupport.Person("MALE", "1975-02-03", "KEPALA_KELUARGA", "Sukiman"));
        var near = register(VILLAGE, 2, new DciTestSupport.Person("FEMALE", "1970-04-05", "KEPALA_KELUARGA", "Sarinah"));

        var notify = awaitNotify(code, near.noKk());
        assertThat(notify.path("header").path("action").asText()).isEqualTo("notify");
        assertThat(notify.path("header").path("receiver_id").asText()).isEqualTo(SENDER);
        var event = notify.path("message").path("notify_event").get(0);
        assertThat(event.path("data").path("reg_event_type").asText()).isEqualTo("register");
        assertThat(event.path("data").path("reg_record_type").asText()).isEqualTo("Group");
        var group = event.path("data").path("reg_records");
        assertThat(group.path("@type").asText()).isEqualTo("Group");
        assertThat(DciTestSupport.extra(group).get("village_code").asText()).isEqualTo(VILLAGE);

        // the refused first attempt and the retry that got through are both counted
        assertThat(delivery(code, near.noKk())).isEqualTo("DELIVERED/2");

        // the far household was registered first: had it been notified, it would have arrived by now
        TimeUnit.SECONDS.sleep(2);
        assertThat(drain()).noneMatch(r -> noKks(r.body()).contains(far.noKk()));

        // unsubscribe, then subscribe again: the next household is notified to the new code only
        var ack = postValid("unsubscribe", token(SENDER, "33.20"), unsubscribeRequest(code), 200);
        assertThat(ack.path("message").path("ack_status").asText()).isEqualTo("ACK");
        var onUnsubscribe = awaitCallback("on-unsubscribe");
        assertThat(onUnsubscribe.path("header").path("status").asText()).isEqualTo("succ");
        assertThat(onUnsubscribe.path("message").path("subscription_status").get(0).path("code").asText()).isEqualTo(code);
        assertThat(onUnsubscribe.path("message").path("subscription_status").get(0).path("status").asText())
                .isEqualTo("unsubscribe");

        String second = subscribe("register", "33.20");
        var later = register(VILLAGE, 4, new DciTestSupport.Person("MALE", "1980-06-07", "KEPALA_KELUARGA", "Paijo"));
        awaitNotify(second, later.noKk());
        TimeUnit.SECONDS.sleep(1);
        assertThat(drain()).noneMatch(r -> code.equals(reference(r.body())));

        // and the ended code cannot be unsubscribed twice
        postValid("unsubscribe", token(SENDER, "33.20"), unsubscribeRequest(code), 200);
        var again = awaitCallback("on-unsubscribe");
        assertThat(again.path("header").path("status").asText()).isEqualTo("rjct");
        assertThat(again.path("message").path("status_reason_code").asText()).isEqualTo("rjct.event.already_unsubscribed");
        postValid("unsubscribe", token(SENDER, "33.20"), unsubscribeRequest(second), 200);
        awaitCallback("on-unsubscribe");
    }

    @Test
    void aNotificationOwedByAReplicaThatStoppedIsSentByAnother() throws Exception {
        String code = subscribe("register", "33.20.06");
        var family = register(VILLAGE, 3, new DciTestSupport.Person("MALE", "1966-01-02", "KEPALA_KELUARGA", "Karto"));
        awaitNotify(code, family.noKk());
        assertThat(delivery(code, family.noKk())).startsWith("DELIVERED");
        // as if the replica that owed it had died before delivering: pending, its lease expired
        QuarkusTransaction.requiringNew().run(() -> {
            var id = em.createNativeQuery("select cast(id as text) from dci_notification where household_id = ?1")
                    .setParameter(1, family.id()).getSingleResult();
            em.createNativeQuery("update dci_notification set status = 'PENDING' where household_id = ?1")
                    .setParameter(1, family.id()).executeUpdate();
            em.createNativeQuery("insert into job_lease values ('dci-notification', ?1, 'registry-service@crashed',"
                    + " now() - interval '5 minutes', now() - interval '2 minutes', now() - interval '1 minute')")
                    .setParameter(1, id).executeUpdate();
        });
        notifier.recover();
        awaitNotify(code, family.noKk());
        assertThat(delivery(code, family.noKk())).startsWith("DELIVERED");
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from job_lease where kind = 'dci-notification' and owner = 'registry-service@crashed'")
                .getSingleResult()).intValue())).as("taken over, then released once delivered").isZero();
        postValid("unsubscribe", token(SENDER, "33.20"), unsubscribeRequest(code), 200);
        awaitCallback("on-unsubscribe");
    }

    @Test
    void aSubscriberThatWasSentAHouseholdHearsOfItsErasure() throws Exception {
        String code = subscribe("register", "33.20.06");
        var family = register(VILLAGE, 2, new DciTestSupport.Person("FEMALE", "1972-08-09", "KEPALA_KELUARGA", "Wagiyem"));
        awaitNotify(code, family.noKk());
        String household = family.id().toString();
        assertThat(delivery(code, family.noKk())).startsWith("DELIVERED");

        String etag = io.restassured.RestAssured.given().auth().oauth2(id.lumbung.platform.testing.TestTokens.token(
                id.lumbung.platform.security.Roles.KEMENSOS)).header("X-Purpose", "verifikasi penghapusan")
                .when().get("/api/v1/households/" + household).then().statusCode(200).extract().header("ETag");
        io.restassured.RestAssured.given().auth().oauth2(id.lumbung.platform.testing.TestTokens.token(
                id.lumbung.platform.security.Roles.KEMENSOS)).header("If-Match", etag).contentType("application/json")
                .body("""
                        {"reason": "KK ganda: terdaftar dua kali", "reference": "BA-VERVAL/3320/2025/118"}""")
                .when().post("/api/v1/households/" + household + "/erasure").then().statusCode(200);

        var notify = awaitNotify(code, household);
        var data = notify.path("message").path("notify_event").get(0).path("data");
        assertThat(data.path("reg_event_type").asText()).isEqualTo("delete");
        assertThat(noKks(notify)).containsExactly(household);
        assertThat(notify.toString()).doesNotContain("WAGIYEM").doesNotContain(family.noKk());
        // what was sent before keeps no personal data here
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from dci_notification where household_id = ?1 and reg_event_type = 'register' and body = '{}'")
                .setParameter(1, family.id()).getSingleResult()).intValue())).isEqualTo(1);
        postValid("unsubscribe", token(SENDER, "33.20"), unsubscribeRequest(code), 200);
        awaitCallback("on-unsubscribe");
    }

    @Test
    void aNotificationThatCannotBeRecordedIsQuarantinedAndDeliveredOnceAfterTheReplay() throws Exception {
        String code = subscribe("register", "33.20.06");
        Quarantined.refuse(dataSource, "dci_notification", "new.body::text like '%SUMIYATI%'");
        try {
            var poisoned = register(VILLAGE, 2, new DciTestSupport.Person("FEMALE", "1972-03-04", "KEPALA_KELUARGA", "Sumiyati"));
            var fine = register(VILLAGE, 3, new DciTestSupport.Person("MALE", "1979-08-09", "KEPALA_KELUARGA", "Paimin"));
            awaitNotify(code, fine.noKk());

            long head = 0;
            for (int i = 0; i < 300 && head == 0; i++) {
                try (var c = dataSource.getConnection(); var s = c.prepareStatement("""
                        select id from event_quarantine where consumer = 'registry-service.dci-notify'
                        and status = 'QUARANTINED' and error like '%test rule refuses%' order by id desc limit 1""");
                        var rs = s.executeQuery()) {
                    head = rs.next() ? rs.getLong(1) : 0;
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
            assertThat(head).as("the household event whose notification could not be recorded is quarantined").isPositive();

            Quarantined.lift(dataSource, "dci_notification");
            assertThat(Quarantined.replay(head).getList("applied")).hasSize(1);
            awaitNotify(code, poisoned.noKk());
            assertThat(delivery(code, poisoned.noKk())).isEqualTo("DELIVERED/1");
        } finally {
            Quarantined.lift(dataSource, "dci_notification");
            postValid("unsubscribe", token(SENDER, "33.20"), unsubscribeRequest(code), 200);
            awaitCallback("on-unsubscribe");
        }
    }

    @Test
    void subscriptionsOutsideTheScopeOrOfUnknownEventsAreRefusedInOnSubscribe() throws Exception {
        var request = subscribeRequest("register", FAR_VILLAGE);
        var items = (com.fasterxml.jackson.databind.node.ArrayNode) request.path("message").path("subscribe_request");
        items.add(subscribeRequest("birth", "33.20.06").path("message").path("subscribe_request").get(0));
        var ack = postValid("subscribe", token(SENDER, "33.20"), request, 200);
        assertThat(ack.path("message").path("ack_status").asText()).isEqualTo("ACK");
        var answer = awaitCallback("on-subscribe");
        assertThat(answer.path("header").path("status").asText()).isEqualTo("rjct");
        var response = answer.path("message").path("subscribe_response");
        assertThat(response.get(0).path("status").asText()).isEqualTo("rjct");
        assertThat(response.get(0).path("status_reason_code").asText()).isEqualTo("rjct.notify_details.invalid");
        assertThat(response.get(1).path("status_reason_code").asText()).isEqualTo("rjct.notify_types.invalid");

        // an unknown code is refused in on-unsubscribe
        postValid("unsubscribe", token(SENDER, "33.20"), unsubscribeRequest("no-such-code"), 200);
        var unknown = awaitCallback("on-unsubscribe");
        assertThat(unknown.path("message").path("status_reason_code").asText()).isEqualTo("rjct.subscription_code.invalid");
    }

    @Test
    void aSubscribeRequestThatBreaksTheSpecIsAnsweredErrAtOnce() {
        var request = subscribeRequest("register", "33.20.06");
        ((ObjectNode) request.path("message").path("subscribe_request").get(0).path("subscribe_criteria")).remove("filter");
        String body = request.toString();
        assertThat(CORE.requestProblems("/dci/registry/subscribe", body)).isNotEmpty();
        var answer = DciTestSupport.post("subscribe", token(SENDER, "33.20"), body, 400);
        assertThat(answer.path("message").path("ack_status").asText()).isEqualTo("ERR");
        assertThat(answer.path("message").path("error").path("code").asText()).isEqualTo("err.request.bad");

        // and a subscription needs an address to answer to
        var noUri = subscribeRequest("register", "33.20.06");
        ((ObjectNode) noUri.get("header")).remove("sender_uri");
        var refused = postValid("subscribe", token(SENDER, "33.20"), noUri, 400);
        assertThat(refused.path("message").path("error").path("code").asText()).isEqualTo("err.sender_uri.invalid");
    }

    private String subscribe(String eventType, String region) throws Exception {
        var ack = postValid("subscribe", token(SENDER, "33.20"), subscribeRequest(eventType, region), 200);
        assertThat(ack.path("message").path("ack_status").asText()).isEqualTo("ACK");
        var onSubscribe = awaitCallback("on-subscribe");
        assertThat(onSubscribe.path("header").path("action").asText()).isEqualTo("on-subscribe");
        assertThat(onSubscribe.path("header").path("status").asText()).isEqualTo("succ");
        assertThat(onSubscribe.path("message").path("correlation_id").asText())
                .isEqualTo(ack.path("message").path("correlation_id").asText());
        var subscription = onSubscribe.path("message").path("subscribe_response").get(0).path("subscriptions").get(0);
        assertThat(subscription.path("status").asText()).isEqualTo("subscribe");
        return subscription.path("code").asText();
    }

    private ObjectNode subscribeRequest(String eventType, String region) {
        try {
            var m = JSON.createObjectNode();
            m.put("transaction_id", "T-" + UUID.randomUUID());
            var r = m.putArray("subscribe_request").addObject();
            r.put("reference_id", "R-" + UUID.randomUUID());
            r.put("timestamp", Instant.now().toString());
            r.set("subscribe_criteria", JSON.readTree("""
                    {"reg_event_type": "%s", "filter_type": "predicate",
                     "filter": [{"seq_num": 1, "expression1": {"attribute_name": "region", "operator": "eq", "attribute_value": "%s"}}],
                     "notify_record_type": "Group"}""".formatted(eventType, region)));
            var e = envelope("subscribe", SENDER, m);
            ((ObjectNode) e.get("header")).put("sender_uri", uri("on-subscribe"));
            return e;
        } catch (java.io.IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private ObjectNode unsubscribeRequest(String code) {
        var m = JSON.createObjectNode();
        m.put("transaction_id", "T-" + UUID.randomUUID());
        m.put("timestamp", Instant.now().toString());
        m.putArray("subscription_codes").add(code);
        var e = envelope("unsubscribe", SENDER, m);
        ((ObjectNode) e.get("header")).put("sender_uri", uri("on-unsubscribe"));
        return e;
    }

    private String uri(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/spmis/" + path;
    }

    /** The next callback to {@code path}; notifications arriving meanwhile are kept for later checks. */
    private JsonNode awaitCallback(String path) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        var kept = new ArrayList<Received>();
        try {
            while (System.nanoTime() < until) {
                var r = received.poll(500, TimeUnit.MILLISECONDS);
                if (r != null && r.path().equals("/spmis/" + path)) {
                    assertThat(r.problems()).as(r.body().toString()).isEmpty();
                    return r.body();
                }
                if (r != null) {
                    kept.add(r);
                }
            }
        } finally {
            received.addAll(kept);
        }
        throw new AssertionError(path + " not delivered");
    }

    /** The notify for household {@code noKk} under subscription {@code code}; others seen on the way are kept. */
    private JsonNode awaitNotify(String code, String noKk) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        var kept = new ArrayList<Received>();
        try {
            while (System.nanoTime() < until) {
                var r = received.poll(500, TimeUnit.MILLISECONDS);
                if (r == null) {
                    continue;
                }
                if (r.path().equals("/spmis/notify") && code.equals(reference(r.body())) && noKks(r.body()).contains(noKk)) {
                    assertThat(r.problems()).as(r.body().toString()).isEmpty();
                    return r.body();
                }
                kept.add(r);
            }
        } finally {
            received.addAll(kept);
        }
        throw new AssertionError("no notify for " + noKk + " under " + code);
    }

    /** status/attempts of the notification of household {@code noKk} under {@code code}, once no longer pending. */
    private String delivery(String code, String noKk) throws InterruptedException {
        String last = null;
        for (int i = 0; i < 50; i++) {
            last = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                    "select n.status || '/' || n.attempts from dci_notification n"
                    + " join dci_subscription s on s.id = n.subscription_id where s.code = ?1 and n.body #>>"
                    + " '{message,notify_event,0,data,reg_records,group_identifier,0,identifier_value}' = ?2")
                    .setParameter(1, code).setParameter(2, noKk).getSingleResult());
            if (!last.startsWith("PENDING")) {
                return last;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return last;
    }

    private List<Received> drain() {
        var out = new ArrayList<Received>();
        received.drainTo(out);
        return out;
    }

    private static String reference(JsonNode notify) {
        return notify.path("message").path("notify_event").path(0).path("reference_id").asText();
    }

    private static List<String> noKks(JsonNode notify) {
        var out = new ArrayList<String>();
        notify.path("message").path("notify_event").forEach(e -> e.path("data").path("reg_records").path("group_identifier")
                .forEach(id -> out.add(id.path("identifier_value").asText())));
        return out;
    }
}
