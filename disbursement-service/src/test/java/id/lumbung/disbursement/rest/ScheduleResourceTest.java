package id.lumbung.disbursement.rest;

import static id.lumbung.disbursement.Fixtures.count;
import static id.lumbung.disbursement.Scheduling.dinsos;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import id.lumbung.disbursement.Counter;
import id.lumbung.disbursement.Fixtures;
import id.lumbung.disbursement.Fixtures.Family;
import id.lumbung.disbursement.Scheduling;
import id.lumbung.platform.security.Roles;
import id.lumbung.platform.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ScheduleResourceTest {

    @Inject
    AgroalDataSource db;

    @Test
    void aWholePlanIsScheduledWithinCapacityAndDoorToDoorForFlaggedFamilies() {
        String district = Scheduling.freshDistrict();
        String villageA = district + ".2001";
        String villageB = district + ".2002";
        String nowhere = Scheduling.freshDistrict() + ".2001";
        while (nowhere.startsWith(district + ".")) {
            nowhere = Scheduling.freshDistrict() + ".2001";
        }
        // the village hall of A takes one family a day; everybody else in the district goes to the post office
        String hall = Scheduling.payPoint("COMMUNITY_POINT", villageA, 1);
        String office = Scheduling.payPoint("POST_OFFICE", district, 4);
        String round = Scheduling.payPoint("DOOR_TO_DOOR", district, 2);

        List<Family> a = Scheduling.families(villageA, 10);
        List<Family> b = Scheduling.families(villageB, 6);
        Family far = Scheduling.families(nowhere, 1).get(0);
        var bankFamily = Fixtures.family(true);
        Family bank = new Family(bankFamily.householdId(), bankFamily.noKk(), villageA, true, bankFamily.recipientNik(),
                bankFamily.husbandNik(), bankFamily.childNik());
        var all = new ArrayList<Family>(a);
        all.addAll(b);
        all.add(far);
        all.add(bank);
        var orders = Fixtures.listed(db, all.toArray(Family[]::new));
        UUID plan = Scheduling.planOf(db, orders.get(far.householdId()));

        // no windows yet: nothing to schedule against
        given().auth().oauth2(dinsos()).when().post("/api/v1/plans/" + plan + "/schedule")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", containsString("windows-missing"));
        // a year typed wrong is refused, not stored
        for (String year : List.of("0001", "10000")) {
            var windows = new java.util.HashMap<>(Scheduling.JEPARA_WINDOWS);
            windows.put("counterFrom", year + "-11-21");
            given().auth().oauth2(dinsos()).contentType(ContentType.JSON).body(windows)
                    .when().put("/api/v1/plans/" + plan + "/windows").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        Scheduling.jeparaWindows(plan);
        given().auth().oauth2(TestTokens.token(Roles.PETUGAS_BAYAR, "33.20")).when().get("/api/v1/plans/" + plan + "/windows")
                .then().statusCode(200)
                .body("counterFrom", equalTo("2025-11-21"))
                .body("communityFrom", equalTo("2025-11-25"))
                .body("communityTo", equalTo("2025-11-30"))
                .body("lateUntil", equalTo("2025-12-08"))
                .body("reconciliationFrom", equalTo("2025-12-09"))
                .body("reconciliationTo", equalTo("2025-12-11"))
                .body("updatedBy", equalTo("test-dinsos"));

        // the village social worker's list: two families of A cannot come
        var flagged = List.of(a.get(0), a.get(1));
        given().auth().oauth2(TestTokens.token(Roles.OPERATOR_DESA, villageA)).contentType(ContentType.JSON)
                .body(Map.of("families", List.of(
                        Map.of("householdId", flagged.get(0).householdId().toString(), "reason", "ELDERLY"),
                        Map.of("householdId", flagged.get(1).householdId().toString(), "reason", "DISABLED"))))
                .when().put("/api/v1/plans/" + plan + "/door-to-door")
                .then().statusCode(200).body("flagged", equalTo(2));

        var job = Scheduling.generate(plan);
        assertThat(job.getInt("ordersToPlace")).isEqualTo(17);
        // A: 8 walk-in families, 1 a day for 6 community days → 2 over capacity; B: 6 at the post office;
        // 2 on the door-to-door round; the family of a district without pay points is left out
        assertThat(job.getInt("scheduled")).isEqualTo(14);
        assertThat(job.getInt("doorToDoor")).isEqualTo(2);
        assertThat(job.getInt("overCapacity")).isEqualTo(2);
        assertThat(job.getInt("noPayPoint")).isEqualTo(1);
        assertThat(job.getInt("bankChannel")).isEqualTo(1);
        assertThat(job.getString("phase")).isEqualTo("DONE");
        assertThat(job.getLong("durationMs")).isNotNegative();

        String where = " from schedule_entry where plan_id = '" + plan + "'";
        assertThat(count(db, """
                select count(*) from (select pay_point_code, collection_date, count(*) as n from schedule_entry
                    where plan_id = '%s' group by 1, 2) d join pay_point pp on pp.code = d.pay_point_code
                where d.n > pp.capacity_per_day""".formatted(plan))).as("no pay point over its capacity").isZero();
        assertThat(Fixtures.text(db, "select min(collection_date) || ' ' || max(collection_date)" + where
                + " and pay_point_code = '" + hall + "'")).isEqualTo("2025-11-25 2025-11-30");
        assertThat(Fixtures.text(db, "select min(collection_date) || ' ' || max(collection_date) || ' ' || count(*)" + where
                + " and pay_point_code = '" + office + "'")).isEqualTo("2025-11-21 2025-11-22 6");
        for (var f : flagged) {
            assertThat(Fixtures.text(db, "select pay_point_code || ' ' || door_to_door || ' ' || collection_date" + where
                    + " and order_id = '" + orders.get(f.householdId()) + "'")).isEqualTo(round + " true 2025-11-25");
        }
        assertThat(count(db, "select count(*)" + where + " and order_id = '" + orders.get(bank.householdId()) + "'")).isZero();

        given().auth().oauth2(dinsos()).when().get("/api/v1/plans/" + plan + "/schedule")
                .then().statusCode(200)
                .body("findAll { it.payPointCode == '" + office + "' }.families", equalTo(List.of(4, 2)))
                .body("findAll { it.payPointCode == '" + hall + "' }", hasSize(6))
                .body("findAll { it.payPointCode == '" + round + "' }.doorToDoor", equalTo(List.of(2)));
        given().auth().oauth2(TestTokens.token(Roles.PETUGAS_BAYAR, district)).when()
                .get("/api/v1/plans/" + plan + "/schedule/" + office + "/2025-11-21")
                .then().statusCode(200)
                .body("total", equalTo(4))
                .body("items.slot", equalTo(List.of(1, 2, 3, 4)))
                .body("items.invitedAt", equalTo(List.of("08:00:00", "10:00:00", "12:00:00", "14:00:00")))
                .body("items.villageCode", everyItem(equalTo(villageB)))
                .body("items.recipientNik", everyItem(startsWith("332006")))
                .body("items.recipientName", everyItem(equalTo("S**I A****H")));

        // regenerating replaces the schedule, it does not add to it
        Scheduling.generate(plan);
        assertThat(count(db, "select count(*)" + where)).isEqualTo(14);

        // a pay point with families scheduled cannot go away
        given().auth().oauth2(dinsos()).when().delete("/api/v1/pay-points/" + office)
                .then().statusCode(409).body("type", containsString("pay-point-scheduled"));

        // once money has moved the schedule is fixed
        Family first = b.get(0);
        Counter.pay(UUID.randomUUID().toString(), Counter.at(office, Counter.body(orders.get(first.householdId()),
                first.recipientNik(), "RECIPIENT", null)))
                .statusCode(201);
        given().auth().oauth2(dinsos()).when().post("/api/v1/plans/" + plan + "/schedule")
                .then().statusCode(409).body("type", containsString("payments-started"));
    }

    @Test
    void badWindowsListsAndCallersAreRefused() {
        Family f = Fixtures.family(false);
        UUID order = Fixtures.listed(db, f).get(f.householdId());
        UUID plan = Scheduling.planOf(db, order);

        var overlapping = new HashMap<>(Scheduling.JEPARA_WINDOWS);
        overlapping.put("reconciliationFrom", "2025-12-08");
        given().auth().oauth2(dinsos()).contentType(ContentType.JSON).body(overlapping)
                .when().put("/api/v1/plans/" + plan + "/windows")
                .then().statusCode(400).contentType("application/problem+json")
                .body("reason", equalTo("RECONCILIATION_OVERLAPS_COLLECTION"));
        var missing = new HashMap<>(Scheduling.JEPARA_WINDOWS);
        missing.remove("lateUntil");
        given().auth().oauth2(dinsos()).contentType(ContentType.JSON).body(missing)
                .when().put("/api/v1/plans/" + plan + "/windows")
                .then().statusCode(400).body("violations.field", equalTo(List.of("lateUntil")));
        given().auth().oauth2(dinsos()).when().get("/api/v1/plans/" + plan + "/windows")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token(Roles.OPERATOR_DESA, Fixtures.VILLAGE)).contentType(ContentType.JSON)
                .body(Scheduling.JEPARA_WINDOWS)
                .when().put("/api/v1/plans/" + plan + "/windows")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token(Roles.DINSOS, "33.21")).contentType(ContentType.JSON)
                .body(Scheduling.JEPARA_WINDOWS)
                .when().put("/api/v1/plans/" + plan + "/windows")
                .then().statusCode(403);
        given().contentType(ContentType.JSON).body(Scheduling.JEPARA_WINDOWS)
                .when().put("/api/v1/plans/" + plan + "/windows")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(dinsos()).contentType(ContentType.JSON).body(Scheduling.JEPARA_WINDOWS)
                .when().put("/api/v1/plans/" + UUID.randomUUID() + "/windows")
                .then().statusCode(404).contentType("application/problem+json");
        Scheduling.jeparaWindows(plan);

        // a family that is not in the plan flags nothing, not even the ones that are
        String stranger = UUID.randomUUID().toString();
        given().auth().oauth2(dinsos()).contentType(ContentType.JSON)
                .body(Map.of("families", List.of(Map.of("householdId", f.householdId().toString(), "reason", "SICK"),
                        Map.of("householdId", stranger, "reason", "REMOTE"))))
                .when().put("/api/v1/plans/" + plan + "/door-to-door")
                .then().statusCode(400).contentType("application/problem+json")
                .body("householdIds", equalTo(List.of(stranger)));
        assertThat(count(db, "select count(*) from door_to_door_need where plan_id = '" + plan + "'")).isZero();
        given().auth().oauth2(dinsos()).contentType(ContentType.JSON)
                .body(Map.of("families", List.of(Map.of("householdId", f.householdId().toString(), "reason", "HOMESICK"))))
                .when().put("/api/v1/plans/" + plan + "/door-to-door")
                .then().statusCode(400);
        // an operator of another village cannot flag this family
        given().auth().oauth2(TestTokens.token(Roles.OPERATOR_DESA, "33.20.06.1002")).contentType(ContentType.JSON)
                .body(Map.of("families", List.of(Map.of("householdId", f.householdId().toString(), "reason", "SICK"))))
                .when().put("/api/v1/plans/" + plan + "/door-to-door")
                .then().statusCode(400).body("householdIds", equalTo(List.of(f.householdId().toString())));

        given().auth().oauth2(TestTokens.token(Roles.OPERATOR_DESA, Fixtures.VILLAGE))
                .when().post("/api/v1/plans/" + plan + "/schedule")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token(Roles.DINSOS, "33.20.06"))
                .when().post("/api/v1/plans/" + plan + "/schedule")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(dinsos()).when().post("/api/v1/plans/" + UUID.randomUUID() + "/schedule")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(dinsos()).when().get("/api/v1/schedule-jobs/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(dinsos()).when().get("/api/v1/plans/" + plan + "/schedule/NOPE/2025-11-25")
                .then().statusCode(404);
        given().auth().oauth2(dinsos()).when().get("/api/v1/plans/" + plan + "/schedule/NOPE/25-11-2025")
                .then().statusCode(400).body("field", equalTo("date"));
    }
}
