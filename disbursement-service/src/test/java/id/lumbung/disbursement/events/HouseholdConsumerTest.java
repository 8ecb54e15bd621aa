package id.lumbung.disbursement.events;

import static id.lumbung.disbursement.Fixtures.await;
import static id.lumbung.disbursement.Fixtures.count;
import static id.lumbung.disbursement.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import id.lumbung.disbursement.Fixtures;
import id.lumbung.disbursement.Counter;
import id.lumbung.platform.security.Roles;
import id.lumbung.platform.testing.TestTokens;
import id.lumbung.platform.testing.TestTopics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HouseholdConsumerTest {

    @Inject
    AgroalDataSource db;

    @Test
    void theRecipientsDeathBlocksTheUnpaidOrderAndPaymentIsRefused() {
        var f = Fixtures.family(false);
        UUID order = Fixtures.listed(db, f).get(f.householdId());

        TestTopics.send(Fixtures.HOUSEHOLDS_TOPIC, f.householdId().toString(),
                Fixtures.household(f, 7, "DECEASED", "ALIVE", "ALIVE"));
        await(() -> "BLOCKED".equals(status(order)), Duration.ofSeconds(30));
        assertThat(text(db, "select status_reason from payment_order where id = '" + order + "'")).isEqualTo("DECEASED");

        Counter.pay(UUID.randomUUID().toString(),
                Counter.body(order, f.husbandNik(), "KUASA", f.noKk()))
                .statusCode(409).contentType("application/problem+json")
                .body("type", containsString("order-blocked"))
                .body("reason", equalTo("DECEASED"));
        assertThat(count(db, "select count(*) from payment where order_id = '" + order + "'")).isZero();

        var record = TestTopics.await(PaymentEvents.TOPIC,
                r -> order.toString().equals(r.key()) && PaymentEvents.ORDER_BLOCKED.equals(r.event().path("type").asText()),
                Duration.ofSeconds(30));
        assertThat(record.event().get("data").get("status").asText()).isEqualTo("BLOCKED");
        assertThat(record.event().get("data").get("reason").asText()).isEqualTo("DECEASED");

        // a later change of the household does not rewrite the reason the order was blocked for
        TestTopics.send(Fixtures.HOUSEHOLDS_TOPIC, f.householdId().toString(),
                Fixtures.household(f, 8, "MOVED", "ALIVE", "ALIVE"));
        await(() -> count(db, "select registry_version from household_life where household_id = '" + f.householdId() + "'") == 8,
                Duration.ofSeconds(30));
        assertThat(text(db, "select status_reason from payment_order where id = '" + order + "'")).isEqualTo("DECEASED");
    }

    @Test
    void aPaidOrderIsNeverTouched() {
        var f = Fixtures.family(false);
        UUID order = Fixtures.listed(db, f).get(f.householdId());
        Counter.pay(UUID.randomUUID().toString(),
                Counter.body(order, f.recipientNik(), "RECIPIENT", null)).statusCode(201);

        TestTopics.send(Fixtures.HOUSEHOLDS_TOPIC, f.householdId().toString(),
                Fixtures.household(f, 3, "DECEASED", "DECEASED", "DECEASED"));
        await(() -> count(db, "select count(*) from household_life where household_id = '" + f.householdId() + "'") == 1,
                Duration.ofSeconds(30));
        assertThat(status(order)).isEqualTo("PAID");
        assertThat(count(db, "select count(*) from outbox_event where event_key = '" + order
                + "' and event_type = '" + PaymentEvents.ORDER_BLOCKED + "'")).isZero();
    }

    @Test
    void aMoveReportedBeforeTheListArrivedBlocksTheNewOrder() {
        var f = Fixtures.family(false);
        TestTopics.send(Fixtures.HOUSEHOLDS_TOPIC, f.householdId().toString(),
                Fixtures.household(f, 2, null, "ALIVE", "ALIVE")); // the recipient has left the KK
        await(() -> count(db, "select count(*) from household_life where household_id = '" + f.householdId() + "'") == 1,
                Duration.ofSeconds(30));

        UUID order = Fixtures.listed(db, f).get(f.householdId());
        assertThat(status(order)).isEqualTo("BLOCKED");
        assertThat(text(db, "select status_reason from payment_order where id = '" + order + "'")).isEqualTo("MOVED");
    }

    @Test
    void aMemberWhoMovedOutCanNoLongerCollectAsKuasa() {
        var f = Fixtures.family(false);
        UUID order = Fixtures.listed(db, f).get(f.householdId());
        TestTopics.send(Fixtures.HOUSEHOLDS_TOPIC, f.householdId().toString(),
                Fixtures.household(f, 4, "ALIVE", "MOVED", "ALIVE"));
        await(() -> count(db, "select count(*) from payment_order where id = '" + order + "' and departed_niks <> '{}'") == 1,
                Duration.ofSeconds(30));
        assertThat(status(order)).isEqualTo("READY");

        Counter.pay(UUID.randomUUID().toString(),
                Counter.body(order, f.husbandNik(), "KUASA", f.noKk()))
                .statusCode(422).body("reason", equalTo("MEMBER_DEPARTED"));
        Counter.pay(UUID.randomUUID().toString(),
                Counter.body(order, f.childNik(), "KUASA", f.noKk()))
                .statusCode(201);
        io.restassured.RestAssured.given().auth().oauth2(TestTokens.token(Roles.KEMENSOS))
                .when().get("/api/v1/orders/" + order)
                .then().statusCode(200)
                .body("members.find { it.nik == '" + f.husbandNik() + "' }.departed", equalTo(true));
    }

    @Test
    void everyNewerStateCountsEvenWhenOneBatchCarriesSeveral() {
        var f = Fixtures.family(false);
        UUID order = Fixtures.listed(db, f).get(f.householdId());
        // v5: the husband moved out; v6: he is off the card; v4 arrives late. Whether these come in one poll or
        // three, he has departed and the late state changes nothing.
        TestTopics.send(Fixtures.HOUSEHOLDS_TOPIC, f.householdId().toString(),
                Fixtures.household(f, 5, "ALIVE", "MOVED", "ALIVE"));
        TestTopics.send(Fixtures.HOUSEHOLDS_TOPIC, f.householdId().toString(),
                Fixtures.household(f, 6, "ALIVE", null, "ALIVE"));
        TestTopics.send(Fixtures.HOUSEHOLDS_TOPIC, f.householdId().toString(),
                Fixtures.household(f, 4, "ALIVE", "ALIVE", "ALIVE"));
        // v7 (the child moved out) comes after v4 on the same partition: once it is kept, all four were consumed
        TestTopics.send(Fixtures.HOUSEHOLDS_TOPIC, f.householdId().toString(),
                Fixtures.household(f, 7, "ALIVE", null, "MOVED"));
        await(() -> count(db, "select registry_version from household_life where household_id = '" + f.householdId() + "'") == 7,
                Duration.ofSeconds(30));
        assertThat(status(order)).isEqualTo("READY");
        assertThat(text(db, "select array_to_string(departed_niks, ',') from payment_order where id = '" + order + "'"))
                .contains(f.husbandNik(), f.childNik());
    }

    @Test
    void anErasedHouseholdIsPaidNothingMoreEvenFromAListMadeBefore() {
        var f = Fixtures.family(false);
        UUID order = Fixtures.listed(db, f).get(f.householdId());
        TestTopics.sendTombstone(Fixtures.HOUSEHOLDS_TOPIC, f.householdId().toString(),
                id.lumbung.platform.events.EventEnvelope.tombstoneHeaders(UUID.randomUUID(), "/lumbung/registry-service",
                        "id.lumbung.registry.household.erased", f.householdId().toString(), java.time.Instant.now()));
        await(() -> "BLOCKED".equals(status(order)), Duration.ofSeconds(30));
        assertThat(text(db, "select status_reason from payment_order where id = '" + order + "'")).isEqualTo("ERASED");
        Counter.pay(UUID.randomUUID().toString(), Counter.body(order, f.recipientNik(), "RECIPIENT", null))
                .statusCode(409).body("reason", equalTo("ERASED"));
        TestTopics.await(PaymentEvents.TOPIC, r -> order.toString().equals(r.key())
                && "ERASED".equals(r.event().path("data").path("reason").asText()), Duration.ofSeconds(30));

        // a list approved before the erasure, planned after it: the new order is blocked as it is made
        Fixtures.listed(db, f);
        UUID later = UUID.fromString(text(db, "select id::text from payment_order where household_id = '" + f.householdId()
                + "' and id <> '" + order + "'"));
        assertThat(status(later)).isEqualTo("BLOCKED");
        assertThat(text(db, "select status_reason from payment_order where id = '" + later + "'")).isEqualTo("ERASED");
    }

    private String status(UUID order) {
        return text(db, "select status from payment_order where id = '" + order + "'");
    }
}
