package id.lumbung.e2e;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load: {@code connections} workers, each sending its next call as soon as the last one answered, for a
 * fixed time after a warm-up that is not counted. Only 127.0.0.1 is ever a target; the load stops by itself.
 */
final class LoadDriver {

    /** One call of the load; answers the HTTP status of its last request. */
    interface Call {
        int run(HttpClient client, int worker, long n) throws Exception;
    }

    /** What a load measured: calls answered 2xx per second and their latency percentiles. */
    record Result(long calls, long failures, double seconds, double callsPerSecond, double p50Ms, double p99Ms) {
    }

    private LoadDriver() {
    }

    static Result run(int connections, Duration warmUp, Duration measured, Call call) throws InterruptedException {
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        long warmEnds = System.nanoTime() + warmUp.toNanos();
        long ends = warmEnds + measured.toNanos();
        var failures = new AtomicLong();
        var latencies = new ArrayList<long[]>();
        var counts = new long[connections];
        for (int i = 0; i < connections; i++) {
            latencies.add(new long[1 << 16]);
        }
        try (var pool = Executors.newFixedThreadPool(connections)) {
            for (int w = 0; w < connections; w++) {
                int worker = w;
                pool.submit(() -> {
                    long n = 0;
                    while (true) {
                        long started = System.nanoTime();
                        if (started >= ends) {
                            return null;
                        }
                        int status;
                        try {
                            status = call.run(client, worker, n++);
                        } catch (Exception e) {
                            status = 599;
                        }
                        long done = System.nanoTime();
                        if (started < warmEnds) {
                            continue;
                        }
                        if (status / 100 != 2) {
                            failures.incrementAndGet();
                            continue;
                        }
                        var mine = latencies.get(worker);
                        if (counts[worker] == mine.length) {
                            mine = Arrays.copyOf(mine, mine.length * 2);
                            latencies.set(worker, mine);
                        }
                        mine[(int) counts[worker]++] = done - started;
                    }
                });
            }
        }
        long total = Arrays.stream(counts).sum();
        var all = new long[(int) total];
        int at = 0;
        for (int w = 0; w < connections; w++) {
            System.arraycopy(latencies.get(w), 0, all, at, (int) counts[w]);
            at += (int) counts[w];
        }
        Arrays.sort(all);
        double seconds = measured.toNanos() / 1e9;
        return new Result(total, failures.get(), seconds, total / seconds, percentile(all, 0.50) / 1e6, percentile(all, 0.99) / 1e6);
    }

    static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static double percentile(List<Long> values, double q) {
        return percentile(values.stream().mapToLong(Long::longValue).sorted().toArray(), q);
    }
}
