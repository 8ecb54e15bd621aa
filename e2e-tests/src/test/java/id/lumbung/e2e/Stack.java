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

    String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    // ---- start

    void start() throws Exception {
        requirePackaged();
        Files.createDirectories(logs);
        startKafka();
        for (var service : SERVICES) {
            recreateDatabase(database(service));
        }
        for (var service : SERVICES) {
            ports.put(service, freePort());
            processes.put(service, launch(service, ports.get(service)));
        }
        for (var service : SERVICES) {
            awaitReady(service);
        }
    }

    /** Like {@link #start()}, but each service is launched only when the one before is ready, so that each start-up is timed alone. */
    void startOneByOne() throws Exception {
        requirePackaged();
        Files.createDirectories(logs);
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

    private void requirePackaged() {
        for (var service : SERVICES) {
            var jar = jar(service);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: package the services first "
                        + "(./mvnw -B -o -pl " + service + "-service package -DskipTests)");
            }
        }
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

    private Process launch(String service, int port) throws IOException {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-Dvertx.disableURIValidation=true"));
        command.addAll(jvmOptions);
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
        var log = logs.resolve(service + ".log").toFile();
        return new ProcessBuilder(command).directory(jar(service).getParent().toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log)).start();
    }

    private void awaitReady(String service) throws InterruptedException {
        var deadline = Instant.now().plus(READY_TIMEOUT);
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
        throw new IllegalStateException(service + "-service not ready within " + READY_TIMEOUT + ":\n" + tail(service, 40));
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

    Path logFile(String service) {
        return logs.resolve(service + ".log");
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
