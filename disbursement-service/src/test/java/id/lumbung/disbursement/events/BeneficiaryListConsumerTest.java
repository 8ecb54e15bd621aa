package id.lumbung.disbursement.events;

import static id.lumbung.disbursement.Fixtures.await;
import static id.lumbung.disbursement.Fixtures.count;
import static id.lumbung.disbursement.Fixtures.text;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import id.lumbung.disbursement.Fixtures;
import id.lumbung.platform.security.Roles;
import id.lumbung.platform.testing.TestTokens;
import id.lumbung.platform.testing.TestTopics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BeneficiaryListConsumerTest {

    @Inject
    AgroalDataSource db;

    @Test
    void aChunkedListBecomesOnePlanWithOneOrderPerFamilyEvenWhenChunksComeAgain() {
        String listId = "BL-" + UUID.randomUUID();
        var a = Fixtures.family(true);
        var b = Fixtures.family(false);
        var c = Fixtures.family(false);
        var d = Fixtures.family(true);
        var e = Fixtures.family(false);
        Map<String, Object> broken = new HashMap<>(Fixtures.beneficiary(Fixtures.family(false)));
        broken.put("recipientNik", "3320069907870001"); // month 07, day 99: not a NIK

        byte[] first = Fixtures.chunk(listId, 0, 2, 6,
                List.of(Fixtures.beneficiary(a), Fixtures.beneficiary(b), Fixtures.beneficiary(c)));
        byte[] firstResent = Fixtures.chunk(listId, 0, 2, 6,
                List.of(Fixtures.beneficiary(a), Fixtures.beneficiary(b), Fixtures.beneficiary(c)));
        byte[] second = Fixtures.chunk(listId, 1, 2, 6,
                List.of(Fixtures.beneficiary(d), Fixtures.beneficiary(e), broken));
        TestTopics.send(Fixtures.LISTS_TOPIC, listId, first);
        TestTopics.send(Fixtures.LISTS_TOPIC, listId, first); // the same event redelivered
        TestTopics.send(Fixtures.LISTS_TOPIC, listId, firstResent); // the same chunk in a new event
        TestTopics.send(Fixtures.LISTS_TOPIC, listId, second);

        // one partition per list key: once the last chunk is applied, every repeat before it was too
        await(() -> "COMPLETE".equals(text(db, "select status from disbursement_plan where list_id = '" + listId + "'")),
                Duration.ofSeconds(30));
        String planId = text(db, "select id::text from disbursement_plan where list_id = '" + listId + "'");

        assertThat(count(db, "select count(*) from disbursement_plan where list_id = '" + listId + "'")).isEqualTo(1);
        assertThat(count(db, "select count(*) from payment_order where plan_id = '" + planId + "'")).isEqualTo(5);
        assertThat(count(db, "select count(distinct household_id) from payment_order where plan_id = '" + planId + "'"))
                .isEqualTo(5);
        assertThat(count(db, "select count(*) from plan_chunk where plan_id = '" + planId + "'")).isEqualTo(2);
        assertThat(count(db, "select count(*) from payment_order where plan_id = '" + planId
                + "' and amount = 900000 and status = 'READY'")).isEqualTo(5);
        assertThat(text(db, "select string_agg(channel, ',' order by channel) from payment_order where household_id in ('"
                + a.householdId() + "', '" + d.householdId() + "')")).isEqualTo("BANK,BANK");
        assertThat(text(db, "select string_agg(channel, ',' order by channel) from payment_order where household_id in ('"
                + b.householdId() + "', '" + c.householdId() + "', '" + e.householdId() + "')")).isEqualTo("POS,POS,POS");

        given().auth().oauth2(TestTokens.token(Roles.DINSOS, "33.20"))
                .when().get("/api/v1/plans/" + planId)
                .then().statusCode(200)
                .body("plan.listId", equalTo(listId))
                .body("plan.programCode", equalTo("BLTS_KESRA"))
                .body("plan.amountPerMonth", equalTo(300000))
                .body("plan.months", equalTo(3))
                .body("plan.lumpSum", equalTo(true))
                .body("plan.amountPerFamily", equalTo(900000))
                .body("plan.totalBeneficiaries", equalTo(6))
                .body("plan.plannedTotal", equalTo(5400000))
                .body("plan.status", equalTo("COMPLETE"))
                .body("chunksReceived", equalTo(2))
                .body("rejectedBeneficiaries", equalTo(1))
                .body("orders", equalTo(5))
                .body("orderedTotal", equalTo(4500000))
                .body("byStatus.find { it.status == 'READY' }.orders", equalTo(5))
                .body("byStatus.find { it.status == 'READY' }.amount", equalTo(4500000))
                .body("byStatus.find { it.status == 'PAID' }.orders", equalTo(0));

        given().auth().oauth2(TestTokens.token(Roles.DINSOS, "33.20"))
                .queryParam("planId", planId).queryParam("villageCode", Fixtures.VILLAGE).queryParam("status", "READY")
                .when().get("/api/v1/orders")
                .then().statusCode(200)
                .body("total", equalTo(5))
                .body("items", hasSize(5))
                .body("items.recipientNik", everyItem(matchesPattern("\\d{6}\\*{10}")))
                .body("items.noKk", everyItem(matchesPattern("\\d{6}\\*{10}")))
                .body("items.recipientName", everyItem(equalTo("S**I A****H")));

        given().auth().oauth2(TestTokens.token(Roles.KEMENSOS))
                .when().get("/api/v1/plans")
                .then().statusCode(200)
                .body("items.find { it.listId == '" + listId + "' }.id", equalTo(planId));
        given().auth().oauth2(TestTokens.token(Roles.DINSOS, "33.21"))
                .when().get("/api/v1/plans/" + planId)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aChunkThatDisagreesWithItsPlanAddsNothing() {
        String listId = "BL-" + UUID.randomUUID();
        TestTopics.send(Fixtures.LISTS_TOPIC, listId,
                Fixtures.chunk(listId, 0, 2, 2, List.of(Fixtures.beneficiary(Fixtures.family(false)))));
        // same list, but chunk 1 claims another chunk count: not the same list, not applied
        TestTopics.send(Fixtures.LISTS_TOPIC, listId,
                Fixtures.chunk(listId, 1, 3, 2, List.of(Fixtures.beneficiary(Fixtures.family(false)))));
        String marker = "BL-" + UUID.randomUUID();
        TestTopics.send(Fixtures.LISTS_TOPIC, listId,
                Fixtures.chunk(marker, 0, 1, 1, List.of(Fixtures.beneficiary(Fixtures.family(false)))));
        await(() -> count(db, "select count(*) from disbursement_plan where list_id = '" + marker + "'") == 1,
                Duration.ofSeconds(30));
        String planId = text(db, "select id::text from disbursement_plan where list_id = '" + listId + "'");
        assertThat(count(db, "select count(*) from payment_order where plan_id = '" + planId + "'")).isEqualTo(1);
        assertThat(text(db, "select status from disbursement_plan where id = '" + planId + "'")).isEqualTo("RECEIVING");
    }
}
