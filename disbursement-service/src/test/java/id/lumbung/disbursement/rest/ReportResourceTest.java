package id.lumbung.disbursement.rest;

import static id.lumbung.disbursement.Scheduling.dinsos;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import id.lumbung.disbursement.Counter;
import id.lumbung.disbursement.Fixtures;
import id.lumbung.disbursement.Fixtures.Family;
import id.lumbung.disbursement.Scheduling;
import id.lumbung.disbursement.TestClock;
import id.lumbung.platform.security.Roles;
import id.lumbung.platform.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReportResourceTest {

    @Inject
    AgroalDataSource db;

    @AfterEach
    void backToTheCounterDay() {
        TestClock.CLOCK.set(Instant.parse("2025-11-21T01:30:00Z"));
    }

    @Test
    void realisationPerVillageAddsUpInJsonCsvAndChart() throws Exception {
        String district = Scheduling.freshDistrict();
        String villageA = district + ".2001";
        String villageB = district + ".2002";
        String office = Scheduling.payPoint("POST_OFFICE", district, 10);
        List<Family> a = Scheduling.families(villageA, 4);
        List<Family> b = Scheduling.families(villageB, 3);
        var all = new ArrayList<>(a);
        all.addAll(b);
        var orders = Fixtures.listed(db, all.toArray(Family[]::new));
        UUID plan = Scheduling.planOf(db, orders.get(a.get(0).householdId()));
        Scheduling.jeparaWindows(plan);
        for (var f : List.of(a.get(0), a.get(1), a.get(2), b.get(0))) {
            Counter.pay(UUID.randomUUID().toString(), Counter.at(office, Counter.body(orders.get(f.householdId()), f.recipientNik(),
                    "RECIPIENT", null)))
                    .statusCode(201);
        }
        TestClock.CLOCK.set(Instant.parse("2025-12-09T01:00:00Z"));
        given().auth().oauth2(dinsos()).contentType(ContentType.JSON)
                .body(Map.of("failures", List.of(Map.of("householdId", b.get(1).householdId().toString(), "reason", "MOVED"))))
                .when().post("/api/v1/plans/" + plan + "/close-collection").then().statusCode(200);

        given().auth().oauth2(TestTokens.token(Roles.AUDITOR))
                .queryParam("planId", plan.toString()).queryParam("regionCode", district)
                .when().get("/api/v1/reports/realisation")
                .then().statusCode(200)
                .body("rows.regionCode", equalTo(List.of(villageA, villageB)))
                .body("rows[0].families", equalTo(4))
                .body("rows[0].paid", equalTo(2_700_000))
                .body("rows[0].percentComplete", equalTo(75.0f))
                .body("rows[1].failedByReason.find { it.reason == 'MOVED' }.amount", equalTo(900_000))
                .body("rows[1].failedByReason.find { it.reason == 'NOT_COLLECTED' }.families", equalTo(1))
                .body("total.planned", equalTo(6_300_000))
                .body("total.paid", equalTo(3_600_000))
                .body("total.failed", equalTo(2_700_000))
                .body("total.percentComplete", equalTo(57.1f));
        given().auth().oauth2(dinsos())
                .queryParam("planId", plan.toString()).queryParam("regionCode", district).queryParam("level", "district")
                .when().get("/api/v1/reports/realisation")
                .then().statusCode(200)
                .body("rows.regionCode", equalTo(List.of(district)))
                .body("rows[0].families", equalTo(7));

        String csv = given().auth().oauth2(dinsos())
                .queryParam("planId", plan.toString()).queryParam("regionCode", district).queryParam("format", "csv")
                .when().get("/api/v1/reports/realisation")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        var lines = csv.strip().split("\n");
        var header = Arrays.asList(lines[0].split(","));
        assertThat(lines).hasSize(4);
        assertThat(lines[3]).startsWith("TOTAL,");
        long[] sums = new long[header.size()];
        for (int i = 1; i < 3; i++) {
            var cells = lines[i].split(",");
            long planned = Long.parseLong(cells[header.indexOf("planned")]);
            long paid = Long.parseLong(cells[header.indexOf("paid")]);
            long failed = Long.parseLong(cells[header.indexOf("failed")]);
            long pending = Long.parseLong(cells[header.indexOf("pending")]);
            assertThat(planned).as(lines[i]).isEqualTo(paid + failed + pending);
            long byReason = 0;
            for (int c = 0; c < header.size(); c++) {
                if (header.get(c).startsWith("failed_") && !header.get(c).equals("failed_families")) {
                    byReason += Long.parseLong(cells[c]);
                }
            }
            assertThat(byReason).as("failed by reason adds up to failed").isEqualTo(failed);
            for (int c = 1; c < header.size() - 1; c++) {
                sums[c] += Long.parseLong(cells[c]);
            }
        }
        var total = lines[3].split(",");
        for (int c = 1; c < header.size() - 1; c++) {
            assertThat(Long.parseLong(total[c])).as("TOTAL " + header.get(c)).isEqualTo(sums[c]);
        }
        assertThat(total[header.indexOf("planned")]).isEqualTo("6300000");
        assertThat(total[header.indexOf("percent_complete")]).isEqualTo("57.1");

        byte[] png = given().auth().oauth2(dinsos())
                .queryParam("planId", plan.toString()).queryParam("regionCode", district)
                .when().get("/api/v1/reports/realisation/chart")
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        assertThat(Arrays.copyOf(png, 8)).isEqualTo(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
        var image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(image.getHeight()).isEqualTo(600);
    }

    @Test
    void badReportRequestsAreRefused() {
        Family f = Fixtures.family(false);
        UUID plan = Scheduling.planOf(db, Fixtures.listed(db, f).get(f.householdId()));
        String path = "/api/v1/reports/realisation";
        given().auth().oauth2(dinsos()).when().get(path).then().statusCode(400).body("field", equalTo("planId"));
        given().auth().oauth2(dinsos()).queryParam("planId", plan.toString()).queryParam("level", "PROVINSI")
                .when().get(path).then().statusCode(400).body("field", equalTo("level"));
        given().auth().oauth2(dinsos()).queryParam("planId", plan.toString()).queryParam("format", "xlsx")
                .when().get(path).then().statusCode(400).body("field", equalTo("format"));
        given().auth().oauth2(dinsos()).queryParam("planId", plan.toString()).queryParam("regionCode", "33.20.06.1001")
                .queryParam("level", "DISTRICT")
                .when().get(path).then().statusCode(400).body("field", equalTo("level"));
        given().auth().oauth2(dinsos()).queryParam("planId", UUID.randomUUID().toString())
                .when().get(path).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token(Roles.DINSOS, "33.21")).queryParam("planId", plan.toString())
                .queryParam("regionCode", "33.20")
                .when().get(path).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token(Roles.PETUGAS_BAYAR, "33.20")).queryParam("planId", plan.toString())
                .when().get(path + "/chart").then().statusCode(403).contentType("application/problem+json");
        given().queryParam("planId", plan.toString()).when().get(path).then().statusCode(401);
    }
}
