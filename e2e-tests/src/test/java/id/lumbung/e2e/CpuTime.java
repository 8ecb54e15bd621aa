package id.lumbung.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU seconds (user + system) used so far by each part of a running stack, read from {@code /proc}: each service
 * process, the broker, PostgreSQL (every live server process plus what the postmaster has reaped of ended
 * backends) and this JVM, which drives the load. The difference of two readings is what a step cost each part,
 * the figure a capacity model scales from.
 */
final class CpuTime {

    /** Clock ticks per second of {@code /proc/<pid>/stat} times ({@code getconf CLK_TCK}; 100 on Linux). */
    private static final double TICKS = 100.0;

    private final Stack stack;
    private final Path brokerPidFile;

    CpuTime(Stack stack, Path brokerPidFile) {
        this.stack = stack;
        this.brokerPidFile = brokerPidFile;
    }

    /** CPU seconds used so far, by part: the services by name, {@code kafka}, {@code postgres}, {@code driver}. */
    Map<String, Double> read() {
        var out = new LinkedHashMap<String, Double>();
        for (var service : Stack.SERVICES) {
            out.put(service, seconds(stack.pid(service), false));
        }
        out.put("kafka", broker());
        out.put("postgres", postgres());
        out.put("driver", seconds(ProcessHandle.current().pid(), false));
        return out;
    }

    /** What each part used between two readings. */
    static Map<String, Double> between(Map<String, Double> before, Map<String, Double> after) {
        var out = new LinkedHashMap<String, Double>();
        after.forEach((part, seconds) -> out.put(part, Math.max(0, seconds - before.getOrDefault(part, 0.0))));
        return out;
    }

    private double broker() {
        try {
            return seconds(Long.parseLong(Files.readString(brokerPidFile).trim()), false);
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    private static double postgres() {
        double total = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (var proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                var stat = stat(proc.resolve("stat"));
                if (stat != null && stat[1].equals("(postgres)")) {
                    // the postmaster (parent not a postgres process) also carries the ended backends it reaped
                    boolean postmaster = !"(postgres)".equals(parentName(stat[3]));
                    total += ticks(stat, postmaster) / TICKS;
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return total;
    }

    private static String parentName(String ppid) {
        var stat = stat(Path.of("/proc", ppid, "stat"));
        return stat == null ? "" : stat[1];
    }

    private static double seconds(long pid, boolean withChildren) {
        var stat = stat(Path.of("/proc", String.valueOf(pid), "stat"));
        return stat == null ? 0 : ticks(stat, withChildren) / TICKS;
    }

    /** utime + stime (fields 14 and 15), and cutime + cstime (16, 17) of reaped children when asked. */
    private static long ticks(String[] stat, boolean withChildren) {
        long t = Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
        return withChildren ? t + Long.parseLong(stat[15]) + Long.parseLong(stat[16]) : t;
    }

    /** The fields of a stat file; the command name (field 2) may hold spaces, so it is cut out by its parentheses. */
    private static String[] stat(Path file) {
        try {
            String s = Files.readString(file);
            int open = s.indexOf('(');
            int close = s.lastIndexOf(')');
            String[] rest = s.substring(close + 2).split(" ");
            String[] fields = new String[rest.length + 2];
            fields[0] = s.substring(0, open - 1);
            fields[1] = s.substring(open, close + 1);
            System.arraycopy(rest, 0, fields, 2, rest.length);
            return fields;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
