package id.lumbung.disbursement.rest;

import static org.assertj.core.api.Assertions.assertThat;

import id.lumbung.disbursement.Fixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Schedule generation for one million orders, timed and printed (never asserted: the figure depends on the
 * machine). Heavy, so only with {@code -Dlumbung.bench=true}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "lumbung.bench", matches = "true")
class ScheduleBenchmarkTest {

    private static final int ORDERS = Integer.getInteger("lumbung.bench.orders", 1_000_000);
    private static final int DISTRICTS = 20;
    private static final int VILLAGES_PER_DISTRICT = 20;

    @Inject
    AgroalDataSource db;

    @Test
    void aMillionOrdersAreScheduled() throws SQLException {
        UUID plan = UUID.randomUUID();
        int villages = DISTRICTS * VILLAGES_PER_DISTRICT;
        // per village: a community point for the walk-ins, per district a post office and a door-to-door round
        int perVillage = (ORDERS + villages - 1) / villages;
        int communityCapacity = (perVillage + 5) / 6 + 1;
        long loadStart = System.nanoTime();
        try (var c = db.getConnection(); var s = c.createStatement()) {
            s.execute("""
                    insert into disbursement_plan (id, list_id, program_code, period, region_code, amount_per_month, months,
                        lump_sum, amount_per_family, total_beneficiaries, planned_total, chunk_count, status, created_at, completed_at)
                    values ('%s', 'BENCH-%s', 'BLTS_KESRA', '2025-Q4', '34.71', 300000, 3, true, 900000, %d, %d, 1, 'COMPLETE', now(), now())"""
                    .formatted(plan, plan, ORDERS, 900_000L * ORDERS));
            s.execute("""
                    insert into pay_point (code, name, kind, region_code, capacity_per_day, created_at)
                    select 'B-' || d || '-' || v || '-%s', 'Balai desa', 'COMMUNITY_POINT',
                        '34.71.' || lpad(d::text, 2, '0') || '.' || lpad((2000 + v)::text, 4, '0'), %d, now()
                    from generate_series(1, %d) d, generate_series(1, %d) v"""
                    .formatted(plan.toString().substring(0, 8).toUpperCase(), communityCapacity, DISTRICTS, VILLAGES_PER_DISTRICT));
            s.execute("""
                    insert into pay_point (code, name, kind, region_code, capacity_per_day, created_at)
                    select replace(k, '_', '-') || '-' || d || '-%s', 'Kantor pos / keliling', k, '34.71.' || lpad(d::text, 2, '0'), 2000, now()
                    from generate_series(1, %d) d, unnest(array['POST_OFFICE', 'DOOR_TO_DOOR']) k"""
                    .formatted(plan.toString().substring(0, 8).toUpperCase(), DISTRICTS));
            s.execute("""
                    insert into payment_order (id, plan_id, household_id, no_kk, village_code, desil, kks_card, recipient_nik,
                        recipient_name, members, channel, amount, status, created_at)
                    select gen_random_uuid(), '%s', gen_random_uuid(), '347101' || lpad(i::text, 10, '0'),
                        '34.71.' || lpad((i %% %d + 1)::text, 2, '0') || '.' || lpad((2001 + (i / %d) %% %d)::text, 4, '0'),
                        1, false, '347101' || lpad(i::text, 10, '0'), 'KPM ' || i, '[]', 'POS', 900000, 'READY', now()
                    from generate_series(1, %d) i"""
                    .formatted(plan, DISTRICTS, DISTRICTS, VILLAGES_PER_DISTRICT, ORDERS));
            // one family in a hundred on the door-to-door round
            s.execute("""
                    insert into door_to_door_need (plan_id, household_id, reason, noted_by, noted_at)
                    select plan_id, household_id, 'ELDERLY', 'bench', now() from payment_order
                    where plan_id = '%s' and (hashtext(household_id::text) %% 100) = 0""".formatted(plan));
            s.execute("""
                    insert into plan_window (plan_id, counter_from, community_from, community_to, late_until,
                        reconciliation_from, reconciliation_to, updated_at, updated_by)
                    values ('%s', '2025-11-21', '2025-11-25', '2025-11-30', '2025-12-08', '2025-12-09', '2025-12-11', now(), 'bench')"""
                    .formatted(plan));
            s.execute("analyze payment_order; analyze door_to_door_need; analyze pay_point");
        }
        long loadMs = (System.nanoTime() - loadStart) / 1_000_000;

        long started = System.nanoTime();
        String jobId = io.restassured.RestAssured.given()
                .auth().oauth2(id.lumbung.platform.testing.TestTokens.token(id.lumbung.platform.security.Roles.KEMENSOS))
                .when().post("/api/v1/plans/" + plan + "/schedule").then().statusCode(202).extract().path("id");
        var job = awaitKemensos(jobId);
        long wallMs = (System.nanoTime() - started) / 1_000_000;

        long scheduled = Fixtures.count(db, "select count(*) from schedule_entry where plan_id = '" + plan + "'");
        long over = Fixtures.count(db, """
                select count(*) from (select pay_point_code, collection_date, count(*) as n from schedule_entry
                    where plan_id = '%s' group by 1, 2) d join pay_point pp on pp.code = d.pay_point_code
                where d.n > pp.capacity_per_day""".formatted(plan));
        System.out.printf("%nSCHEDULE BENCHMARK: %d orders loaded in %d ms; generation job %s: scheduled %s "
                + "(door-to-door %s, over capacity %s, no pay point %s) in %s ms (job), %d ms wall incl. polling%n%n",
                ORDERS, loadMs, jobId, job.getInt("scheduled"), job.getInt("doorToDoor"), job.getInt("overCapacity"),
                job.getInt("noPayPoint"), job.getLong("durationMs"), wallMs);
        assertThat(scheduled).isEqualTo(job.getInt("scheduled"));
        assertThat(over).isZero();
    }

    private io.restassured.path.json.JsonPath awaitKemensos(String jobId) {
        long deadline = System.currentTimeMillis() + Duration.ofMinutes(30).toMillis();
        while (true) {
            var job = io.restassured.RestAssured.given()
                    .auth().oauth2(id.lumbung.platform.testing.TestTokens.token(id.lumbung.platform.security.Roles.KEMENSOS))
                    .when().get("/api/v1/schedule-jobs/" + jobId).then().statusCode(200).extract().jsonPath();
            if ("DONE".equals(job.getString("status")) || "FAILED".equals(job.getString("status"))) {
                assertThat(job.getString("status")).as(job.getString("error")).isEqualTo("DONE");
                return job;
            }
            assertThat(System.currentTimeMillis()).isLessThan(deadline);
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
