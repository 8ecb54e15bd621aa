package id.lumbung.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * PostgreSQL's own {@code pgbench} running a custom script against one database on 127.0.0.1: the physical reference
 * a service's answer is measured against, with the same number of connections.
 */
final class PgBench {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private PgBench() {
    }

    static LoadDriver.Result run(String database, String script, int connections, Duration warmUp, Duration measured,
            Path workDir, String... variables) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        var file = workDir.resolve("script.sql");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        run(database, file, connections, warmUp, workDir, false, variables);
        try (var old = Files.list(workDir)) {
            for (var log : old.filter(p -> p.getFileName().toString().startsWith("txn")).toList()) {
                Files.delete(log);
            }
        }
        String out = run(database, file, connections, measured, workDir, true, variables);
        var m = TPS.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("pgbench gave no tps:\n" + out);
        }
        double tps = Double.parseDouble(m.group(1));
        var latencies = new ArrayList<Long>();
        long failures = 0;
        try (var logs = Files.list(workDir)) {
            for (var log : logs.filter(p -> p.getFileName().toString().startsWith("txn")).toList()) {
                try (Stream<String> lines = Files.lines(log)) {
                    for (var line : (Iterable<String>) lines::iterator) {
                        // client_id transaction_no time script_no time_epoch time_us
                        var fields = line.split(" ");
                        if (fields[2].equals("failed") || fields[2].equals("skipped")) {
                            failures++;
                        } else {
                            latencies.add(Long.parseLong(fields[2]) * 1000);
                        }
                    }
                }
            }
        }
        double seconds = measured.toNanos() / 1e9;
        return new LoadDriver.Result(latencies.size(), failures, seconds, tps, LoadDriver.percentile(latencies, 0.50) / 1e6,
                LoadDriver.percentile(latencies, 0.99) / 1e6);
    }

    private static String run(String database, Path script, int connections, Duration time, Path workDir, boolean log,
            String... variables) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(binary(), "-h", "127.0.0.1", "-U", "lumbung", "-n", "-M", "prepared",
                "-c", String.valueOf(connections), "-j", String.valueOf(Math.min(2, connections)),
                "-T", String.valueOf(Math.max(1, time.toSeconds())), "-f", script.toString()));
        for (var variable : variables) {
            command.addAll(List.of("-D", variable));
        }
        if (log) {
            command.addAll(List.of("-l", "--log-prefix=" + workDir.resolve("txn")));
        }
        command.add(database);
        var builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", "lumbung");
        var process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }

    /** {@code pgbench} on the PATH, else from the newest PostgreSQL installed the Debian way. */
    static String binary() throws IOException {
        for (var dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "pgbench"))) {
                return Path.of(dir, "pgbench").toString();
            }
        }
        var versions = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(versions)) {
            try (var list = Files.list(versions)) {
                var found = list.map(v -> v.resolve("bin/pgbench")).filter(Files::isExecutable).sorted().toList();
                if (!found.isEmpty()) {
                    return found.getLast().toString();
                }
            }
        }
        throw new IllegalStateException("pgbench is not installed (Debian: apt-get install postgresql-client)");
    }
}
