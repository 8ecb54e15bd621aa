package id.lumbung.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;

import id.lumbung.platform.security.Roles;
import id.lumbung.platform.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;

/**
 * The import figure: 1,000,000 synthetic households (~3.6 million persons) over real villages, as a CSV
 * pair, imported through the API and timed against a raw COPY of the same two files into plain tables.
 * Heavy (minutes, several GB of database): runs only with {@code -Dlumbung.import.bench=true}. It prints
 * figures and asserts only that the import completed: timings depend on the machine.
 */
@QuarkusTest
@TestProfile(ImportBenchmarkTest.NoRelay.class)
@EnabledIfSystemProperty(named = "lumbung.import.bench", matches = "true")
class ImportBenchmarkTest {

    /** A million events must not flood the shared test broker: the outbox keeps them, unpublished. */
    public static class NoRelay implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lumbung.outbox.enabled", "false", "lumbung.import.chunk-size", "25000");
        }
    }

    static final long SEED = 20251121L;

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/api/v1/imports")
    URL imports;

    @Test
    void importsAMillionHouseholdsCloseToARawCopy() throws Exception {
        int households = Integer.getInteger("lumbung.import.bench.households", 1_000_000);
        Path dir = Path.of("target", "import-bench");
        Files.createDirectories(dir);
        Path hhFile = dir.resolve("households.csv");
        Path personFile = dir.resolve("persons.csv");
        long persons = generate(households, villages(), hhFile, personFile);
        long rows = households + persons;
        System.out.printf("bench: %d households, %d persons, files %d MB + %d MB%n", households, persons,
                Files.size(hhFile) >> 20, Files.size(personFile) >> 20);

        double[] copies = { rawCopy(hhFile, personFile), rawCopy(hhFile, personFile), rawCopy(hhFile, personFile) };
        java.util.Arrays.sort(copies);
        double raw = copies[1];
        System.out.printf("bench: raw COPY of both files into plain tables, median of 3: %.1f s (%.0f rows/s; runs %.1f, %.1f, %.1f s)%n",
                raw, rows / raw, copies[0], copies[1], copies[2]);

        String token = TestTokens.token(Roles.KEMENSOS);
        var http = HttpClient.newHttpClient();
        long start = System.nanoTime();
        var first = http.send(HttpRequest.newBuilder(imports.toURI().resolve("imports?kind=households"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(hhFile)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(first.statusCode()).isEqualTo(202);
        String id = JsonPath.from(first.body()).getString("id");
        double householdsUpload = (System.nanoTime() - start) / 1e9;
        var second = http.send(HttpRequest.newBuilder(imports.toURI().resolve("imports?kind=persons&job=" + id))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(personFile)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(second.statusCode()).isEqualTo(202);
        double upload = (System.nanoTime() - start) / 1e9;
        System.out.printf("bench: uploads streamed into staging: households %.1f s, both %.1f s%n", householdsUpload, upload);

        String phase = "";
        double phaseStart = upload;
        JsonPath job;
        while (true) {
            job = JsonPath.from(http.send(HttpRequest.newBuilder(URI.create(imports + "/" + id))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
            double now = (System.nanoTime() - start) / 1e9;
            if (!job.getString("phase").equals(phase)) {
                if (!phase.isEmpty()) {
                    System.out.printf("bench: phase %s took %.1f s%n", phase, now - phaseStart);
                }
                phase = job.getString("phase");
                phaseStart = now;
            }
            if (List.of("COMPLETED", "FAILED").contains(job.getString("status"))) {
                break;
            }
            System.out.printf("bench: %s %s rows %d/%d, %s rows/s, ETA %s s%n", job.getString("status"), phase,
                    job.getLong("rowsDone"), job.getLong("rowsRead"), job.getString("rowsPerSecond"), job.getString("etaSeconds"));
            Thread.sleep(5_000);
        }
        double total = (System.nanoTime() - start) / 1e9;
        System.out.printf("bench: import %s in %.1f s (upload + job): %.0f rows/s, %d households created, %d bad rows; "
                + "%.2f x the raw COPY%n", job.getString("status"), total, rows / total, job.getLong("householdsCreated"),
                job.getLong("badRows"), total / raw);
        double tables = indexedInsert();
        System.out.printf("bench: the imported rows inserted once more into bare copies of household, person and membership "
                + "with their indexes (no checks, history or events): %.1f s; the import is %.2f x that%n", tables, total / tables);
        Files.writeString(dir.resolve("result.txt"), ("households=%d persons=%d raw_copy_s=%.1f import_s=%.1f rows_per_s=%.0f ratio=%.2f "
                + "indexed_insert_s=%.1f ratio_indexed=%.2f%n")
                .formatted(households, persons, raw, total, rows / total, total / raw, tables, total / tables));
        assertThat(job.getString("status")).isEqualTo("COMPLETED");
        assertThat(job.getLong("badRows")).isZero();
    }

    private List<String> villages() throws Exception {
        var codes = new ArrayList<String>();
        try (var c = dataSource.getConnection(); var s = c.createStatement();
                var rs = s.executeQuery("select code from region where level = 4 order by code")) {
            while (rs.next()) {
                codes.add(rs.getString(1));
            }
        }
        return codes;
    }

    /** Deterministic from {@link #SEED}. A NIK is unique by construction: (birth date block, serial) never repeats. */
    static long generate(int households, List<String> villages, Path hhFile, Path personFile) throws Exception {
        var random = new Random(SEED);
        long person = 0;
        String[] walls = { "TEMBOK", "KAYU", "BAMBU" };
        String[] employment = { "ASN", "TNI", "POLRI", "PENSIUNAN_ASN", "GURU_BERSERTIFIKAT", "PERANGKAT_DESA" };
        try (BufferedWriter hh = Files.newBufferedWriter(hhFile, StandardCharsets.UTF_8);
                BufferedWriter pp = Files.newBufferedWriter(personFile, StandardCharsets.UTF_8)) {
            hh.write("no_kk,village_code,address,rt,rw,floor_area_m2,wall_type,electricity_va,assets,livestock,monthly_income,kks_card,desil,desil_period\n");
            pp.write("no_kk,nik,full_name,sex,birth_date,relationship,employment\n");
            for (int h = 0; h < households; h++) {
                String village = villages.get(random.nextInt(villages.size()));
                String district = village.substring(0, 8).replace(".", "");
                String noKk = district + "%010d".formatted(h);
                boolean desil = random.nextInt(5) > 0;
                hh.write(noKk + "," + village + ",Jl. Desa No. " + (h % 200 + 1) + ",00" + (h % 9 + 1) + ",00" + (h % 5 + 1) + ","
                        + (20 + random.nextInt(80)) + ".0," + walls[random.nextInt(3)] + "," + (random.nextBoolean() ? 450 : 900) + ","
                        + (random.nextBoolean() ? "SEPEDA_MOTOR" : "") + "," + (random.nextInt(4) == 0 ? "KAMBING=" + (1 + random.nextInt(5)) : "")
                        + "," + (500_000 + random.nextInt(40) * 100_000) + "," + random.nextBoolean() + ","
                        + (desil ? (1 + random.nextInt(10)) + ",2025-Q4" : ",") + "\n");
                var members = new ArrayList<String[]>();
                members.add(new String[] { "KEPALA_KELUARGA", "1960-01-01", random.nextInt(6) == 0 ? "FEMALE" : "MALE" });
                if (random.nextInt(100) < 85) {
                    members.add(new String[] { "ISTRI", "1963-01-01", "FEMALE" });
                }
                int children = random.nextInt(4);
                for (int k = 0; k < children; k++) {
                    members.add(new String[] { "ANAK", "2005-01-01", random.nextBoolean() ? "MALE" : "FEMALE" });
                }
                if (random.nextInt(4) == 0) {
                    members.add(new String[] { "ORANG_TUA", "1940-01-01", random.nextBoolean() ? "MALE" : "FEMALE" });
                }
                for (String[] m : members) {
                    long p = person++;
                    LocalDate born = LocalDate.parse(m[1]).plusDays(p / 9999);
                    boolean female = m[2].equals("FEMALE");
                    String nik = district + "%02d%02d%02d".formatted(born.getDayOfMonth() + (female ? 40 : 0), born.getMonthValue(),
                            born.getYear() % 100) + "%04d".formatted(p % 9999 + 1);
                    String job = random.nextInt(33) == 0 ? employment[random.nextInt(employment.length)] : "";
                    pp.write(noKk + "," + nik + ",Warga " + p + "," + m[2] + "," + born + "," + m[0] + "," + job + "\n");
                }
            }
        }
        return person;
    }

    /**
     * A second reference: what the registry's own tables cost to fill, without the import. The rows the import
     * wrote are inserted once more into copies of household, person and membership that carry the same indexes
     * (primary keys, No. KK, village, trigram name, duplicate key, current membership) but no foreign keys.
     */
    private double indexedInsert() throws Exception {
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute("drop table if exists bench_household, bench_person, bench_membership");
            for (String table : List.of("household", "person", "membership")) {
                s.execute("create table bench_%1$s (like %1$s including all)".formatted(table));
            }
            long start = System.nanoTime();
            for (String table : List.of("household", "person", "membership")) {
                s.execute("insert into bench_%1$s select * from %1$s".formatted(table));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            s.execute("drop table bench_household, bench_person, bench_membership");
            return seconds;
        }
    }

    /** The floor: the same two files COPYed as they are into plain tables with no index and no checks. */
    private double rawCopy(Path hhFile, Path personFile) throws Exception {
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute("drop table if exists bench_household_raw, bench_person_raw");
            s.execute("create table bench_household_raw (no_kk text, village_code text, address text, rt text, rw text, "
                    + "floor_area_m2 text, wall_type text, electricity_va text, assets text, livestock text, monthly_income text, "
                    + "kks_card text, desil text, desil_period text)");
            s.execute("create table bench_person_raw (no_kk text, nik text, full_name text, sex text, birth_date text, "
                    + "relationship text, employment text)");
            long start = System.nanoTime();
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            try (InputStream in = Files.newInputStream(hhFile)) {
                copy.copyIn("copy bench_household_raw from stdin with (format csv, header true)", in);
            }
            try (InputStream in = Files.newInputStream(personFile)) {
                copy.copyIn("copy bench_person_raw from stdin with (format csv, header true)", in);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            s.execute("drop table bench_household_raw, bench_person_raw");
            return seconds;
        }
    }
}
