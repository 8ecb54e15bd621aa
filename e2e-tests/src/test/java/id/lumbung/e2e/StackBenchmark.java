package id.lumbung.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import id.lumbung.platform.testing.TestTokens;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * The platform's benchmark: the four packaged services against real PostgreSQL and Kafka, fed a synthetic DTSEN
 * extract of one province, each figure measured beside its physical reference in the same run. Not a test of speed:
 * nothing here fails on a timing; it fails only when the platform answers wrongly (e.g. a double payment).
 *
 * <p>Run it with {@code ./lumbung bench [households]}; it prints the table and writes it to
 * {@code e2e-tests/target/benchmark/results.md}.
 */
class StackBenchmark {

    static final String PROGRAM = "BLTS_KESRA_2025";
    static final String PERIOD = "2025-Q4";

    final int households = Integer.getInteger("lumbung.bench.households", 100_000);
    final long seed = Long.getLong("lumbung.bench.seed", 20251121L);
    final String province = System.getProperty("lumbung.bench.region", "33");
    final int connections = Integer.getInteger("lumbung.bench.connections", 8);
    final Duration loadTime = Duration.ofSeconds(Long.getLong("lumbung.bench.load-seconds", 20L));
    final Duration warmUp = Duration.ofSeconds(5);
    final int payments = Integer.getInteger("lumbung.bench.payments", 5_000);
    final int changes = Integer.getInteger("lumbung.bench.changes", 200);

    final Path work = Path.of(System.getProperty("lumbung.bench.dir", "target/benchmark")).toAbsolutePath();
    final Report report = new Report();
    /** Every figure of the table under a stable name (BENCHMARKS.md lists them), written to results.json. */
    final Map<String, Object> results = new java.util.LinkedHashMap<>();
    Stack stack;
    CpuTime cpu;

    @Test
    void benchmark() throws Exception {
        assumeTrue(Boolean.getBoolean("lumbung.bench"), "the benchmark runs only with -Dlumbung.bench=true");
        RestAssured.config = RestAssured.config().encoderConfig(
                EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));
        Files.createDirectories(work);
        report.line("Lumbung benchmark, " + Instant.now() + ": " + String.format(Locale.ROOT, "%,d", households)
                + " synthetic households in province " + province + ", seed " + seed + ", " + connections
                + " connections for each load, " + loadTime.toSeconds() + " s measured after " + warmUp.toSeconds() + " s warm-up.");
        report.line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version()
                + ", " + postgresVersion());

        results.put("households", households);
        results.put("cores", Runtime.getRuntime().availableProcessors());
        var data = generate();
        stack = new Stack(List.of("-Xms256m", "-Xmx1g"))
                .with("eligibility", "lumbung.status.rate-limit.capacity=100000000",
                        "lumbung.status.rate-limit.per-minute=100000000")
                ;
        try {
            stack.startOneByOne();
            cpu = new CpuTime(stack, stack.brokerPidFile());
            var idle = rss();
            step("import", () -> importExtract(data));
            step("batch", this::batchDetermination);
            var planId = new String[1];
            step("penetapan", () -> planId[0] = beneficiaryListAndPlan());
            step("schedule", () -> schedule(planId[0]));
            step("payments", () -> payments(planId[0]));
            step("nik", this::nikLookupUnderLoad);
            step("status", this::statusCheckUnderLoad);
            step("propagation", this::eventPropagation);
            memoryAndStartUp(idle, rss());
            databaseSizes();
            cpuTable();
        } catch (Throwable e) {
            stack.dumpLogs(40);
            throw e;
        } finally {
            stack.close();
            report.print(work.resolve("results.md"));
            Files.writeString(work.resolve("results.json"),
                    new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(results));
        }
    }

    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    /** Runs one step of the bench and keeps the CPU seconds each part of the stack used for it. */
    void step(String name, Step step) throws Exception {
        resetStatements();
        var before = cpu.read();
        step.run();
        var used = CpuTime.between(before, cpu.read());
        var rounded = new java.util.LinkedHashMap<String, Double>();
        used.forEach((part, seconds) -> rounded.put(part, Math.round(seconds * 10) / 10.0));
        results.put(name + "_cpu_s", rounded);
        topStatements.put(name, topStatements());
    }

    /** The statements PostgreSQL spent most time on in each step, when pg_stat_statements is loaded. */
    final Map<String, List<Map<String, Object>>> topStatements = new java.util.LinkedHashMap<>();

    static Connection postgres() throws SQLException {
        return java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "lumbung", "lumbung");
    }

    static void resetStatements() {
        try (var c = postgres(); var s = c.createStatement()) {
            s.execute("select pg_stat_statements_reset()");
        } catch (SQLException e) {
            // not loaded on this server: the bench runs without the statement table
        }
    }

    static List<Map<String, Object>> topStatements() {
        var out = new ArrayList<Map<String, Object>>();
        try (var c = postgres(); var s = c.createStatement(); var rs = s.executeQuery("""
                select d.datname, s.calls, s.total_exec_time, s.rows, regexp_replace(s.query, '\\s+', ' ', 'g')
                from pg_stat_statements s join pg_database d on d.oid = s.dbid
                where d.datname like 'lumbung\\_%' order by s.total_exec_time desc limit 8""")) {
            while (rs.next()) {
                var row = new java.util.LinkedHashMap<String, Object>();
                row.put("database", rs.getString(1).replace("lumbung_", "").replace("_e2e", ""));
                row.put("calls", rs.getLong(2));
                row.put("total_ms", Math.round(rs.getDouble(3)));
                row.put("mean_ms", round(rs.getDouble(3) / Math.max(1, rs.getLong(2))));
                row.put("rows", rs.getLong(4));
                String query = rs.getString(5);
                row.put("query", query.length() > 160 ? query.substring(0, 157) + "..." : query);
                out.add(row);
            }
        } catch (SQLException e) {
            return List.of();
        }
        return out;
    }

    /** The CPU each part used per step: what the capacity model in BENCHMARKS.md scales. */
    @SuppressWarnings("unchecked")
    void cpuTable() {
        report.section("CPU seconds each part of the stack used per step (user + system, from /proc)");
        var parts = List.of("registry", "eligibility", "disbursement", "complaint", "kafka", "postgres", "driver");
        report.raw("| step | " + String.join(" | ", parts) + " |\n|---|" + "---|".repeat(parts.size()));
        results.forEach((key, value) -> {
            if (key.endsWith("_cpu_s")) {
                var used = (Map<String, Double>) value;
                report.raw("| " + key.replace("_cpu_s", "") + " | " + String.join(" | ",
                        parts.stream().map(p -> "%.1f".formatted(used.getOrDefault(p, 0.0))).toList()) + " |");
            }
        });
        if (topStatements.values().stream().allMatch(List::isEmpty)) {
            return;
        }
        report.section("PostgreSQL's costliest statements per step (pg_stat_statements, by total execution time)");
        report.raw("| step | database | calls | total ms | mean ms | rows | statement |\n|---|---|---|---|---|---|---|");
        topStatements.forEach((step, rows) -> rows.stream().limit(5).forEach(r -> report.raw("| %s | %s | %,d | %,d | %.2f | %,d | `%s` |"
                .formatted(step, r.get("database"), (Long) r.get("calls"), (Long) r.get("total_ms"), (Double) r.get("mean_ms"),
                        (Long) r.get("rows"), ((String) r.get("query")).replace("|", "\\|").replace("`", "'")))));
        results.put("top_statements", topStatements);
    }

    // ---- data

    record Extract(Path households, Path persons, long householdRows, long personRows, JsonPath manifest) {
    }

    Extract generate() throws Exception {
        var out = work.resolve("dtsen-" + households + "-" + seed);
        var manifestFile = out.resolve("manifest.json");
        if (!Files.isRegularFile(manifestFile)) {
            var jar = syntheticDataJar();
            var regions = root().resolve("platform/src/main/resources/wilayah/wilayah.csv");
            long started = System.nanoTime();
            var process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
                    "--households", String.valueOf(households), "--seed", String.valueOf(seed), "--region", province,
                    "--regions", regions.toString(), "--out", out.toString()).inheritIO().start();
            assertThat(process.waitFor()).as("synthetic data generator exit code").isZero();
            report.line("Generated the extract in %.1f s.".formatted(seconds(started)));
        }
        var extract = new Extract(out.resolve("households.csv"), out.resolve("persons.csv"), lines(out.resolve("households.csv")) - 1,
                lines(out.resolve("persons.csv")) - 1, JsonPath.from(manifestFile.toFile()));
        report.line("Extract: %,d household rows (%,d MB), %,d person rows (%,d MB).".formatted(extract.householdRows(),
                Files.size(extract.households()) >> 20, extract.personRows(), Files.size(extract.persons()) >> 20));
        return extract;
    }

    Path syntheticDataJar() throws IOException {
        try (var files = Files.list(root().resolve("synthetic-data/target"))) {
            return files.filter(p -> p.getFileName().toString().matches("lumbung-synthetic-data-.*\\.jar")
                    && !p.getFileName().toString().contains("sources")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("build the generator first: ./mvnw -B -pl synthetic-data package"));
        }
    }

    static Path root() {
        return Path.of(System.getProperty("lumbung.root", "..")).toAbsolutePath().normalize();
    }

    static long lines(Path file) throws IOException {
        try (var s = Files.lines(file)) {
            return s.count();
        }
    }

    // ---- 1. import versus raw COPY

    void importExtract(Extract data) throws Exception {
        report.section("Registry: bulk import of the extract over HTTP, versus raw COPY of the same files");
        double copy = rawCopy(data);
        long rows = data.householdRows() + data.personRows();

        var kemensos = TestTokens.token("kemensos-importer", Set.of("kemensos"), List.of());
        var client = HttpClient.newHttpClient();
        long started = System.nanoTime();
        String job = JsonPath.from(upload(client, kemensos, "kind=households", data.households())).getString("id");
        upload(client, kemensos, "kind=persons&job=" + job, data.persons());
        double uploaded = seconds(started);
        var done = await("import job", Duration.ofHours(3), () -> {
            var view = json(kemensos).get(url("registry") + "/api/v1/imports/" + job).then().statusCode(200).extract().jsonPath();
            return Set.of("COMPLETED", "FAILED").contains(view.getString("status")) ? view : null;
        });
        double imported = seconds(started);
        assertThat(done.getString("status")).isEqualTo("COMPLETED");
        long created = done.getLong("householdsCreated");
        results.put("copy_s", round(copy));
        results.put("upload_s", round(uploaded));
        results.put("import_s", round(imported));
        results.put("import_households", created);
        results.put("import_bad_rows", done.getLong("badRows"));
        report.row("raw `COPY` of every line of both files into a table (reference)", copy, rows / copy, 1);
        report.row("upload streamed into staging", uploaded, rows / uploaded, uploaded / copy);
        report.row("whole import: upload, validation, merge (%,d households created, %,d bad rows)"
                .formatted(created, done.getLong("badRows")), imported, rows / imported, imported / copy);

        // every imported household reaches eligibility as an event and is determined there for every program
        long active = count("registry", "select count(*) from household where status = 'ACTIVE'");
        String determinations = "select count(*) from determination where program_code = '" + PROGRAM + "' and period = '" + PERIOD + "'";
        long[] last = {-1, System.nanoTime()};
        long reached = await("determinations of every imported household", Duration.ofHours(3), () -> {
            long now = count("eligibility", determinations);
            if (now != last[0]) {
                last[0] = now;
                last[1] = System.nanoTime();
            }
            // done, or nothing more arrives for two minutes while the registry has published everything
            boolean stalled = seconds(last[1]) > 120 && count("registry", "select count(*) from outbox_event where published_at is null") == 0;
            return now >= active || stalled ? now : null;
        });
        double determined = seconds(started) - (reached < active ? 120 : 0);
        results.put("determined_s", round(determined));
        report.row("… until every household is determined in eligibility (events through Kafka, %,d of %,d households)"
                .formatted(reached, active), determined, reached / determined, determined / copy);
        // and the other services' copies: disbursement's household projection, complaint's view of the determinations
        long inDisbursement = await("every household in disbursement", Duration.ofHours(1), () -> {
            long n = count("disbursement", "select count(*) from household_life");
            return n >= active ? n : null;
        });
        long inComplaint = await("every household's determination in complaint", Duration.ofHours(1), () -> {
            long n = count("complaint", "select count(*) from determination_view where program_code = '" + PROGRAM
                    + "' and period = '" + PERIOD + "'");
            return n >= reached ? n : null;
        });
        double everywhere = seconds(started) - (reached < active ? 120 : 0);
        results.put("pipeline_s", round(everywhere));
        results.put("pipeline_households", Math.min(reached, Math.min(inDisbursement, inComplaint)));
        results.put("pipeline_households_per_s", Math.round(reached / everywhere));
        report.row("… until every household is also in disbursement's and complaint's projections (%,d and %,d)"
                .formatted(inDisbursement, inComplaint), everywhere, reached / everywhere, everywhere / copy);
    }

    /**
     * Every line of both files into a one-column table with {@code COPY}: the bytes read, split and stored, and
     * nothing else (a file with malformed rows still loads).
     */
    double rawCopy(Extract data) throws Exception {
        try (var c = stack.jdbc("registry"); var s = c.createStatement()) {
            s.execute("create schema if not exists bench");
            long started = System.nanoTime();
            for (var file : List.of(data.households(), data.persons())) {
                String table = "bench." + file.getFileName().toString().replace(".csv", "");
                s.execute("drop table if exists " + table);
                s.execute("create table " + table + " (line text)");
                try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table
                            + " from stdin (format csv, header true, delimiter E'\\x01', quote E'\\x02')", r);
                }
            }
            double took = seconds(started);
            s.execute("drop schema bench cascade");
            return took;
        }
    }

    String upload(HttpClient client, String token, String query, Path file) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url("registry") + "/api/v1/imports?" + query))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).timeout(Duration.ofHours(1)).build();
        var response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("upload of " + file.getFileName() + ": " + response.body()).isIn(200, 202);
        return response.body();
    }

    // ---- 2. batch determination versus one SQL statement

    void batchDetermination() throws Exception {
        report.section("Eligibility: batch determination of every household, versus one SQL statement doing the desil and exclusion filter");
        var reference = new ArrayList<Double>();
        long filtered = 0;
        for (int i = 0; i < 3; i++) {
            try (var c = stack.jdbc("eligibility"); var s = c.createStatement()) {
                s.execute("drop table if exists bench_plain_filter");
                long started = System.nanoTime();
                filtered = s.executeUpdate("""
                        create unlogged table bench_plain_filter as
                        select h.household_id from household_projection h
                        where h.status = 'ACTIVE' and h.desil between 1 and 4
                          and exists (select 1 from projection_member p where p.household_id = h.household_id and p.life_status = 'ALIVE')
                          and not exists (select 1 from projection_member p
                                          where p.household_id = h.household_id and p.life_status = 'ALIVE'
                                            and p.employment && array['ASN','TNI','POLRI','PENSIUNAN_ASN','PENSIUNAN_TNI',
                                                'PENSIUNAN_POLRI','PENDAMPING_SOSIAL','GURU_BERSERTIFIKAT',
                                                'PENGHASILAN_APBN_APBD','PEGAWAI_BUMN','PERANGKAT_DESA'])""");
                reference.add(seconds(started));
                s.execute("drop table bench_plain_filter");
            }
        }
        double plain = median(reference);
        long total = count("eligibility", "select count(*) from household_projection");
        results.put("sql_filter_s", round(plain));
        report.row("plain SQL filter, desil 1–4 and exclusions (reference, median of 3; %,d rows)".formatted(filtered), plain,
                total / plain, 1);

        var kemensos = TestTokens.token("kemensos-runner", Set.of("kemensos"), List.of());
        for (var label : List.of("first run after the import", "repeat run, nothing changed")) {
            String runId = json(kemensos).body(Map.of("programCode", PROGRAM, "period", PERIOD))
                    .post(url("eligibility") + "/api/v1/determination-runs").then().statusCode(202).extract().path("id");
            long started = System.nanoTime();
            var run = await("determination run", Duration.ofHours(2), () -> {
                var view = json(kemensos).get(url("eligibility") + "/api/v1/determination-runs/" + runId).then().statusCode(200)
                        .extract().jsonPath();
                return Set.of("SUCCEEDED", "FAILED").contains(view.getString("status")) ? view : null;
            });
            double took = seconds(started);
            assertThat(run.getString("status")).isNotEqualTo("FAILED");
            results.put(label.startsWith("first") ? "batch_first_s" : "batch_repeat_s", round(took));
            report.row("batch %s %s, %s (%,d eligible, %,d changed)".formatted(PROGRAM, PERIOD, label, run.getLong("eligible"),
                    run.getLong("changed")), took, run.getLong("total") / took, took / plain);
        }
        long eligible = count("eligibility", "select count(*) from determination where program_code = '" + PROGRAM
                + "' and period = '" + PERIOD + "' and eligible");
        assertThat(eligible).as("the batch agrees with the plain filter").isEqualTo(filtered);
    }

    // ---- 3. the province's beneficiary list, frozen, becomes a disbursement plan

    String beneficiaryListAndPlan() throws Exception {
        report.section("Penetapan: the province's beneficiary list approved, then the disbursement plan built from its event");
        var drafter = TestTokens.token("kemensos-drafter", Set.of("kemensos"), List.of());
        var approver = TestTokens.token("kemensos-approver", Set.of("kemensos"), List.of());
        long started = System.nanoTime();
        var draft = json(drafter).body(Map.of("programCode", PROGRAM, "period", PERIOD, "regionCode", province))
                .post(url("eligibility") + "/api/v1/beneficiary-lists").then().statusCode(201).extract().jsonPath();
        double drafted = seconds(started);
        String listId = draft.getString("id");
        long beneficiaries = draft.getLong("totalBeneficiaries");
        started = System.nanoTime();
        json(approver).post(url("eligibility") + "/api/v1/beneficiary-lists/" + listId + "/approval").then().statusCode(200);
        String planId = await("plan of the list", Duration.ofHours(1), () -> {
            List<Map<String, Object>> plans = json(approver).get(url("disbursement") + "/api/v1/plans").then().statusCode(200)
                    .extract().path("items");
            return plans.stream().filter(p -> listId.equals(p.get("listId")) && "COMPLETE".equals(p.get("status")))
                    .map(p -> (String) p.get("id")).findFirst().orElse(null);
        });
        double planned = seconds(started);
        long orders = count("disbursement", "select count(*) from payment_order where plan_id = '" + planId + "'");
        assertThat(orders).as("one payment order per beneficiary").isEqualTo(beneficiaries);
        results.put("list_draft_s", round(drafted));
        results.put("plan_s", round(planned));
        results.put("plan_orders", orders);
        report.row("draft list of %,d beneficiaries".formatted(beneficiaries), drafted, beneficiaries / drafted, Double.NaN);
        report.row("approval → plan complete in disbursement (%,d orders)".formatted(orders), planned, orders / planned, Double.NaN);
        return planId;
    }

    // ---- 3b. the plan's schedule: every order a pay point and a day

    void schedule(String planId) throws Exception {
        report.section("Disbursement: the plan's schedule, every order given a pay point and a day within its capacity");
        var kemensos = TestTokens.token("kemensos-schedule", Set.of("kemensos"), List.of());
        json(kemensos).body("{\"code\": \"KPC-BENCH\", \"kind\": \"POST_OFFICE\", \"name\": \"KPC Bench\", \"regionCode\": \"%s\", \"capacityPerDay\": 100000}"
                .formatted(province)).post(url("disbursement") + "/api/v1/pay-points").then().statusCode(org.hamcrest.Matchers.oneOf(201, 409));
        json(kemensos).body("""
                {"counterFrom": "2025-11-21", "communityFrom": "2025-11-25", "communityTo": "2025-11-30",
                 "lateUntil": "2025-12-08", "reconciliationFrom": "2025-12-09", "reconciliationTo": "2025-12-11"}""")
                .put(url("disbursement") + "/api/v1/plans/" + planId + "/windows").then().statusCode(200);
        long started = System.nanoTime();
        String jobId = json(kemensos).post(url("disbursement") + "/api/v1/plans/" + planId + "/schedule").then().statusCode(202)
                .extract().path("id");
        var job = await("schedule job", Duration.ofHours(1), () -> {
            var view = json(kemensos).get(url("disbursement") + "/api/v1/schedule-jobs/" + jobId).then().statusCode(200)
                    .extract().jsonPath();
            return Set.of("DONE", "FAILED").contains(view.getString("status")) ? view : null;
        });
        double took = seconds(started);
        assertThat(job.getString("status")).as("schedule job " + job.prettify()).isEqualTo("DONE");
        long orders = job.getLong("ordersToPlace");
        long scheduled = job.getLong("scheduled");
        assertThat(count("disbursement", "select count(*) from schedule_entry where plan_id = '" + planId + "'"))
                .as("one schedule entry per order placed").isEqualTo(scheduled);
        assertThat(scheduled + job.getLong("noPayPoint") + job.getLong("overCapacity")).as("every Pos order accounted for")
                .isEqualTo(orders);
        results.put("schedule_s", round(took));
        results.put("schedule_orders", orders);
        report.row("schedule of %,d Pos orders, %,d placed (%,d paid by bank credit, not scheduled; request → job done)"
                .formatted(orders, scheduled, job.getLong("bankChannel")), took, orders / took, Double.NaN);
    }

    // ---- 4. payments with concurrent duplicates

    void payments(String planId) throws Exception {
        report.section("Disbursement: payments at the counter with concurrent duplicate scans and retries");
        record Order(UUID id, String nik) {
        }
        var orders = new ArrayList<Order>();
        try (var c = stack.jdbc("disbursement"); var s = c.prepareStatement(
                "select id, recipient_nik from payment_order where plan_id = ?::uuid and status = 'READY' order by id limit ?")) {
            s.setString(1, planId);
            s.setInt(2, payments);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    orders.add(new Order(rs.getObject(1, UUID.class), rs.getString(2)));
                }
            }
        }
        // the counter every payment is made at: a post office serving the whole province
        given().auth().oauth2(TestTokens.token("dinsos-bench", Set.of("kemensos"), List.of())).contentType("application/json")
                .body("{\"code\": \"KPC-BENCH\", \"kind\": \"POST_OFFICE\", \"name\": \"KPC Bench\", \"regionCode\": \"%s\", \"capacityPerDay\": 100000}"
                        .formatted(province))
                .post(stack.url("disbursement") + "/api/v1/pay-points").then().statusCode(org.hamcrest.Matchers.oneOf(201, 409));
        var petugas = TestTokens.token("petugas-bench", Set.of("petugas-bayar"), List.of(province));
        // each order: two counters scan it at once with their own keys; every tenth counter retries its request
        record Attempt(Order order, String key) {
        }
        var attempts = new ArrayList<List<Attempt>>();
        for (var order : orders) {
            String a = "bench-a-" + order.id();
            var group = new ArrayList<>(List.of(new Attempt(order, a), new Attempt(order, "bench-b-" + order.id())));
            if (order.id().hashCode() % 10 == 0) {
                group.add(new Attempt(order, a));
            }
            attempts.add(group);
        }
        var statuses = new ConcurrentHashMap<Integer, AtomicInteger>();
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var queue = new ConcurrentLinkedQueue<>(attempts);
        long started = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(connections)) {
            for (int w = 0; w < connections / 2; w++) {
                pool.submit(() -> {
                    List<Attempt> group;
                    while ((group = queue.poll()) != null) {
                        var sent = new ArrayList<java.util.concurrent.CompletableFuture<HttpResponse<String>>>();
                        for (var attempt : group) {
                            var body = """
                                    {"orderId": "%s", "presenterNik": "%s", "presenterRole": "RECIPIENT", "payPointCode": "KPC-BENCH",
                                     "latitude": -6.98, "longitude": 110.41, "photoSha256": "%064x"}""".formatted(attempt.order().id(),
                                    attempt.order().nik(), attempt.order().id().getLeastSignificantBits() & Long.MAX_VALUE);
                            sent.add(client.sendAsync(HttpRequest.newBuilder(URI.create(url("disbursement") + "/api/v1/payments"))
                                    .header("Authorization", "Bearer " + petugas).header("Content-Type", "application/json")
                                    .header("Idempotency-Key", attempt.key()).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                    HttpResponse.BodyHandlers.ofString()));
                        }
                        for (var future : sent) {
                            statuses.computeIfAbsent(future.join().statusCode(), k -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        double took = seconds(started);
        long requests = attempts.stream().mapToLong(List::size).sum();
        int paid = statuses.getOrDefault(201, new AtomicInteger()).get();
        long recorded;
        long distinct;
        try (var c = stack.jdbc("disbursement"); var s = c.createStatement();
                var rs = s.executeQuery("select count(*), count(distinct p.order_id) from payment p join payment_order o on o.id = p.order_id "
                        + "where o.plan_id = '" + planId + "'")) {
            rs.next();
            recorded = rs.getLong(1);
            distinct = rs.getLong(2);
        }
        assertThat(paid).as("one 201 per order; answers " + statuses).isEqualTo(orders.size());
        assertThat(recorded).as("payments recorded").isEqualTo(distinct).isEqualTo(orders.size());
        report.row("%,d orders paid from %,d requests (answers %s), %d double payments".formatted(orders.size(), requests,
                new java.util.TreeMap<>(statuses), recorded - distinct), took, orders.size() / took, Double.NaN);
        report.line("Requests per second including the refused duplicates and replays: %,.0f.".formatted(requests / took));
        results.put("payments", orders.size());
        results.put("payment_requests", requests);
        results.put("payments_per_s", Math.round(orders.size() / took));
        results.put("payment_requests_per_s", Math.round(requests / took));
        results.put("double_payments", recorded - distinct);
    }

    // ---- 5. NIK lookup and the public status check under load, versus pgbench

    void nikLookupUnderLoad() throws Exception {
        report.section("Registry: NIK lookup under load (GET /api/v1/persons/{nik}, audited), versus pgbench running its statements");
        var niks = sample("registry", "select m.nik from membership m where m.valid_to is null order by m.nik");
        keyTable("registry", niks);
        var kemensos = TestTokens.token("kemensos-lookup", Set.of("kemensos"), List.of());
        var result = LoadDriver.run(connections, warmUp, loadTime, (client, worker, n) -> client.send(
                HttpRequest.newBuilder(URI.create(url("registry") + "/api/v1/persons/" + niks.get((int) ((n * 7919 + worker * 104729L) % niks.size()))))
                        .header("Authorization", "Bearer " + kemensos).header("X-Purpose", "benchmark").GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
        var reference = PgBench.run(Stack.database("registry"), """
                \\set i random(1, :n)
                select * from person where nik = (select nik from bench_key where i = :i);
                select m.relationship, h.* from membership m join household h on h.id = m.household_id
                  where m.nik = (select nik from bench_key where i = :i) and m.valid_to is null;
                insert into audit_log (actor, roles, action, subject, subject_id, detail) values ('pgbench', 'kemensos', 'READ', 'person', :i, 'benchmark');
                """, connections, warmUp, loadTime, work.resolve("pgbench-nik"), "n=" + niks.size());
        report.loadRows(reference, result);
        loadResults("nik", reference, result);
    }

    void statusCheckUnderLoad() throws Exception {
        report.section("Eligibility: public status check under load (challenge, proof of work, answer), versus pgbench running its statements");
        var niks = sample("eligibility", "select nik from projection_member where life_status = 'ALIVE' order by nik");
        keyTable("eligibility", niks);
        var result = LoadDriver.run(connections, warmUp, loadTime, (client, worker, n) -> {
            var challenge = client.send(HttpRequest.newBuilder(URI.create(url("eligibility") + "/api/v1/status/challenges"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (challenge.statusCode() != 200) {
                return challenge.statusCode();
            }
            var c = JsonPath.from(challenge.body());
            var body = "{\"challenge\": \"%s\", \"solution\": \"%s\", \"nik\": \"%s\"}".formatted(c.getString("challenge"),
                    BltsKesraCycleTest.solve(c.getString("nonce"), c.getInt("difficulty")),
                    niks.get((int) ((n * 7919 + worker * 104729L) % niks.size())));
            return client.send(HttpRequest.newBuilder(URI.create(url("eligibility") + "/api/v1/status"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        });
        var reference = PgBench.run(Stack.database("eligibility"), """
                \\set i random(1, :n)
                insert into status_challenge_used (id, expires_at) values (gen_random_uuid(), now() + interval '5 minutes');
                insert into rate_limit_bucket as b (scope, client, tokens, updated_at) values ('status-check', 'pgbench', 99999999, now())
                  on conflict (scope, client) do update
                  set tokens = least(100000000, b.tokens + greatest(0, extract(epoch from (excluded.updated_at - b.updated_at))) * 1666666.7) - 1,
                      updated_at = greatest(b.updated_at, excluded.updated_at)
                  where least(100000000, b.tokens + greatest(0, extract(epoch from (excluded.updated_at - b.updated_at))) * 1666666.7) >= 1
                  returning tokens;
                select m.household_id, m.full_name, h.desil, h.desil_period
                  from projection_member m join household_projection h on h.household_id = m.household_id
                  where m.nik = (select nik from bench_key where i = :i) and m.life_status = 'ALIVE' limit 2;
                select d.program_code, p.name, d.period, d.eligible, d.reasons::text, fl.listed is not null as listed,
                    ps.status, ps.at
                  from determination d join program p on p.code = d.program_code
                    left join payment_status ps on ps.household_id = d.household_id and ps.program_code = d.program_code
                        and ps.period = d.period
                    left join lateral (select true as listed from beneficiary_list l
                                       join beneficiary_list_entry e on e.list_id = l.id and e.household_id = d.household_id
                                       where l.program_code = d.program_code and l.period = d.period and l.status = 'FINALIZED'
                                       limit 1) fl on true
                  where d.household_id = (select household_id from projection_member where nik = (select nik from bench_key where i = :i) limit 1)
                  order by d.period desc, d.program_code;
                """, connections, warmUp, loadTime, work.resolve("pgbench-status"), "n=" + niks.size());
        report.loadRows(reference, result);
        loadResults("status", reference, result);
    }

    void loadResults(String name, LoadDriver.Result reference, LoadDriver.Result service) {
        results.put(name + "_rps", Math.round(service.callsPerSecond()));
        results.put(name + "_p50_ms", round(service.p50Ms()));
        results.put(name + "_p99_ms", round(service.p99Ms()));
        results.put(name + "_failed", service.failures());
        results.put(name + "_pgbench_rps", Math.round(reference.callsPerSecond()));
        results.put(name + "_pgbench_p99_ms", round(reference.p99Ms()));
    }

    List<String> sample(String service, String query) throws SQLException {
        var all = new ArrayList<String>();
        try (var c = stack.jdbc(service); var s = c.createStatement(); var rs = s.executeQuery(query)) {
            while (rs.next()) {
                all.add(rs.getString(1));
            }
        }
        Collections.shuffle(all, new Random(seed));
        return List.copyOf(all.subList(0, Math.min(20_000, all.size())));
    }

    void keyTable(String service, List<String> keys) throws SQLException {
        try (var c = stack.jdbc(service); var s = c.createStatement()) {
            s.execute("drop table if exists bench_key");
            s.execute("create table bench_key (i integer primary key, nik text not null)");
            try (var insert = c.prepareStatement("insert into bench_key (i, nik) values (?, ?)")) {
                for (int i = 0; i < keys.size(); i++) {
                    insert.setInt(1, i + 1);
                    insert.setString(2, keys.get(i));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            s.execute("analyze bench_key");
        }
    }

    // ---- 6. a registry change until the determination shows it

    void eventPropagation() throws Exception {
        report.section("Event propagation: a desil change in the registry until the determination in eligibility shows it");
        var chosen = new ArrayList<UUID>();
        try (var c = stack.jdbc("eligibility"); var s = c.createStatement(); var rs = s.executeQuery(
                "select household_id from determination where program_code = '" + PROGRAM + "' and period = '" + PERIOD
                        + "' and eligible order by household_id limit " + changes)) {
            while (rs.next()) {
                chosen.add(rs.getObject(1, UUID.class));
            }
        }
        var kemensos = TestTokens.token("kemensos-desil", Set.of("kemensos"), List.of());
        var latencies = new ArrayList<Long>();
        try (var c = stack.jdbc("eligibility"); var probe = c.prepareStatement("select eligible from determination "
                + "where household_id = ? and program_code = '" + PROGRAM + "' and period = '" + PERIOD + "'")) {
            for (var household : chosen) {
                long started = System.nanoTime();
                json(kemensos).body(Map.of("desil", 9, "desilPeriod", PERIOD, "source", "DTSEN benchmark re-ranking"))
                        .put(url("registry") + "/api/v1/households/" + household + "/desil").then().statusCode(200);
                long deadline = started + Duration.ofSeconds(60).toNanos();
                while (true) {
                    probe.setObject(1, household);
                    try (var rs = probe.executeQuery()) {
                        if (rs.next() && !rs.getBoolean(1)) {
                            break;
                        }
                    }
                    assertThat(System.nanoTime()).as("determination of " + household + " changed within 60 s").isLessThan(deadline);
                    Thread.sleep(2);
                }
                latencies.add(System.nanoTime() - started);
            }
        }
        results.put("propagation_p50_ms", Math.round(LoadDriver.percentile(latencies, 0.5) / 1e6));
        results.put("propagation_p99_ms", Math.round(LoadDriver.percentile(latencies, 0.99) / 1e6));
        report.line("%d changes one after another; from the PUT until the new determination is committed: p50 %.0f ms, p99 %.0f ms, max %.0f ms."
                .formatted(latencies.size(), LoadDriver.percentile(latencies, 0.5) / 1e6, LoadDriver.percentile(latencies, 0.99) / 1e6,
                        LoadDriver.percentile(latencies, 1.0) / 1e6));
    }

    // ---- 7. memory and start-up

    Map<String, Long> rss() throws IOException {
        var out = new java.util.LinkedHashMap<String, Long>();
        for (var service : Stack.SERVICES) {
            for (var line : Files.readAllLines(Path.of("/proc", String.valueOf(stack.pid(service)), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    out.put(service, Long.parseLong(line.replaceAll("\\D", "")) / 1024);
                }
            }
        }
        return out;
    }

    void memoryAndStartUp(Map<String, Long> idle, Map<String, Long> loaded) throws IOException {
        report.section("Memory and start-up (JVM mode, -Xmx1g, started one at a time)");
        report.raw("| service | start-up (launch → ready) | Quarkus \"started in\" | RSS idle | RSS after the run |\n|---|---|---|---|---|");
        for (var service : Stack.SERVICES) {
            var started = Files.readAllLines(stack.logFile(service)).stream()
                    .map(l -> java.util.regex.Pattern.compile("started in ([0-9.]+)s").matcher(l)).filter(java.util.regex.Matcher::find)
                    .map(m -> m.group(1) + " s").findFirst().orElse("?");
            report.raw("| %s-service | %.1f s | %s | %d MB | %d MB |".formatted(service, stack.readyAfter(service).toMillis() / 1000.0,
                    started, idle.get(service), loaded.get(service)));
            results.put(service + "_startup_s", round(stack.readyAfter(service).toMillis() / 1000.0));
            results.put(service + "_rss_idle_mb", idle.get(service));
            results.put(service + "_rss_after_mb", loaded.get(service));
        }
    }

    /** What each service's database holds after the run, for the capacity model's PostgreSQL size. */
    void databaseSizes() {
        for (var service : Stack.SERVICES) {
            results.put(service + "_db_mb", count(service, "select pg_database_size(current_database())") >> 20);
        }
        report.line("Database sizes after the run: " + String.join(", ", Stack.SERVICES.stream()
                .map(s -> s + " " + results.get(s + "_db_mb") + " MB").toList()) + ".");
    }

    // ---- plumbing

    String url(String service) {
        return stack.url(service);
    }

    static RequestSpecification json(String token) {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON).auth().oauth2(token);
    }

    long count(String service, String sql) {
        try (Connection c = stack.jdbc(service); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    String postgresVersion() {
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "lumbung", "lumbung");
                var s = c.createStatement(); var rs = s.executeQuery("show server_version")) {
            rs.next();
            return "PostgreSQL " + rs.getString(1);
        } catch (SQLException e) {
            return "PostgreSQL (version unknown)";
        }
    }

    /**
     * Polls {@code probe} until it answers. The pause after a probe is at least 200 ms and ten times what the probe
     * took, so that the watching costs the stack under test at most a tenth of a core (counting millions of
     * determinations takes a second).
     */
    static <T> T await(String what, Duration limit, Supplier<T> probe) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            long asked = System.nanoTime();
            var value = probe.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(Math.max(200, (System.nanoTime() - asked) / 100_000));
        }
        throw new AssertionError("timed out after " + limit + " waiting for " + what);
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** The table, printed as it is measured and written whole at the end. */
    static final class Report {
        private final StringBuilder text = new StringBuilder();
        private boolean inTable;

        void line(String line) {
            endTable();
            append(line + "\n");
        }

        void section(String title) {
            endTable();
            append("\n### " + title + "\n\n");
        }

        void raw(String line) {
            append(line + "\n");
        }

        void row(String what, double seconds, double perSecond, double ratio) {
            if (!inTable) {
                append("| step | time | per second | × reference |\n|---|---|---|---|\n");
                inTable = true;
            }
            append("| %s | %.1f s | %,.0f | %s |\n".formatted(what, seconds, perSecond,
                    Double.isNaN(ratio) ? "" : ratio == 1 ? "1" : "%.1f".formatted(ratio)));
        }

        void loadRows(LoadDriver.Result reference, LoadDriver.Result service) {
            endTable();
            append("| load | per second | p50 | p99 | failed | × reference (throughput) |\n|---|---|---|---|---|---|\n");
            append("| pgbench, the same statements, same connections (reference) | %,.0f | %.2f ms | %.2f ms | %d | 1 |\n"
                    .formatted(reference.callsPerSecond(), reference.p50Ms(), reference.p99Ms(), reference.failures()));
            append("| the service over HTTP | %,.0f | %.2f ms | %.2f ms | %d | %.1f |\n".formatted(service.callsPerSecond(),
                    service.p50Ms(), service.p99Ms(), service.failures(), reference.callsPerSecond() / service.callsPerSecond()));
        }

        private void endTable() {
            inTable = false;
        }

        private void append(String s) {
            text.append(s);
            System.out.print(s);
            System.out.flush();
        }

        void print(Path file) throws IOException {
            Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
            System.out.println("\n(written to " + file + ")");
        }
    }
}
