package id.lumbung.disbursement.rest;

import static id.lumbung.disbursement.Counter.PHOTO;
import static id.lumbung.disbursement.Counter.body;
import static id.lumbung.disbursement.Counter.pay;
import static id.lumbung.disbursement.Fixtures.count;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import id.lumbung.disbursement.Fixtures;
import id.lumbung.disbursement.Fixtures.Family;
import id.lumbung.disbursement.TestClock;
import id.lumbung.disbursement.events.PaymentEvents;
import id.lumbung.platform.security.Roles;
import id.lumbung.platform.testing.TestTokens;
import id.lumbung.platform.testing.TestTopics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PaymentResourceTest {

    @Inject
    AgroalDataSource db;

    @Test
    void aPaymentIsOnlyRecordedAtARegisteredPayPointThatServesTheFamilysVillage() {
        Family f = Fixtures.family(false);
        UUID order = Fixtures.listed(db, f).get(f.householdId());
        var unknown = body(order, f.recipientNik(), "RECIPIENT", null);
        unknown.put("payPointCode", "KPC-TIDAK-ADA");
        pay(UUID.randomUUID().toString(), unknown).statusCode(422).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("unknown-pay-point"));

        Fixtures.sql(db, "insert into pay_point (code, name, kind, region_code, capacity_per_day, created_at) values"
                + " ('KPC-DEMAK-59500', 'KPC Demak', 'POST_OFFICE', '33.21', 300, now()) on conflict do nothing");
        var elsewhere = body(order, f.recipientNik(), "RECIPIENT", null);
        elsewhere.put("payPointCode", "KPC-DEMAK-59500");
        pay(UUID.randomUUID().toString(), elsewhere).statusCode(422)
                .body("type", org.hamcrest.Matchers.endsWith("pay-point-outside-region"));

        var fractional = body(order, f.recipientNik(), "RECIPIENT", null);
        fractional.put("amount", 900000.5);
        pay(UUID.randomUUID().toString(), fractional).statusCode(400).contentType("application/problem+json");
        assertThat(Fixtures.count(db, "select count(*) from payment where order_id = '" + order + "'")).isZero();
    }

    @Test
    void theRecipientIsPaidOnceAndTheEventLeavesThroughTheOutbox() {
        Family f = Fixtures.family(false);
        UUID order = Fixtures.listed(db, f).get(f.householdId());
        String key = UUID.randomUUID().toString();

        String first = pay(key, body(order, f.recipientNik(), "RECIPIENT", null))
                .statusCode(201)
                .contentType(ContentType.JSON)
                .body("orderId", equalTo(order.toString()))
                .body("amount", equalTo(900000))
                .body("presenterRole", equalTo("RECIPIENT"))
                .body("presenterNik", equalTo(f.recipientNik().substring(0, 6) + "**********"))
                .body("officer", equalTo("test-petugas-bayar"))
                .body("payPointCode", equalTo("KPC-JEPARA-59400"))
                .body("paidAt", equalTo(TestClock.CLOCK.instant().toString()))
                .body("photoSha256", equalTo(PHOTO))
                .extract().asString();

        // a retry (double click, lost answer) gets the very same payment
        String again = pay(key, body(order, f.recipientNik(), "RECIPIENT", null))
                .statusCode(200)
                .header("Idempotent-Replayed", "true")
                .extract().asString();
        assertThat(again).isEqualTo(first);

        // the same key for another request is a client bug, not a retry
        var changed = body(order, f.recipientNik(), "RECIPIENT", null);
        changed.put("latitude", -6.6);
        pay(key, changed).statusCode(422).contentType("application/problem+json")
                .body("type", containsString("idempotency-key-reused"));

        // another attempt (new key) finds the order paid, and says when
        pay(UUID.randomUUID().toString(), body(order, f.husbandNik(), "KUASA", f.noKk()))
                .statusCode(409).contentType("application/problem+json")
                .body("type", containsString("already-paid"))
                .body("paidAt", equalTo(TestClock.CLOCK.instant().toString()))
                .body("detail", containsString("already paid at " + TestClock.CLOCK.instant()));

        assertThat(count(db, "select count(*) from payment where order_id = '" + order + "'")).isEqualTo(1);
        assertThat(Fixtures.text(db, "select officer || ' ' || pay_point_code || ' ' || latitude || ' ' || longitude || ' ' || photo_sha256"
                + " from payment where order_id = '" + order + "'"))
                .isEqualTo("test-petugas-bayar KPC-JEPARA-59400 -6.588700 110.668400 " + PHOTO);

        given().auth().oauth2(TestTokens.token(Roles.PETUGAS_BAYAR, "33.20.06"))
                .when().get("/api/v1/orders/" + order)
                .then().statusCode(200)
                .body("status", equalTo("PAID"))
                .body("recipientNik", equalTo(f.recipientNik()))
                .body("payment.amount", equalTo(900000))
                .body("members.nik", hasItem(f.husbandNik()));
        assertThat(count(db, "select count(*) from audit_log where action = 'READ' and subject_id = '" + order + "'"))
                .isEqualTo(1);

        var record = TestTopics.await(PaymentEvents.TOPIC, r -> order.toString().equals(r.key()), Duration.ofSeconds(30));
        assertThat(record.event().get("type").asText()).isEqualTo(PaymentEvents.PAYMENT_RECORDED);
        assertThat(record.event().get("source").asText()).isEqualTo("/lumbung/disbursement-service");
        var data = record.event().get("data");
        assertThat(data.get("status").asText()).isEqualTo("PAID");
        assertThat(data.get("amount").asLong()).isEqualTo(900_000);
        assertThat(data.get("householdId").asText()).isEqualTo(f.householdId().toString());
        assertThat(data.get("programCode").asText()).isEqualTo("BLTS_KESRA");
        assertThat(data.get("listId").asText()).startsWith("BL-");
        assertThat(data.get("reason").isNull()).isTrue();
    }

    @Test
    void aKuasaFromTheSameKkIsPaidWithTheKk() {
        Family f = Fixtures.family(true);
        UUID order = Fixtures.listed(db, f).get(f.householdId());
        pay(UUID.randomUUID().toString(), body(order, f.husbandNik(), "KUASA", f.noKk()))
                .statusCode(201)
                .body("presenterRole", equalTo("KUASA"))
                .body("amount", equalTo(900000));
        assertThat(Fixtures.text(db, "select presenter_nik || ' ' || presenter_no_kk from payment where order_id = '" + order + "'"))
                .isEqualTo(f.husbandNik() + " " + f.noKk());
    }

    @Test
    void strangersAndKuasaFromAnotherKkAreRefused() {
        Family f = Fixtures.family(false);
        Family neighbour = Fixtures.family(false);
        var orders = Fixtures.listed(db, f, neighbour);
        UUID order = orders.get(f.householdId());

        pay(UUID.randomUUID().toString(), body(order, neighbour.recipientNik(), "RECIPIENT", null))
                .statusCode(422).contentType("application/problem+json")
                .body("type", containsString("presenter-refused"))
                .body("reason", equalTo("NOT_RECIPIENT"));
        // the neighbour's husband with his own KK
        pay(UUID.randomUUID().toString(), body(order, neighbour.husbandNik(), "KUASA", neighbour.noKk()))
                .statusCode(422).body("reason", equalTo("KK_MISMATCH"));
        // ... or claiming this family's KK number
        pay(UUID.randomUUID().toString(), body(order, neighbour.husbandNik(), "KUASA", f.noKk()))
                .statusCode(422).body("reason", equalTo("NOT_A_MEMBER"));
        // a real member, but without the KK
        pay(UUID.randomUUID().toString(), body(order, f.husbandNik(), "KUASA", null))
                .statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("noKk"));
        // the amount is the plan's, not the counter's
        var tampered = body(order, f.recipientNik(), "RECIPIENT", null);
        tampered.put("amount", 1_900_000);
        pay(UUID.randomUUID().toString(), tampered)
                .statusCode(422).body("type", containsString("amount-mismatch")).body("orderAmount", equalTo(900000));
        // an officer of another regency
        pay(TestTokens.token(Roles.PETUGAS_BAYAR, "33.21"), UUID.randomUUID().toString(),
                body(order, f.recipientNik(), "RECIPIENT", null))
                .statusCode(403).contentType("application/problem+json");

        assertThat(count(db, "select count(*) from payment where order_id = '" + order + "'")).isZero();
        assertThat(Fixtures.text(db, "select status from payment_order where id = '" + order + "'")).isEqualTo("READY");
        // and the refusals did not spend anything: the recipient is still paid normally
        pay(UUID.randomUUID().toString(), body(order, f.recipientNik(), "RECIPIENT", null)).statusCode(201);
    }

    @Test
    void badRequestsAreProblemsAndWriteNothing() {
        Family f = Fixtures.family(false);
        UUID order = Fixtures.listed(db, f).get(f.householdId());
        var ok = body(order, f.recipientNik(), "RECIPIENT", null);

        pay(null, ok).statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("Idempotency-Key"));
        var badPhoto = new LinkedHashMap<>(ok);
        badPhoto.put("photoSha256", "not-a-hash");
        badPhoto.put("latitude", 91);
        pay(UUID.randomUUID().toString(), badPhoto).statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("photoSha256"))
                .body("violations.field", hasItem("latitude"));
        // no order pays a family more than Rp100.000.000: a larger amount is refused before any order is looked at
        var huge = new LinkedHashMap<>(ok);
        huge.put("amount", 100_000_001L);
        pay(UUID.randomUUID().toString(), huge).statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("amount"));
        var badRole = new LinkedHashMap<>(ok);
        badRole.put("presenterRole", "TETANGGA");
        pay(UUID.randomUUID().toString(), badRole).statusCode(400).contentType("application/problem+json");
        pay(UUID.randomUUID().toString(), body(UUID.randomUUID(), f.recipientNik(), "RECIPIENT", null))
                .statusCode(404).contentType("application/problem+json");

        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString()).body(ok)
                .when().post("/api/v1/payments")
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
        given().auth().oauth2("not.a.token").contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(ok)
                .when().post("/api/v1/payments")
                .then().statusCode(401);
        pay(TestTokens.token(Roles.DINSOS, "33.20"), UUID.randomUUID().toString(), ok)
                .statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        given().when().get("/api/v1/orders/" + order)
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token(Roles.INTEGRATOR))
                .when().get("/api/v1/orders/" + order)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token(Roles.DINSOS, "33.20"))
                .queryParam("status", "LUNAS")
                .when().get("/api/v1/orders")
                .then().statusCode(400).contentType("application/problem+json");

        assertThat(count(db, "select count(*) from payment where order_id = '" + order + "'")).isZero();
        assertThat(count(db, "select count(*) from payment_request where order_id = '" + order + "'")).isZero();
    }

    @Test
    void theOpenApiDocumentDescribesTheService() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("info.title", equalTo("Lumbung disbursement-service"))
                .body("paths.'/api/v1/payments'.post", notNullValue());
    }
}
