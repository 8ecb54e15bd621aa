package id.lumbung.disbursement.rest;

import static id.lumbung.disbursement.Fixtures.count;
import static id.lumbung.disbursement.Scheduling.dinsos;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import id.lumbung.disbursement.Counter;
import id.lumbung.disbursement.Fixtures;
import id.lumbung.disbursement.Fixtures.Family;
import id.lumbung.disbursement.Scheduling;
import id.lumbung.disbursement.TestClock;
import id.lumbung.disbursement.events.PaymentEvents;
import id.lumbung.platform.security.Roles;
import id.lumbung.platform.testing.TestTokens;
import id.lumbung.platform.testing.TestTopics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** List → plan → schedule → invitation → payment → failure → reconciliation → return, for one village. */
@QuarkusTest
class ReconciliationResourceTest {

    private static final Instant COUNTER_DAY = Instant.parse("2025-11-21T01:30:00Z");
    private static final String PROOF = "a".repeat(64);

    @Inject
    AgroalDataSource db;

    @AfterEach
    void backToTheCounterDay() {
        TestClock.CLOCK.set(COUNTER_DAY);
    }

    private static Map<String, Object> sptjm() {
        return Map.of("signerName", "H. Sutrisno", "signerPosition", "Kepala Desa", "signedOn", "2025-12-09",
                "documentRef", "SPTJM/045/XII/2025", "documentSha256", "b".repeat(64));
    }

    private static Map<String, Object> latePayment(UUID order, Family f, String paidAt) {
        var body = new LinkedHashMap<String, Object>();
        body.put("orderId", order.toString());
        body.put("kind", "LATE_PAYMENT");
        body.put("proofSha256", PROOF);
        body.put("detail", "dibayar di KPC Jepara, laporan terlambat");
        body.put("paidAt", paidAt);
        body.put("presenterNik", f.recipientNik());
        body.put("presenterRole", "RECIPIENT");
        body.put("payPointCode", "KPC-JEPARA-59400");
        body.put("officer", "petugas-kpc-jepara");
        body.put("latitude", -6.5887);
        body.put("longitude", 110.6684);
        return body;
    }

    @Test
    void unpaidOrdersFailAndTheVillageReconcilesToTheRupiah() throws Exception {
        String village = Scheduling.freshDistrict() + ".2001";
        String hall = Scheduling.payPoint("COMMUNITY_POINT", village, 10);
        List<Family> f = Scheduling.families(village, 5);
        var orders = Fixtures.listed(db, f.toArray(Family[]::new));
        UUID plan = Scheduling.planOf(db, orders.get(f.get(0).householdId()));
        Scheduling.jeparaWindows(plan);
        Scheduling.generate(plan);
        String base = "/api/v1/plans/" + plan + "/reconciliations/" + village;

        // f0 collects at the counter; f1's recipient dies before collecting
        Counter.pay(UUID.randomUUID().toString(), Counter.at(hall, Counter.body(orders.get(f.get(0).householdId()),
                f.get(0).recipientNik(), "RECIPIENT", null))).statusCode(201);
        TestTopics.send(Fixtures.HOUSEHOLDS_TOPIC, f.get(1).householdId().toString(),
                Fixtures.household(f.get(1), 7, "DECEASED", "ALIVE", "ALIVE"));
        UUID blocked = orders.get(f.get(1).householdId());
        Fixtures.await(() -> "BLOCKED".equals(Fixtures.text(db, "select status from payment_order where id = '" + blocked + "'")),
                Duration.ofSeconds(30));

        // too early: families may still come until 8 Dec
        given().auth().oauth2(dinsos()).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/plans/" + plan + "/close-collection")
                .then().statusCode(409).contentType("application/problem+json").body("type", containsString("collection-open"));
        // reconciliation needs the collection closed
        given().auth().oauth2(dinsos()).contentType(ContentType.JSON).body(sptjm()).when().post(base)
                .then().statusCode(409).body("type", containsString("collection-open"));

        TestClock.CLOCK.set(Instant.parse("2025-12-09T01:00:00Z")); // 08:00 WIB, first reconciliation day
        given().auth().oauth2(dinsos()).contentType(ContentType.JSON)
                .body(Map.of("failures", List.of(Map.of("householdId", UUID.randomUUID().toString(), "reason", "NOT_FOUND"))))
                .when().post("/api/v1/plans/" + plan + "/close-collection")
                .then().statusCode(400).body("type", containsString("unknown-families"));
        given().auth().oauth2(dinsos()).contentType(ContentType.JSON)
                .body(Map.of("failures", List.of(Map.of("householdId", f.get(2).householdId().toString(), "reason", "PINDAH"))))
                .when().post("/api/v1/plans/" + plan + "/close-collection")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token(Roles.OPERATOR_DESA, village)).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/plans/" + plan + "/close-collection")
                .then().statusCode(403).contentType("application/problem+json");
        assertThat(count(db, "select count(*) from payment_order where plan_id = '" + plan + "' and status = 'FAILED'")).isZero();

        given().auth().oauth2(dinsos()).contentType(ContentType.JSON)
                .body(Map.of("failures", List.of(Map.of("householdId", f.get(2).householdId().toString(), "reason", "NOT_FOUND"))))
                .when().post("/api/v1/plans/" + plan + "/close-collection")
                .then().statusCode(200)
                .body("failed", equalTo(4))
                .body("byReason.find { it.reason == 'DECEASED' }.orders", equalTo(1))
                .body("byReason.find { it.reason == 'NOT_FOUND' }.amount", equalTo(900000))
                .body("byReason.find { it.reason == 'NOT_COLLECTED' }.orders", equalTo(2));
        given().auth().oauth2(dinsos()).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/plans/" + plan + "/close-collection")
                .then().statusCode(409).body("type", containsString("collection-closed"));
        UUID late = orders.get(f.get(3).householdId());
        UUID dead = orders.get(f.get(4).householdId());
        var failedEvent = TestTopics.await(PaymentEvents.TOPIC,
                r -> dead.toString().equals(r.key()) && PaymentEvents.ORDER_FAILED.equals(r.event().path("type").asText()),
                Duration.ofSeconds(30));
        assertThat(failedEvent.event().get("data").get("reason").asText()).isEqualTo("NOT_COLLECTED");
        assertThat(failedEvent.event().get("data").get("status").asText()).isEqualTo("FAILED");
        assertThat(failedEvent.event().get("data").get("amount").asLong()).isEqualTo(900_000);
        assertThat(failedEvent.event().get("data").get("programCode").asText()).isEqualTo("BLTS_KESRA");
        // a failed order is not paid at the counter any more
        Counter.pay(UUID.randomUUID().toString(), Counter.body(late, f.get(3).recipientNik(), "RECIPIENT", null))
                .statusCode(409).body("type", containsString("order-not-payable"));

        // no correction without the village's SPTJM
        given().auth().oauth2(dinsos()).contentType(ContentType.JSON).body(latePayment(late, f.get(3), "2025-12-05T03:00:00Z"))
                .when().post(base + "/corrections")
                .then().statusCode(409).body("type", containsString("sptjm-required"));
        var badSptjm = new LinkedHashMap<>(sptjm());
        badSptjm.put("documentSha256", "not-a-hash");
        given().auth().oauth2(dinsos()).contentType(ContentType.JSON).body(badSptjm).when().post(base)
                .then().statusCode(400).body("violations.field", hasItem("documentSha256"));
        given().auth().oauth2(TestTokens.token(Roles.OPERATOR_DESA, village)).contentType(ContentType.JSON).body(sptjm())
                .when().post(base)
                .then().statusCode(201).body("signerName", equalTo("H. Sutrisno")).body("closedAt", equalTo(null));
        given().auth().oauth2(dinsos()).contentType(ContentType.JSON).body(sptjm()).when().post(base)
                .then().statusCode(409).body("type", containsString("reconciliation-exists"));

        // a late payment with proof, made while collection was open
        given().auth().oauth2(dinsos()).contentType(ContentType.JSON).body(latePayment(late, f.get(3), "2025-12-09T00:00:00Z"))
                .when().post(base + "/corrections")
                .then().statusCode(400).body("field", equalTo("paidAt"));
        var stranger = latePayment(late, f.get(3), "2025-12-05T03:00:00Z");
        stranger.put("presenterNik", f.get(4).recipientNik());
        given().auth().oauth2(dinsos()).contentType(ContentType.JSON).body(stranger)
                .when().post(base + "/corrections")
                .then().statusCode(422).body("reason", equalTo("NOT_RECIPIENT"));
        given().auth().oauth2(dinsos()).contentType(ContentType.JSON).body(latePayment(late, f.get(3), "2025-12-05T03:00:00Z"))
                .when().post(base + "/corrections")
                .then().statusCode(201).body("kind", equalTo("LATE_PAYMENT"));
        assertThat(Fixtures.text(db, "select status || ' ' || paid_at from payment_order where id = '" + late + "'"))
                .isEqualTo("PAID 2025-12-05 03:00:00+00");
        given().auth().oauth2(dinsos()).contentType(ContentType.JSON).body(latePayment(orders.get(f.get(0).householdId()),
                f.get(0), "2025-12-05T03:00:00Z"))
                .when().post(base + "/corrections")
                .then().statusCode(409).body("type", containsString("order-not-failed"));
        // a confirmed death
        given().auth().oauth2(dinsos()).contentType(ContentType.JSON)
                .body(Map.of("orderId", dead.toString(), "kind", "DEATH_CONFIRMED", "proofSha256", PROOF, "detail", "surat kematian"))
                .when().post(base + "/corrections")
                .then().statusCode(201);
        assertThat(Fixtures.text(db, "select status || ' ' || status_reason from payment_order where id = '" + dead + "'"))
                .isEqualTo("FAILED DECEASED");
        given().auth().oauth2(dinsos()).contentType(ContentType.JSON)
                .body(Map.of("orderId", UUID.randomUUID().toString(), "kind", "DEATH_CONFIRMED", "proofSha256", PROOF))
                .when().post(base + "/corrections")
                .then().statusCode(404).contentType("application/problem+json");

        given().auth().oauth2(TestTokens.token(Roles.OPERATOR_DESA, village)).when().post(base + "/close")
                .then().statusCode(403);
        given().auth().oauth2(dinsos()).when().post(base + "/close")
                .then().statusCode(200)
                .body("orders", equalTo(5))
                .body("plannedTotal", equalTo(4_500_000))
                .body("paidTotal", equalTo(1_800_000))
                .body("returnedTotal", equalTo(2_700_000))
                .body("corrections.kind", equalTo(List.of("LATE_PAYMENT", "DEATH_CONFIRMED")));
        assertThat(Fixtures.text(db, "select sum(amount) || ' ' || count(*) from retur where plan_id = '" + plan + "'"))
                .isEqualTo("2700000 3");
        assertThat(Fixtures.text(db, """
                select (select sum(amount) from payment_order where plan_id = '%1$s')
                     = (select sum(p.amount) from payment p join payment_order o on o.id = p.order_id where o.plan_id = '%1$s')
                     + (select sum(amount) from retur where plan_id = '%1$s')""".formatted(plan))).isEqualTo("t");
        var returned = TestTopics.await(PaymentEvents.TOPIC,
                r -> dead.toString().equals(r.key()) && PaymentEvents.ORDER_RETURNED.equals(r.event().path("type").asText()),
                Duration.ofSeconds(30));
        assertThat(returned.event().get("data").get("reason").asText()).isEqualTo("DECEASED");

        // the database holds the equation and the returned orders, whoever writes
        assertThatThrownBy(() -> execute("update village_reconciliation set returned_total = returned_total + 1 where plan_id = '"
                + plan + "'")).isInstanceOf(SQLException.class).hasMessageContaining("check");
        assertThatThrownBy(() -> execute("update payment_order set status_reason = 'MOVED' where id = '" + dead + "'"))
                .isInstanceOf(SQLException.class).hasMessageContaining("marked for return");

        given().auth().oauth2(dinsos()).contentType(ContentType.JSON)
                .body(Map.of("orderId", dead.toString(), "kind", "DEATH_CONFIRMED", "proofSha256", PROOF))
                .when().post(base + "/corrections")
                .then().statusCode(409).body("type", containsString("reconciliation-closed"));
        given().auth().oauth2(dinsos()).when().post(base + "/close")
                .then().statusCode(409).body("type", containsString("reconciliation-closed"));
        given().auth().oauth2(TestTokens.token(Roles.AUDITOR)).when().get(base)
                .then().statusCode(200).body("returnedTotal", equalTo(2_700_000));

        // after the window, no village opens a reconciliation any more
        TestClock.CLOCK.set(Instant.parse("2025-12-12T01:00:00Z"));
        given().auth().oauth2(dinsos()).contentType(ContentType.JSON).body(sptjm())
                .when().post("/api/v1/plans/" + plan + "/reconciliations/" + village.substring(0, 9) + "2002")
                .then().statusCode(409).body("type", containsString("outside-reconciliation-window"));
        given().auth().oauth2(dinsos()).contentType(ContentType.JSON).body(sptjm())
                .when().post("/api/v1/plans/" + plan + "/reconciliations/33.20")
                .then().statusCode(400).body("field", equalTo("villageCode"));
        given().auth().oauth2(TestTokens.token(Roles.DINSOS, "33.21")).when().get(base)
                .then().statusCode(403);
        given().when().get(base).then().statusCode(401);
        given().auth().oauth2(dinsos()).when().get("/api/v1/plans/" + UUID.randomUUID() + "/reconciliations/" + village)
                .then().statusCode(404);
    }

    private void execute(String sql) throws SQLException {
        try (var c = db.getConnection(); var s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
