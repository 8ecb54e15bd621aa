package id.lumbung.platform.id;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The Kemendagri region codes that exist (the shipped {@code wilayah/wilayah.csv}, 91,599 codes, MIT): every
 * service can tell 33.20 from 33.99 without asking the registry. Read once, kept as a sorted array of numbers
 * (under a megabyte). The registry loads the same file into its region table.
 */
public final class Regions {

    public static final String RESOURCE = "wilayah/wilayah.csv";
    private static volatile long[] codes;

    private Regions() {
    }

    /** Whether {@code code} (e.g. {@code 33.20.06.1001}) is a Kemendagri region. */
    public static boolean exists(String code) {
        if (code == null || RegionCode.problemWith(code).isPresent()) {
            return false;
        }
        return Arrays.binarySearch(codes(), key(code)) >= 0;
    }

    /** The reason {@code code} cannot name a region, or empty: a malformed code or one that does not exist. */
    public static java.util.Optional<String> problemWith(String code) {
        var shape = RegionCode.problemWith(code);
        if (shape.isPresent()) {
            return shape;
        }
        return exists(code) ? java.util.Optional.empty()
                : java.util.Optional.of("region " + code + " is not a Kemendagri region code");
    }

    private static long key(String code) {
        return Long.parseLong(code.replace(".", "")) * 10 + code.split("\\.").length;
    }

    private static long[] codes() {
        long[] loaded = codes;
        if (loaded == null) {
            synchronized (Regions.class) {
                if (codes == null) {
                    codes = load();
                }
                loaded = codes;
            }
        }
        return loaded;
    }

    private static long[] load() {
        var stream = Regions.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (stream == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the classpath");
        }
        try (var in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            long[] keys = new long[100_000];
            int n = 0;
            in.readLine(); // header
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int comma = line.indexOf(',');
                if (comma > 0) {
                    if (n == keys.length) {
                        keys = Arrays.copyOf(keys, n * 2);
                    }
                    keys[n++] = key(line.substring(0, comma));
                }
            }
            long[] sorted = Arrays.copyOf(keys, n);
            Arrays.sort(sorted);
            return sorted;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
