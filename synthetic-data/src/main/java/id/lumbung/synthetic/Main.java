package id.lumbung.synthetic;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

/** Command line: {@code java -jar lumbung-synthetic-data.jar --households 100000 --seed 42 --out target/dtsen-100k}. */
public final class Main {

    static final String USAGE = """
            usage: java -jar lumbung-synthetic-data.jar --out DIR [options]
              --households N         families to write (default 1000)
              --seed S               seed; same seed and options give the same bytes (default 1)
              --region PREFIX        only villages under a Kemendagri prefix, e.g. 33.18 (default: all)
              --update               also write the next month's change extract (update-*.csv, update-changes.csv)
              --bad-share X          share of families with one planted defect, 0..0.2 (default 0.005)
              --reference-date D     the day the extract is as of, YYYY-MM-DD (default 2025-10-01)
              --regions FILE         the region list wilayah.csv (default: the platform library's copy in this checkout)
              --format csv|ndjson    CSV pair (default) or one NDJSON file
            """;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        var builder = DtsenGenerator.builder();
        Path out = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--households" -> builder.households(Integer.parseInt(value(args, ++i, arg).replace("_", "")));
                    case "--seed" -> builder.seed(Long.parseLong(value(args, ++i, arg)));
                    case "--region" -> builder.regionPrefix(value(args, ++i, arg));
                    case "--update" -> builder.update(true);
                    case "--bad-share" -> builder.badRowShare(Double.parseDouble(value(args, ++i, arg)));
                    case "--reference-date" -> builder.referenceDate(LocalDate.parse(value(args, ++i, arg)));
                    case "--regions" -> builder.regionsFile(Path.of(value(args, ++i, arg)));
                    case "--format" -> builder.format(DtsenGenerator.Format.valueOf(value(args, ++i, arg).toUpperCase(Locale.ROOT)));
                    case "--out" -> out = Path.of(value(args, ++i, arg));
                    case "-h", "--help" -> {
                        System.out.print(USAGE);
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (out == null) {
                throw new IllegalArgumentException("--out DIR is required");
            }
            var generator = builder.build();
            long started = System.nanoTime();
            var manifest = generator.write(out);
            System.err.printf("dtsen: wrote %,d households and %,d persons to %s in %.1f s; %,d bad rows expected, "
                    + "%,d households to import%s%n", manifest.counts().households(), manifest.counts().persons(), out,
                    (System.nanoTime() - started) / 1e9, manifest.expected().badRows(),
                    manifest.expected().householdsImported(), manifest.update() == null ? ""
                            : "; update: %,d households".formatted(manifest.update().households()));
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            System.err.println("dtsen: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
