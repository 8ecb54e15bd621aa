package id.lumbung.eligibility.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures a batch determination over a million synthetic households projected straight into the projection
 * tables, beside one plain SQL statement doing only the desil/exclusion filter. Run on purpose only:
 * {@code -Dlumbung.bench=true -Dtest=DeterminationBenchTest}. Prints the figures (and writes them to
 * target/bench-determination.txt); asserts only that the runs completed, never a time.
 */
@QuarkusTest
@TestProfile(DeterminationBenchTest.NoRelay.class)
@EnabledIfSystemProperty(named = "lumbung.bench", matches = "true")
class DeterminationBenchTest {

    /** The million events stay in the outbox: pushing them to the shared test broker is not what is measured. */
    public static class NoRelay implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lumbung.outbox.enabled", "false");
        }
    }

    static final int HOUSEHOLDS = Integer.getInteger("lumbung.bench.households", 1_000_000);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    DeterminationRuns runs;

    @Test
    void aMillionHouseholds() throws Exception {
        var report = new StringBuilder();
        long t0 = System.nanoTime();
        generate();
        report.append("generated %d households (with members) in %.1f s%n".formatted(HOUSEHOLDS, secs(t0)));

        long plainStart = System.nanoTime();
        long plainRows = plainFilter();
        double plain = secs(plainStart);
        report.append("plain SQL desil 1-4 + exclusion filter into a table: %d rows in %.1f s = %.0f households/s%n"
                .formatted(plainRows, plain, HOUSEHOLDS / plain));

        for (var program : new String[] { "BLTS_KESRA_2025", "BLTS_KESRA_2025", "SEMBAKO" }) {
            var run = runs.start(program, "2025-Q4", "bench");
            long start = System.nanoTime();
            while ("RUNNING".equals(run.status())) {
                Thread.sleep(500);
                run = runs.find(run.id());
            }
            double took = secs(start);
            assertThat(run.status()).isEqualTo("SUCCEEDED");
            report.append("batch %s: %d households, %d decided, %d eligible, %d changed (events) in %.1f s = %.0f households/s"
                    .formatted(program, run.total(), run.decided(), run.eligible(), run.changed(), took, run.total() / took))
                    .append(", %.1fx the plain filter%n".formatted(took / plain));
        }
        System.out.println("\n=== determination bench ===\n" + report);
        Files.writeString(Path.of("target/bench-determination.txt"), report.toString());
    }

    private void generate() throws Exception {
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute("""
                    insert into household_projection (household_id, no_kk, village_code, desil, desil_period, status,
                        registry_version, kks_card, monthly_income, members, projected_at)
                    select gen_random_uuid(), '3399' || lpad(g::text, 12, '0'),
                        '99.' || lpad((1 + g % 40)::text, 2, '0') || '.' || lpad((1 + (g / 40) % 20)::text, 2, '0')
                            || '.2' || lpad((1 + g % 997)::text, 3, '0'),
                        case when g % 7 = 0 then null else 1 + g % 10 end,
                        case when g % 7 = 0 then null else '2025-Q4' end,
                        case when g % 50 = 0 then 'DISSOLVED' else 'ACTIVE' end,
                        g % 3, g % 2 = 0, case when g % 5 = 0 then null else (g::bigint * 7919) % 3000000 end,
                        (select jsonb_agg(jsonb_build_object(
                            'nik', '9901' || lpad(g::text, 10, '0') || lpad(k::text, 2, '0'),
                            'fullName', 'WARGA ' || g || ' ' || k,
                            'sex', case when k % 2 = 0 then 'FEMALE' else 'MALE' end,
                            'birthDate', (date '1940-01-01' + ((g * 31 + k * 977) % 30000))::text,
                            'relationship', case when k = 1 then 'KEPALA_KELUARGA' else 'ANAK' end,
                            'disability', case when (g + k) % 29 = 0 then 'DISABILITAS_FISIK' end,
                            'employment', case when (g + k) % 23 = 0 then '["ASN"]'::jsonb
                                               when (g + k) % 41 = 0 then '["PERANGKAT_DESA"]'::jsonb
                                               else '[]'::jsonb end,
                            'lifeStatus', case when (g + k) % 17 = 0 then 'DECEASED'
                                               when (g + k) % 19 = 0 then 'MOVED' else 'ALIVE' end,
                            'deathDate', null) order by k)
                         from generate_series(1, 1 + g % 5) k),
                        now()
                    from generate_series(1, HOUSEHOLDS) g""".replace("HOUSEHOLDS", Integer.toString(HOUSEHOLDS)));
            s.execute("""
                    insert into projection_member (household_id, position, nik, full_name, village_code, sex, birth_date,
                        relationship, life_status, disability, employment)
                    select h.household_id, e.ord, e.m ->> 'nik', upper(e.m ->> 'fullName'), h.village_code, e.m ->> 'sex',
                        (e.m ->> 'birthDate')::date, e.m ->> 'relationship', e.m ->> 'lifeStatus', e.m ->> 'disability',
                        array(select jsonb_array_elements_text(e.m -> 'employment'))
                    from household_projection h, jsonb_array_elements(h.members) with ordinality as e(m, ord)
                    where h.village_code like '99.%'""");
            s.execute("analyze household_projection");
            s.execute("analyze projection_member");
        }
    }

    /** One statement: active, desil 1-4, someone left, no counted member with an excluded employment fact. */
    private long plainFilter() throws Exception {
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute("drop table if exists bench_plain_filter");
            return s.executeUpdate("""
                    create unlogged table bench_plain_filter as
                    select h.household_id from household_projection h
                    where h.status = 'ACTIVE' and h.desil between 1 and 4
                      and exists (select 1 from projection_member p
                                  where p.household_id = h.household_id and p.life_status = 'ALIVE')
                      and not exists (select 1 from projection_member p
                                      where p.household_id = h.household_id and p.life_status = 'ALIVE'
                                        and p.employment && array['ASN','TNI','POLRI','PENSIUNAN_ASN','PENSIUNAN_TNI',
                                            'PENSIUNAN_POLRI','PENDAMPING_SOSIAL','GURU_BERSERTIFIKAT',
                                            'PENGHASILAN_APBN_APBD','PEGAWAI_BUMN','PERANGKAT_DESA'])""");
        }
    }

    private static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
