package id.lumbung.disbursement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import id.lumbung.disbursement.Fixtures.Family;
import id.lumbung.platform.security.Roles;
import id.lumbung.platform.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Pay points, windows and schedules as the regency's social office (dinsos Jepara) sets them up. */
public final class Scheduling {

    public static final Map<String, Object> JEPARA_WINDOWS = Map.of(
            "counterFrom", "2025-11-21", "communityFrom", "2025-11-25", "communityTo", "2025-11-30",
            "lateUntil", "2025-12-08", "reconciliationFrom", "2025-12-09", "reconciliationTo", "2025-12-11");

    private Scheduling() {
    }

    public static String dinsos() {
        return TestTokens.token(Roles.DINSOS, Fixtures.REGION);
    }

    /**
     * A district of Jepara (with villages .2001 and .2002) no other test uses in this run, so pay points of other
     * tests do not reach it.
     */
    public static String freshDistrict() {
        // never the same district twice in a run (the test databases start empty): a district another test gave
        // pay points would otherwise change what this one counts
        return DISTRICTS.get(NEXT_DISTRICT.getAndIncrement() % DISTRICTS.size());
    }

    /** Jepara's real districts that have villages .2001 and .2002 (but the counter tests'), from the Kemendagri list. */
    private static final List<String> DISTRICTS = districtsWithTwoVillages();
    private static final AtomicInteger NEXT_DISTRICT = new AtomicInteger(ThreadLocalRandom.current().nextInt(DISTRICTS.size()));

    private static List<String> districtsWithTwoVillages() {
        try (var in = Scheduling.class.getClassLoader().getResourceAsStream(id.lumbung.platform.id.Regions.RESOURCE)) {
            var codes = new java.util.HashSet<String>();
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                codes.add(line.split(",", 2)[0]);
            }
            return codes.stream().filter(c -> c.matches(java.util.regex.Pattern.quote(Fixtures.REGION) + "\\.\\d{2}"))
                    .filter(d -> codes.contains(d + ".2001") && codes.contains(d + ".2002"))
                    // the counter tests' own village lies in this one
                    .filter(d -> !Fixtures.VILLAGE.startsWith(d + ".")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Families of one village (plain-Pos families unless told). */
    public static List<Family> families(String villageCode, int n) {
        var out = new ArrayList<Family>();
        for (int i = 0; i < n; i++) {
            var f = Fixtures.family(false);
            out.add(new Family(f.householdId(), f.noKk(), villageCode, false, f.recipientNik(), f.husbandNik(), f.childNik()));
        }
        return out;
    }

    public static String payPoint(String kind, String regionCode, int capacity) {
        String code = "PP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().auth().oauth2(dinsos()).contentType(ContentType.JSON)
                .body(Map.of("code", code, "kind", kind, "name", kind + " " + regionCode, "regionCode", regionCode,
                        "capacityPerDay", capacity))
                .when().post("/api/v1/pay-points").then().statusCode(201);
        return code;
    }

    public static UUID planOf(AgroalDataSource db, UUID orderId) {
        return UUID.fromString(Fixtures.text(db, "select plan_id::text from payment_order where id = '" + orderId + "'"));
    }

    public static void jeparaWindows(UUID planId) {
        given().auth().oauth2(dinsos()).contentType(ContentType.JSON).body(JEPARA_WINDOWS)
                .when().put("/api/v1/plans/" + planId + "/windows").then().statusCode(200);
    }

    /** Starts a generation and waits until it is done; returns the finished job. */
    public static JsonPath generate(UUID planId) {
        String jobId = given().auth().oauth2(dinsos()).when().post("/api/v1/plans/" + planId + "/schedule")
                .then().statusCode(202).extract().path("id");
        return awaitJob(jobId, Duration.ofSeconds(60));
    }

    public static JsonPath awaitJob(String jobId, Duration timeout) {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (true) {
            var job = given().auth().oauth2(dinsos()).when().get("/api/v1/schedule-jobs/" + jobId)
                    .then().statusCode(200).extract().jsonPath();
            String status = job.getString("status");
            if ("DONE".equals(status) || "FAILED".equals(status)) {
                assertThat(status).as("job " + jobId + " error: " + job.getString("error")).isEqualTo("DONE");
                return job;
            }
            assertThat(System.currentTimeMillis()).as("job " + jobId + " finishes in time").isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
