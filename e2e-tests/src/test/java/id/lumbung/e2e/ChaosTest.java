package id.lumbung.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lumbung.platform.testing.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of every service, killed at any moment: a DTSEN extract imported, every household determined, a
 * beneficiary list approved into a plan, its schedule generated, and a payment storm with duplicate scans and
 * retries, while replicas are SIGKILLed and started again, the broker is killed and restarted, and PostgreSQL is
 * crash-restarted once. Afterwards it checks that nothing accepted was lost and nothing was done twice, and
 * writes {@code target/chaos/results.json} and {@code results.md}. A failure here is a loss or a double, never a
 * timing.
 *
 * <p>Run it with {@code ./lumbung chaos [households]}.
 */
class ChaosTest {

    static final String PROGRAM = "BLTS_KESRA_2025";
    static final String PERIOD = "2025-Q4";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration STEP = Duration.ofMinutes(Long.getLong("lumbung.chaos.step-minutes", 20L));
    static final String KEMENSOS = TestTokens.token("kemensos-chaos", Set.of("kemensos"), List.of());
    static final String APPROVER = TestTokens.token("kemensos-chaos-approver", Set.of("kemensos"), List.of());

    final int households = Integer.getInteger("lumbung.chaos.households", 2_000);
    final long seed = Long.getLong("lumbung.chaos.seed", 20251203L);
    final String province = System.getProperty("lumbung.chaos.region", "33");
    final String petugas = TestTokens.token("petugas-chaos", Set.of("petugas-bayar"), List.of(province));
    final int killsPerService = Integer.getInteger("lumbung.chaos.kills", 2);
    final Path work = Path.of(System.getProperty("lumbung.chaos.dir", "target/chaos")).toAbsolutePath();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    final Random random = new Random(seed);
    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    Stack stack;

    // what the run was told it got
    long acceptedHouseholds;
    final Set<UUID> acceptedPayments = ConcurrentHashMap.newKeySet();
    int importAttempts;

    @Test
    void chaos() throws Exception {
        assumeTrue(Boolean.getBoolean("lumbung.chaos"), "the chaos run runs only with -Dlumbung.chaos=true");
        Files.createDirectories(work);
        var extract = generate();
        stack = new Stack(List.of("-Xms64m", "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")).replicas(2);
        for (var service : Stack.SERVICES) {
            stack.with(service, "lumbung.jobs.lease-ttl=15s", "lumbung.jobs.lease-renew=3s", "lumbung.jobs.recovery-every=5s",
                    "lumbung.import.chunk-size=500");
        }
        var chaos = new Chaos();
        long started = System.nanoTime();
        try {
            stack.start();
            note("stack up: 2 replicas of each service, broker, PostgreSQL");
            chaos.start();
            importUntilCompleted(extract, chaos);
            awaitDetermined();
            String plan = listAndPlan();
            schedule(plan);
            paymentStorm(plan, chaos);
            chaos.awaitEnd();
            note("chaos stopped after " + chaos.kills.get() + " kills, " + chaos.brokerRestarts.get() + " broker restarts, "
                    + chaos.dbRestarts.get() + " PostgreSQL restarts");
            quiesce();
            var result = check(chaos, seconds(started));
            write(result);
            assertThat(result.problems()).as(String.join("\n", log)).isEmpty();
        } catch (Throwable e) {
            chaos.stop();
            stack.dumpLogs(30);
            note("the run broke off: " + e);
            Files.write(work.resolve("log.txt"), log, StandardCharsets.UTF_8);
            throw e;
        } finally {
            stack.close();
        }
    }

    // ---- data

    record Extract(Path households, Path persons) {
    }

    Extract generate() throws Exception {
        var out = work.resolve("dtsen-" + households + "-" + seed);
        if (!Files.isRegularFile(out.resolve("manifest.json"))) {
            var root = StackBenchmark.root();
            Path jar;
            try (var files = Files.list(root.resolve("synthetic-data/target"))) {
                jar = files.filter(p -> p.getFileName().toString().matches("lumbung-synthetic-data-.*\\.jar")
                        && !p.getFileName().toString().contains("sources")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("build the generator first: ./mvnw -B -pl synthetic-data package"));
            }
            var process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    jar.toString(), "--households", String.valueOf(households), "--seed", String.valueOf(seed), "--region",
                    province, "--regions", root.resolve("platform/src/main/resources/wilayah/wilayah.csv").toString(),
                    "--out", out.toString()).inheritIO().start();
            assertThat(process.waitFor()).as("synthetic data generator exit code").isZero();
        }
        return new Extract(out.resolve("households.csv"), out.resolve("persons.csv"));
    }

    // ---- the pipeline, as clients that retry on another replica would drive it

    void importUntilCompleted(Extract extract, Chaos chaos) throws Exception {
        for (importAttempts = 1; importAttempts <= 6; importAttempts++) {
            try {
                String job = text(send("registry", base -> post(base + "/api/v1/imports?kind=households", KEMENSOS, "text/csv",
                        file(extract.households())), Set.of(200, 202), false), "id");
                send("registry", base -> post(base + "/api/v1/imports?kind=persons&job=" + job, KEMENSOS, "text/csv",
                        file(extract.persons())), Set.of(200, 202), false);
                if (importAttempts == 1) {
                    chaos.killImportRunner(job);
                }
                var done = await("import " + job, () -> {
                    var view = read("registry", "/api/v1/imports/" + job, KEMENSOS);
                    return view != null && Set.of("COMPLETED", "FAILED").contains(view.path("status").asText()) ? view : null;
                });
                if ("COMPLETED".equals(done.path("status").asText())) {
                    acceptedHouseholds = count("registry", "select count(*) from household where status = 'ACTIVE'");
                    note("import " + job + " completed on attempt " + importAttempts + ": " + acceptedHouseholds + " households");
                    return;
                }
                note("import " + job + " failed (" + done.path("message").asText() + "): uploading again");
            } catch (Unanswered e) {
                note("import upload broke off (" + e.getMessage() + "): uploading again");
            }
        }
        throw new AssertionError("the import never completed");
    }

    void awaitDetermined() throws Exception {
        long expected = count("registry", "select count(*) from household where status = 'ACTIVE'");
        await("every household determined", () -> count("eligibility", "select count(*) from determination where program_code = '"
                + PROGRAM + "' and period = '" + PERIOD + "'") >= expected ? Boolean.TRUE : null);
        note("every household determined for " + PROGRAM + " " + PERIOD);
    }

    String listAndPlan() throws Exception {
        var draft = send("eligibility", base -> post(base + "/api/v1/beneficiary-lists", KEMENSOS, "application/json",
                HttpRequest.BodyPublishers.ofString("{\"programCode\": \"%s\", \"period\": \"%s\", \"regionCode\": \"%s\"}"
                        .formatted(PROGRAM, PERIOD, province))), Set.of(201, 409), true);
        String list = draft.statusCode() == 201 ? text(draft, "id") : single("eligibility", """
                select id::text from beneficiary_list where program_code = '%s' and period = '%s' and region_code = '%s'"""
                .formatted(PROGRAM, PERIOD, province));
        send("eligibility", base -> post(base + "/api/v1/beneficiary-lists/" + list + "/approval", APPROVER, "application/json",
                HttpRequest.BodyPublishers.noBody()), Set.of(200, 409), true);
        assertThat(single("eligibility", "select status from beneficiary_list where id = '" + list + "'")).isEqualTo("FINALIZED");
        String plan = await("plan of list " + list, () -> {
            try {
                var id = single("disbursement", "select id::text from disbursement_plan where list_id = '" + list + "' and status = 'COMPLETE'");
                return id;
            } catch (SQLException e) {
                return null;
            }
        });
        note("list " + list + " approved; plan " + plan + " complete with "
                + count("disbursement", "select count(*) from payment_order where plan_id = '" + plan + "'") + " orders");
        return plan;
    }

    void schedule(String plan) throws Exception {
        send("disbursement", base -> post(base + "/api/v1/pay-points", KEMENSOS, "application/json",
                HttpRequest.BodyPublishers.ofString("{\"code\": \"KPC-CHAOS\", \"kind\": \"POST_OFFICE\", \"name\": \"KPC Chaos\", "
                        + "\"regionCode\": \"" + province + "\", \"capacityPerDay\": 100000}")), Set.of(201, 409), true);
        send("disbursement", base -> request(base + "/api/v1/plans/" + plan + "/windows", KEMENSOS).header("Content-Type",
                "application/json").PUT(HttpRequest.BodyPublishers.ofString("""
                        {"counterFrom": "2025-11-21", "communityFrom": "2025-11-25", "communityTo": "2025-11-30",
                         "lateUntil": "2025-12-08", "reconciliationFrom": "2025-12-09", "reconciliationTo": "2025-12-11"}""")).build(),
                Set.of(200), true);
        for (int attempt = 1; ; attempt++) {
            send("disbursement", base -> post(base + "/api/v1/plans/" + plan + "/schedule", KEMENSOS, "application/json",
                    HttpRequest.BodyPublishers.noBody()), Set.of(202, 409), true);
            String status = await("schedule of plan " + plan, () -> {
                try {
                    var s = single("disbursement", "select status from schedule_job where plan_id = '" + plan
                            + "' order by requested_at desc limit 1");
                    return "DONE".equals(s) || "FAILED".equals(s) ? s : null;
                } catch (SQLException e) {
                    return null;
                }
            });
            if ("DONE".equals(status)) {
                note("schedule generated (attempt " + attempt + ")");
                return;
            }
            assertThat(attempt).as("schedule generations attempted").isLessThan(5);
            note("schedule generation failed: requesting it again");
        }
    }

    void paymentStorm(String plan, Chaos chaos) throws Exception {
        record Order(UUID id, String nik) {
        }
        var orders = new ArrayList<Order>();
        try (var c = stack.jdbc("disbursement"); var s = c.prepareStatement(
                "select id, recipient_nik from payment_order where plan_id = ?::uuid and status = 'READY' order by id")) {
            s.setString(1, plan);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    orders.add(new Order(rs.getObject(1, UUID.class), rs.getString(2)));
                }
            }
        }
        // two counters scan each order at once with their own keys; every tenth also retries its request
        var queue = new ConcurrentLinkedQueue<>(orders);
        var answers = new ConcurrentHashMap<Integer, AtomicInteger>();
        var workers = new ArrayList<java.util.concurrent.Future<Object>>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (int w = 0; w < 4; w++) {
                workers.add(pool.submit(() -> {
                    Order order;
                    while ((order = queue.poll()) != null) {
                        if (chaos.running()) {
                            sleep(100); // the storm lasts while the faults come
                        }
                        var keys = new ArrayList<>(List.of("chaos-a-" + order.id(), "chaos-b-" + order.id()));
                        if (Math.floorMod(order.id().hashCode(), 10) == 0) {
                            keys.add("chaos-a-" + order.id());
                        }
                        var sent = new ArrayList<java.util.concurrent.Future<HttpResponse<String>>>();
                        for (var key : keys) {
                            var o = order;
                            sent.add(pool.submit(() -> send("disbursement", base -> request(base + "/api/v1/payments", petugas)
                                    .header("Content-Type", "application/json").header("Idempotency-Key", key)
                                    .POST(HttpRequest.BodyPublishers.ofString("""
                                            {"orderId": "%s", "presenterNik": "%s", "presenterRole": "RECIPIENT", "payPointCode": "KPC-CHAOS",
                                             "latitude": -6.98, "longitude": 110.41, "photoSha256": "%064x"}""".formatted(o.id(), o.nik(),
                                            o.id().getLeastSignificantBits() & Long.MAX_VALUE))).build(), Set.of(200, 201, 409, 422), true)));
                        }
                        for (var future : sent) {
                            var response = future.get();
                            answers.computeIfAbsent(response.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                            if (response.statusCode() == 201 || response.statusCode() == 200) {
                                acceptedPayments.add(order.id());
                            }
                        }
                    }
                    return null;
                }));
            }
            for (var worker : workers) {
                worker.get();
            }
        }
        note("payment storm over " + orders.size() + " orders: answers " + new java.util.TreeMap<>(answers));
    }

    // ---- chaos

    final class Chaos {
        volatile int readyWithoutBroker;
        volatile int liveWithoutBroker;
        volatile int readyWithoutDatabase;
        volatile int liveWithoutDatabase;
        final AtomicInteger kills = new AtomicInteger();
        final AtomicInteger brokerRestarts = new AtomicInteger();
        final AtomicInteger dbRestarts = new AtomicInteger();
        final AtomicBoolean stopping = new AtomicBoolean();
        Thread thread;

        void start() {
            thread = Thread.ofPlatform().name("chaos").start(this::loop);
        }

        private void loop() {
            // per service `killsPerService` SIGKILLs of a random replica, the broker once, PostgreSQL once, in a random order
            var faults = new ArrayList<String>();
            for (var service : Stack.SERVICES) {
                for (int i = 0; i < killsPerService; i++) {
                    faults.add(service);
                }
            }
            faults.add("broker");
            faults.add("postgres");
            Collections.shuffle(faults, random);
            try {
                for (var fault : faults) {
                    pause(Duration.ofSeconds(4 + random.nextInt(7)));
                    if (stopping.get()) {
                        return;
                    }
                    synchronized (this) {
                        fault(fault);
                    }
                }
            } catch (Exception e) {
                note("chaos stopped on " + e);
            }
        }

        private void fault(String fault) throws Exception {
            switch (fault) {
                case "broker" -> {
                    note("chaos: broker killed");
                    stack.killBroker();
                    // without its broker a replica stops taking traffic (readiness) but is not restarted (liveness)
                    int[] health = whileAway("eligibility", "the broker", Duration.ofSeconds(60));
                    readyWithoutBroker = health[0];
                    liveWithoutBroker = health[1];
                    pause(Duration.ofSeconds(2));
                    stack.startBroker();
                    brokerRestarts.incrementAndGet();
                    note("chaos: broker restarted");
                }
                case "postgres" -> {
                    note("chaos: PostgreSQL crashed");
                    stack.crashPostgres();
                    // without its database a replica stops taking traffic too, and is not restarted for it
                    int[] health = whileAway("registry", "PostgreSQL", Duration.ofSeconds(30));
                    readyWithoutDatabase = health[0];
                    liveWithoutDatabase = health[1];
                    stack.startPostgres();
                    dbRestarts.incrementAndGet();
                    note("chaos: PostgreSQL started again");
                }
                default -> {
                    var instances = stack.instances(fault);
                    String victim = instances.get(random.nextInt(instances.size()));
                    note("chaos: SIGKILL " + victim);
                    stack.kill(victim);
                    kills.incrementAndGet();
                    pause(Duration.ofSeconds(2));
                    stack.restart(victim);
                    note("chaos: " + victim + " ready again");
                }
            }
        }

        /**
         * While {@code what} is away: waits (up to {@code limit}) until a live replica of {@code service} answers not
         * ready, then returns its readiness and liveness answers.
         */
        private int[] whileAway(String service, String what, Duration limit) throws InterruptedException {
            String probe = stack.instances(service).stream().filter(stack::alive).findFirst().orElseThrow();
            long deadline = System.nanoTime() + limit.toNanos();
            while (health(probe, "ready") != 503 && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            int ready = health(probe, "ready");
            int live = health(probe, "live");
            note("chaos: without " + what + " " + probe + " answers ready " + ready + ", live " + live);
            return new int[] { ready, live };
        }

        private int health(String instance, String check) {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(stack.url(instance) + "/q/health/" + check))
                        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        private void pause(Duration d) throws InterruptedException {
            long end = System.nanoTime() + d.toNanos();
            while (System.nanoTime() < end && !stopping.get()) {
                Thread.sleep(100);
            }
        }

        /**
         * The first import is killed where it runs: once it validates or merges, the registry replica holding its
         * lease is SIGKILLed, so another replica must take the job over and fail it with its reason.
         */
        void killImportRunner(String job) throws Exception {
            String owner = await("import " + job + " running", () -> {
                try {
                    var phase = single("registry", "select phase from import_job where id = '" + job + "'");
                    if (!"VALIDATING".equals(phase) && !"MERGING".equals(phase)) {
                        return "DONE".equals(phase) ? "" : null;
                    }
                    return single("registry", "select owner from job_lease where kind = 'import' and job_id = '" + job + "'");
                } catch (SQLException e) {
                    return null;
                }
            });
            synchronized (this) {
                for (var instance : stack.instances("registry")) {
                    if (!owner.isEmpty() && stack.alive(instance) && owner.contains("/" + stack.pid(instance) + "/")) {
                        note("chaos: SIGKILL " + instance + ", which runs import " + job);
                        stack.kill(instance);
                        kills.incrementAndGet();
                        pause(Duration.ofSeconds(2));
                        stack.restart(instance);
                        note("chaos: " + instance + " ready again");
                        return;
                    }
                }
            }
            note("import " + job + " was done before its replica could be killed");
        }

        boolean running() {
            return thread != null && thread.isAlive();
        }

        /** Waits until every fault has happened (and the last killed replica is up again). */
        void awaitEnd() throws InterruptedException {
            if (thread != null) {
                thread.join(Duration.ofMinutes(30));
            }
        }

        void stop() throws InterruptedException {
            stopping.set(true);
            if (thread != null) {
                thread.join(Duration.ofMinutes(5));
            }
        }
    }

    // ---- after the storm

    void quiesce() throws Exception {
        await("outboxes drained and consumers caught up", () -> {
            try {
                long unpublished = 0;
                for (var service : Stack.SERVICES) {
                    unpublished += count(service, "select count(*) from outbox_event where published_at is null");
                }
                return unpublished == 0 && lag() == 0 ? Boolean.TRUE : null;
            } catch (Exception e) {
                return null;
            }
        });
        Thread.sleep(3000);
    }

    record Result(int households, int kills, int brokerRestarts, int dbRestarts, int readyWithoutBroker,
            int liveWithoutBroker, int readyWithoutDatabase, int liveWithoutDatabase, long acceptedWrites, long lost,
            long doubled, long doublePayments, long stuckJobs, long quarantined, long unpublished, long lag,
            Map<String, Long> missingEvents, double seconds, List<String> problems) {
    }

    Result check(Chaos chaos, double took) throws Exception {
        var problems = new ArrayList<String>();
        // every accepted write is there: the households the import said it created, every payment answered 201
        long households = count("registry", "select count(*) from household where status = 'ACTIVE'");
        long lostHouseholds = Math.max(0, acceptedHouseholds - households);
        long paymentsPresent = count("disbursement", "select count(distinct order_id) from payment");
        var paid = versions("disbursement", "select distinct order_id::text, 0 from payment").keySet();
        long lostPayments = acceptedPayments.stream().filter(order -> !paid.contains(order.toString())).count();
        // every household determined for its latest version
        var registryVersions = versions("registry", "select id::text, version from household");
        var projected = versions("eligibility", "select household_id::text, registry_version from household_projection");
        long stale = registryVersions.entrySet().stream().filter(e -> !e.getValue().equals(projected.get(e.getKey()))).count();
        long undetermined = count("eligibility", "select count(*) from household_projection h where not exists (select 1 from "
                + "determination d where d.household_id = h.household_id and d.program_code = '" + PROGRAM + "')");
        // every event applied once: each consumer's inbox holds every event id on its topic, and no other
        var missing = new LinkedHashMap<String, Long>();
        long lostEvents = 0;
        for (var consumer : CONSUMERS) {
            var onTopic = eventIds(consumer.topic());
            var applied = new HashSet<String>();
            try (var c = stack.jdbc(consumer.service()); var s = c.prepareStatement(
                    "select event_id from inbox_event where consumer = ?")) {
                s.setString(1, consumer.name());
                try (var rs = s.executeQuery()) {
                    while (rs.next()) {
                        applied.add(rs.getString(1));
                    }
                }
            }
            onTopic.removeAll(applied);
            missing.put(consumer.name(), (long) onTopic.size());
            lostEvents += onTopic.size();
        }
        long quarantined = 0;
        for (var service : Stack.SERVICES) {
            quarantined += count(service, "select count(*) from event_quarantine where status in ('QUARANTINED', 'HELD')");
        }
        // nothing twice
        long doublePayments = count("disbursement", "select count(*) - count(distinct order_id) from payment");
        long doubleOrders = count("disbursement", "select count(*) - count(distinct (plan_id, household_id)) from payment_order");
        long doubleHouseholds = count("registry", "select count(*) - count(distinct no_kk) from household where status = 'ACTIVE'");
        long doubleListed = count("eligibility", "select count(*) - count(distinct (list_id, household_id)) from beneficiary_list_entry");
        // jobs finished or failed with a reason
        long stuck = count("registry", "select count(*) from import_job where status in ('QUEUED', 'RUNNING') and phase <> 'AWAITING_PERSONS'")
                + count("registry", "select count(*) from import_job where status = 'FAILED' and coalesce(message, '') = ''")
                + count("eligibility", "select count(*) from determination_run where status = 'RUNNING'")
                + count("disbursement", "select count(*) from schedule_job where status in ('QUEUED', 'RUNNING')");
        long unpublished = 0;
        for (var service : Stack.SERVICES) {
            unpublished += count(service, "select count(*) from outbox_event where published_at is null");
        }
        long lag = lag();

        long lost = lostHouseholds + lostPayments + stale + undetermined + lostEvents;
        long doubled = doublePayments + doubleOrders + doubleHouseholds + doubleListed;
        if (lost > 0) {
            problems.add("lost: %d households, %d payments, %d households not at their latest version, %d undetermined, %d events %s"
                    .formatted(lostHouseholds, lostPayments, stale, undetermined, lostEvents, missing));
        }
        if (doubled > 0) {
            problems.add("doubled: %d payments, %d orders, %d households, %d list entries".formatted(doublePayments, doubleOrders,
                    doubleHouseholds, doubleListed));
        }
        if (stuck > 0) {
            problems.add(stuck + " jobs neither finished nor failed with a reason");
        }
        if (quarantined > 0) {
            problems.add(quarantined + " events in quarantine");
        }
        if (unpublished > 0 || lag > 0) {
            problems.add("not drained: " + unpublished + " events in outboxes, consumer lag " + lag);
        }
        if (chaos.brokerRestarts.get() > 0 && (chaos.readyWithoutBroker != 503 || chaos.liveWithoutBroker != 200)) {
            problems.add("without the broker a replica answered ready " + chaos.readyWithoutBroker + " (503 expected) and live "
                    + chaos.liveWithoutBroker + " (200 expected)");
        }
        if (chaos.dbRestarts.get() > 0 && (chaos.readyWithoutDatabase != 503 || chaos.liveWithoutDatabase != 200)) {
            problems.add("without PostgreSQL a replica answered ready " + chaos.readyWithoutDatabase + " (503 expected) and live "
                    + chaos.liveWithoutDatabase + " (200 expected)");
        }
        if (acceptedPayments.isEmpty() || paymentsPresent == 0) {
            problems.add("no payment was accepted: the storm did not run");
        }
        long accepted = acceptedHouseholds + acceptedPayments.size();
        note("checked: %d accepted writes (%d households, %d payments), %d lost, %d doubled, %d double payments, %d stuck jobs"
                .formatted(accepted, acceptedHouseholds, acceptedPayments.size(), lost, doubled, doublePayments, stuck));
        return new Result(households(), chaos.kills.get(), chaos.brokerRestarts.get(), chaos.dbRestarts.get(),
                chaos.readyWithoutBroker, chaos.liveWithoutBroker, chaos.readyWithoutDatabase, chaos.liveWithoutDatabase,
                accepted, lost,
                doubled, doublePayments, stuck, quarantined, unpublished, lag, missing, took, problems);
    }

    int households() {
        return households;
    }

    record Consumer(String service, String name, String topic) {
    }

    static final List<Consumer> CONSUMERS = List.of(
            new Consumer("eligibility", "eligibility.registry-households", "registry.households.v1"),
            new Consumer("eligibility", "eligibility.disbursement-payments", "disbursement.payments.v1"),
            new Consumer("disbursement", "disbursement.households", "registry.households.v1"),
            new Consumer("disbursement", "disbursement.beneficiary-lists", "eligibility.beneficiary-lists.v1"),
            new Consumer("complaint", "complaint.determinations", "eligibility.determinations.v1"),
            new Consumer("registry", "registry-service.dci-notify", "registry.households.v1"));

    /** The ids of every event on a topic (the CloudEvents id; a tombstone's ce_id header). */
    Set<String> eventIds(String topic) {
        var props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.BOOTSTRAP);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "chaos-check-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        var ids = new HashSet<String>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            var deadline = Instant.now().plus(Duration.ofMinutes(5));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && Instant.now().isBefore(deadline)) {
                for (var r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.value() == null) {
                        var id = r.headers().lastHeader("ce_id");
                        ids.add(id == null ? topic + "/" + r.partition() + "@" + r.offset() : new String(id.value(), StandardCharsets.UTF_8));
                        continue;
                    }
                    try {
                        ids.add(JSON.readTree(r.value()).path("id").asText());
                    } catch (IOException e) {
                        ids.add(topic + "/" + r.partition() + "@" + r.offset());
                    }
                }
            }
        }
        return ids;
    }

    /** The sum of every consumer group's lag on this broker. */
    long lag() throws Exception {
        try (var admin = AdminClient.create(Map.of("bootstrap.servers", Stack.BOOTSTRAP))) {
            long total = 0;
            for (var group : admin.listConsumerGroups().all().get()) {
                if (group.groupId().startsWith("chaos-check-")) {
                    continue;
                }
                var committed = admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
                var request = new HashMap<TopicPartition, OffsetSpec>();
                committed.keySet().forEach(p -> request.put(p, OffsetSpec.latest()));
                var latest = admin.listOffsets(request).all().get();
                for (var entry : committed.entrySet()) {
                    if (entry.getValue() != null) {
                        total += Math.max(0, latest.get(entry.getKey()).offset() - entry.getValue().offset());
                    }
                }
            }
            return total;
        }
    }

    void write(Result r) throws IOException {
        ObjectNode json = JSON.createObjectNode();
        json.put("households", r.households());
        json.put("kills", r.kills());
        json.put("broker_restarts", r.brokerRestarts());
        json.put("db_restarts", r.dbRestarts());
        json.put("ready_without_broker", r.readyWithoutBroker());
        json.put("live_without_broker", r.liveWithoutBroker());
        json.put("ready_without_database", r.readyWithoutDatabase());
        json.put("live_without_database", r.liveWithoutDatabase());
        json.put("accepted_writes", r.acceptedWrites());
        json.put("lost", r.lost());
        json.put("doubled", r.doubled());
        json.put("double_payments", r.doublePayments());
        json.put("stuck_jobs", r.stuckJobs());
        json.put("quarantined", r.quarantined());
        json.put("outbox_unpublished", r.unpublished());
        json.put("consumer_lag", r.lag());
        json.put("import_attempts", importAttempts);
        json.set("missing_events", JSON.valueToTree(r.missingEvents()));
        json.put("seconds", Math.round(r.seconds()));
        json.set("problems", JSON.valueToTree(r.problems()));
        Files.writeString(work.resolve("results.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        var md = new StringBuilder();
        md.append("Chaos run, ").append(Instant.now()).append(": ").append(String.format(Locale.ROOT, "%,d", r.households()))
                .append(" synthetic households, 2 replicas of each service, ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores.\n\n| measure | value |\n|---|---|\n");
        json.fields().forEachRemaining(f -> md.append("| `").append(f.getKey()).append("` | ").append(f.getValue()).append(" |\n"));
        md.append("\nWhat happened:\n\n");
        synchronized (log) {
            log.forEach(line -> md.append("- ").append(line).append('\n'));
        }
        Files.writeString(work.resolve("results.md"), md);
        System.out.println(md);
    }

    // ---- plumbing

    /** A request that no replica answered within the step's time. */
    static final class Unanswered extends RuntimeException {
        Unanswered(String message) {
            super(message);
        }
    }

    /**
     * Sends a request to a live replica of {@code service}, trying the others (as a load balancer would) while none
     * answers or one answers 5xx; {@code retry} false gives up after the first broken exchange (an upload cannot be
     * resent from the middle).
     */
    HttpResponse<String> send(String service, Function<String, HttpRequest> request, Set<Integer> accepted, boolean retry) {
        var deadline = Instant.now().plus(STEP);
        String last = "nothing sent";
        while (Instant.now().isBefore(deadline)) {
            var instances = new ArrayList<>(stack.instances(service));
            Collections.shuffle(instances, random);
            for (var instance : instances) {
                if (!stack.alive(instance)) {
                    continue;
                }
                try {
                    var response = http.send(request.apply(stack.url(instance)), HttpResponse.BodyHandlers.ofString());
                    if (accepted.contains(response.statusCode())) {
                        return response;
                    }
                    last = instance + " answered " + response.statusCode() + ": " + response.body();
                    if (response.statusCode() < 500) {
                        throw new AssertionError(last);
                    }
                } catch (IOException e) {
                    last = instance + ": " + e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                if (!retry) {
                    throw new Unanswered(last);
                }
            }
            sleep(500);
        }
        throw new Unanswered(last);
    }

    JsonNode read(String service, String path, String token) {
        var response = send(service, base -> request(base + path, token).GET().build(), Set.of(200), true);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpRequest.Builder request(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").header("X-Purpose", "uji ketahanan").timeout(Duration.ofMinutes(5));
    }

    static HttpRequest post(String url, String token, String contentType, HttpRequest.BodyPublisher body) {
        return request(url, token).header("Content-Type", contentType).POST(body).build();
    }

    static HttpRequest.BodyPublisher file(Path file) {
        try {
            return HttpRequest.BodyPublishers.ofFile(file);
        } catch (java.io.FileNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(HttpResponse<String> response, String field) {
        try {
            return JSON.readTree(response.body()).path(field).asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    <T> T await(String what, Supplier<T> probe) {
        var deadline = Instant.now().plus(STEP);
        while (Instant.now().isBefore(deadline)) {
            try {
                var value = probe.get();
                if (value != null) {
                    return value;
                }
            } catch (RuntimeException e) {
                // a replica or the database is away: ask again
            }
            sleep(500);
        }
        throw new AssertionError("gave up waiting for " + what + " after " + STEP);
    }

    long count(String service, String sql) {
        for (int attempt = 0; ; attempt++) {
            try (var c = stack.jdbc(service); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                if (attempt > 60) {
                    throw new IllegalStateException(sql, e);
                }
                sleep(1000); // PostgreSQL restarting
            }
        }
    }

    String single(String service, String sql) throws SQLException {
        try (var c = stack.jdbc(service); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    Map<String, Long> versions(String service, String sql) throws SQLException {
        var out = new HashMap<String, Long>();
        try (var c = stack.jdbc(service); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    void note(String line) {
        String stamped = Instant.now().toString().substring(11, 19) + " " + line;
        log.add(stamped);
        System.out.println("[chaos] " + stamped);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
