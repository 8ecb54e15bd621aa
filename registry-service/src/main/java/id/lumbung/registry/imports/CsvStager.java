package id.lumbung.registry.imports;

import id.lumbung.platform.problem.ProblemException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Streams a CSV file (header line, then one record per line, RFC 4180 quoting) into a staging table.
 * Records pass to COPY as they are, behind their line number; a record with the wrong number of fields
 * is staged as a malformed row instead of failing the file.
 */
final class CsvStager {

    /** A record longer than this is a stray quote swallowing the file, not data. */
    private static final int MAX_RECORD = 1 << 20;

    private CsvStager() {
    }

    /** Returns the number of records read. */
    static long stage(InputStream body, Connection connection, String table, List<String> known,
            List<String> required, LongConsumer progress) throws IOException, SQLException {
        var reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1 << 16);
        String header = reader.readLine();
        if (header == null) {
            throw ProblemException.invalid("body", "the file is empty: a header line is expected");
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        var columns = columns(header, known, required);
        String empties = ",".repeat(columns.size());
        long lineNo = 1;
        long records = 0;
        try (var copy = new CopyWriter(connection, table, "line_no, parse_error, " + String.join(", ", columns))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                long start = lineNo;
                var record = new StringBuilder(line);
                boolean tooLong = false;
                while (openQuote(record) && !tooLong) {
                    String next = reader.readLine();
                    if (next == null) {
                        break;
                    }
                    lineNo++;
                    record.append('\n').append(next);
                    tooLong = record.length() > MAX_RECORD;
                }
                records++;
                String problem = tooLong || openQuote(record) ? "a quoted field is not closed"
                        : fields(record) != columns.size()
                                ? "expected " + columns.size() + " fields as in the header, found " + fields(record)
                                : null;
                if (problem == null) {
                    copy.raw(Long.toString(start)).raw(",,").raw(strip(record)).end();
                } else {
                    copy.raw(Long.toString(start)).field(problem).raw(empties).end();
                }
                if (records % 50_000 == 0) {
                    progress.accept(records);
                }
            }
            copy.finish();
        }
        progress.accept(records);
        return records;
    }

    private static List<String> columns(String header, List<String> known, List<String> required) {
        var columns = new ArrayList<String>();
        for (String name : header.split(",", -1)) {
            String column = name.strip().replace("\"", "").toLowerCase(Locale.ROOT);
            if (!known.contains(column)) {
                throw new ProblemException(400, "unknown-column", "Unknown column",
                        "column '" + column + "' is not one of " + known, Map.of("known", known));
            }
            if (columns.contains(column)) {
                throw ProblemException.invalid("header", "column '" + column + "' appears twice in the header");
            }
            columns.add(column);
        }
        var missing = required.stream().filter(c -> !columns.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new ProblemException(400, "missing-column", "Missing column",
                    "the header lacks the required columns " + missing, Map.of("missing", missing));
        }
        return columns;
    }

    /** Whether the record ends inside a quoted field (a doubled quote toggles twice, so parity is enough). */
    private static boolean openQuote(CharSequence record) {
        boolean open = false;
        for (int i = 0; i < record.length(); i++) {
            if (record.charAt(i) == '"') {
                open = !open;
            }
        }
        return open;
    }

    private static int fields(CharSequence record) {
        int fields = 1;
        boolean open = false;
        for (int i = 0; i < record.length(); i++) {
            char c = record.charAt(i);
            if (c == '"') {
                open = !open;
            } else if (c == ',' && !open) {
                fields++;
            }
        }
        return fields;
    }

    /** NUL cannot be stored in PostgreSQL text; nothing legitimate in an extract carries it. */
    private static String strip(CharSequence record) {
        String s = record.toString();
        return s.indexOf('\0') < 0 ? s : s.replace("\0", "");
    }
}
