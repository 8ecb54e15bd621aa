package id.lumbung.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole platform as it runs in production, on this machine: a Kafka broker of the scenario's own (started
 * through the project's script), four databases of its own, and the four packaged services as separate JVMs.
 */
final class Stack implements AutoCloseable {

    static final String KAFKA_NAME = "kafka-e2e";
    static final int KAFKA_PORT = 19292;
    static final String BOOTSTRAP = "127.0.0.1:" + KAFKA_PORT;
    static final List<String> SERVICES = List.of("registry", "eligibility", "disbursement", "complaint");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final Path root;
    private final Path logs;
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Duration> readyAfter = new LinkedHashMap<>();
    private final Map<String, List<String>> extraProperties = new LinkedHashMap<>();
    private final List<String> jvmOptions;
    private int replicas = 1;
    private boolean kafkaStarted;

    /** The scenario's stack: small heaps and the quick compiler only, for a short life. */
    Stack() {
        this(List.of("-Xms64m", "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    }

    /** A stack whose services run with these JVM options (heap, compiler, collector). */
    Stack(List<String> jvmOptions) {
        this.jvmOptions = List.copyOf(jvmOptions);
        root = Path.of(System.getProperty("lumbung.root", "..")).toAbsolutePath().normalize();
        logs = Path.of(System.getProperty("lumbung.e2e.logs", "target/e2e-logs")).toAbsolutePath();
    }

    /** Adds {@code -Dname=value} options to one service's command line; call before {@link #start()}. */
    Stack with(String service, String... properties) {
        var list = extraProperties.computeIfAbsent(service, s -> new ArrayList<>());
        for (var property : properties) {
            list.add("-D" + property);
        }
        return this;
    }

    /** Runs {@code n} replicas of every service against the same database and broker; call before {@link #start()}. */
    Stack replicas(int n) {
        this.replicas = n;
        return this;
    }

    /** The running instances of a service: its name for the first, {@code name#2} and on for the others. */
    List<String> instances(String service) {
        var out = new ArrayList<String>();
        for (int i = 1; i <= replicas; i++) {
            out.add(i == 1 ? service : service + "#" + i);
        }
        return out;
    }

    static String serviceOf(String instance) {
        int hash = instance.indexOf('#');
        return hash < 0 ? instance : instance.substring(0, hash);
    }

    Path root() {
        return root;
    }

    /** The operating-system process id of a running service. */
    long pid(String service) {
        return processes.get(service).pid();
    }

    /** How long the service took from its launch to its first ready answer (when started one at a time). */
    Duration readyAfter(String service) {
        return readyAfter.get(service);
    }

    static String database(String service) {
        return "lumbung_" + service + "_e2e";
    }

    String url(String instance) {
        return "http://127.0.0.1:" + ports.get(instance);
    }

    // ---- start

    void start() throws Exception {
        requirePackaged();
        Files.createDirectories(logs);
        freshLogs();
        startKafka();
        for (var service : SERVICES) {
            recreateDatabase(database(service));
        }
        // the first replica of each service migrates its database; the others start once it is ready
        for (var service : SERVICES) {
            ports.put(service, freePort());
            processes.put(service, launch(service, ports.get(service)));
        }
        for (var service : SERVICES) {
            awaitReady(service);
        }
        for (var service : SERVICES) {
            for (var instance : instances(service).subList(1, replicas)) {
                ports.put(instance, freePort());
                processes.put(instance, launch(instance, ports.get(instance)));
            }
        }
        for (var service : SERVICES) {
            for (var instance : instances(service).subList(1, replicas)) {
                awaitReady(instance);
            }
        }
    }

    // ---- faults

    /** Kills a running instance as a crash would (SIGKILL): no shutdown hook, no finished request, no commit. */
    void kill(String instance) throws InterruptedException {
        var process = processes.get(instance);
        process.destroyForcibly();
        process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Starts a killed instance again on its port and waits until it is ready. */
    void restart(String instance) throws Exception {
        processes.put(instance, launch(instance, ports.get(instance)));
        awaitReady(instance);
    }

    boolean alive(String instance) {
        return processes.get(instance).isAlive();
    }

    /** Kills the broker (SIGKILL). */
    void killBroker() {
        script("kill", KAFKA_NAME);
    }

    /** Starts the broker again with its data. */
    void startBroker() {
        script("start", KAFKA_NAME, String.valueOf(KAFKA_PORT));
    }

    /** Restarts PostgreSQL as after a crash (immediate shutdown, recovery at start). */
    /** Stops PostgreSQL as a crash would: no checkpoint, recovery from the WAL when it starts again. */
    void crashPostgres() {
        run(List.of("bash", root.resolve("deploy/local/postgres.sh").toString(), "crash"));
    }

    void startPostgres() {
        run(List.of("bash", root.resolve("deploy/local/postgres.sh").toString(), "start"));
    }

    /** Like {@link #start()}, but each service is launched only when the one before is ready, so that each start-up is timed alone. */
    void startOneByOne() throws Exception {
        requirePackaged();
        Files.createDirectories(logs);
        freshLogs();
        startKafka();
        for (var service : SERVICES) {
            recreateDatabase(database(service));
        }
        for (var service : SERVICES) {
            ports.put(service, freePort());
            long launched = System.nanoTime();
            processes.put(service, launch(service, ports.get(service)));
            awaitReady(service);
            readyAfter.put(service, Duration.ofNanos(System.nanoTime() - launched));
        }
    }

    /** Instance logs are appended to across restarts: a new stack starts them empty. */
    private void freshLogs() throws IOException {
        try (var files = Files.list(logs)) {
            for (var file : files.filter(f -> f.getFileName().toString().endsWith("-service.log")
                    || SERVICES.stream().anyMatch(sv -> f.getFileName().toString().startsWith(sv))).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private void requirePackaged() {
        for (var service : SERVICES) {
            var jar = jar(service);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: package the services first "
                        + "(./mvnw -B -o -pl " + service + "-service package -DskipTests)");
            }
        }
    }

    /** The file the broker's process id is kept in by {@code deploy/local/kafka.sh}. */
    Path brokerPidFile() {
        return root.resolve(".lumbung").resolve(KAFKA_NAME).resolve("broker.pid");
    }

    private void startKafka() {
        script("kill", KAFKA_NAME);
        run(List.of("rm", "-rf", root.resolve(".lumbung").resolve(KAFKA_NAME).toString()));
        script("start", KAFKA_NAME, String.valueOf(KAFKA_PORT));
        kafkaStarted = true;
    }

    private void script(String... args) {
        var command = new ArrayList<String>(List.of("bash", root.resolve("deploy/local/kafka.sh").toString()));
        command.addAll(List.of(args));
        run(command);
    }

    private void run(List<String> command) {
        try {
            var process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("stack.log").toFile())).start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed; see " + logs.resolve("stack.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Drops and creates the database as the superuser (trusted on localhost), else through runuser like postgres.sh. */
    private void recreateDatabase(String name) {
        List<String> statements = List.of("drop database if exists " + name + " with (force)",
                "create database " + name + " owner lumbung");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                var s = c.createStatement()) {
            for (var sql : statements) {
                s.execute(sql);
            }
            try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + name, "postgres", "");
                    var e = db.createStatement()) {
                e.execute("create extension if not exists pg_trgm");
            }
        } catch (SQLException e) {
            for (var sql : statements) {
                run(List.of("runuser", "-u", "postgres", "--", "psql", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-qc", sql));
            }
            run(List.of("runuser", "-u", "postgres", "--", "psql", "-d", name, "-v", "ON_ERROR_STOP=1", "-qc",
                    "create extension if not exists pg_trgm"));
        }
    }

    private Path jar(String service) {
        return root.resolve(service + "-service/target/quarkus-app/quarkus-run.jar");
    }

    private Process launch(String instance, int port) throws IOException {
        String service = serviceOf(instance);
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-Dvertx.disableURIValidation=true"));
        command.addAll(jvmOptions);
        String jfr = System.getProperty("lumbung.jfr");
        if (jfr != null && !jfr.isBlank()) {
            // a profile of each instance, written when it stops: jfr print --events jdk.ExecutionSample <file>
            command.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + Path.of(jfr).toAbsolutePath().resolve(instance + ".jfr"));
        }
        command.addAll(List.of(
                "-Dlumbung.db.name=" + database(service),
                "-Dkafka.bootstrap.servers=" + BOOTSTRAP,
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dlumbung.outbox.poll-interval=100ms"));
        if (service.equals("eligibility")) {
            // a cheap proof of work and no padding: the scenario checks the answers, not the abuse protection
            command.addAll(List.of("-Dlumbung.status.challenge.difficulty=4", "-Dlumbung.status.min-response=0ms",
                    "-Dlumbung.status.rate-limit.capacity=1000", "-Dlumbung.status.rate-limit.per-minute=1000"));
        }
        if (service.equals("complaint")) {
            // every citizen of the scenario submits from 127.0.0.1
            command.addAll(List.of("-Dlumbung.cases.public-rate-limit.capacity=1000",
                    "-Dlumbung.cases.public-rate-limit.per-minute=1000"));
        }
        command.addAll(extraProperties.getOrDefault(service, List.of()));
        command.addAll(List.of("-jar", jar(service).toString()));
        var log = logs.resolve(instance.replace('#', '-') + ".log").toFile();
        return new ProcessBuilder(command).directory(jar(service).getParent().toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
    }

    private void awaitReady(String service) throws InterruptedException {
        awaitReady(service, READY_TIMEOUT);
    }

    /** Waits until the instance answers ready (after a restart of PostgreSQL or the broker too). */
    void awaitReady(String service, Duration timeout) throws InterruptedException {
        var deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!processes.get(service).isAlive()) {
                throw new IllegalStateException(service + "-service died on start:\n" + tail(service, 40));
            }
            try {
                var connection = (HttpURLConnection) URI.create(url(service) + "/q/health/ready").toURL().openConnection();
                connection.setConnectTimeout(1000);
                connection.setReadTimeout(3000);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(service + "-service not ready within " + timeout + ":\n" + tail(service, 40));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    // ---- inspection

    Connection jdbc(String service) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database(service), "lumbung", "lumbung");
    }

    Path logFile(String instance) {
        return logs.resolve(instance.replace('#', '-') + ".log");
    }

    String tail(String service, int lines) {
        var file = logFile(service);
        try {
            var all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + file + ")";
        }
    }

    void dumpLogs(int lines) {
        for (var service : processes.keySet()) {
            System.err.println("==== last " + lines + " lines of " + service + "-service (" + logs.resolve(service + ".log") + ")");
            System.err.println(tail(service, lines));
        }
    }

    // ---- stop

    @Override
    public void close() {
        for (var process : processes.values()) {
            process.destroy();
        }
        for (var process : processes.values()) {
            try {
                if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
        if (kafkaStarted) {
            script("stop", KAFKA_NAME);
            kafkaStarted = false;
        }
    }
}
