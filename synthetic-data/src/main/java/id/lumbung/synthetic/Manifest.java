package id.lumbung.synthetic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an extract holds and what importing it must do ({@code manifest.json} next to the files): the
 * options it was made with, counts of its rows, the planted defects, and the registry's expected job
 * counters and error rows. Line numbers are the registry's: the header is line 1.
 *
 * @param households the number of families asked for (the rows of the households file)
 * @param files      role → file name: {@code households} and {@code persons} (CSV) or {@code households} (NDJSON)
 * @param defects    planted defects by kind ({@link Defect}), in declaration order
 * @param update     the monthly change extract, or null when none was asked for
 */
public record Manifest(String generator, long seed, int households, String regionPrefix, double badRowShare,
        LocalDate referenceDate, String desilPeriod, String format, Map<String, String> files, Counts counts,
        Map<String, Long> defects, Expected expected, Update update) {

    public static final String FILE = "manifest.json";

    /**
     * Counts of the rows as written. Breakdowns cover the rows that can be read (not the malformed ones).
     *
     * @param byDesil     households by desil "1".."10" and "none" (no desil yet)
     * @param byExclusion persons by employment fact (ASN, TNI, POLRI, PENSIUNAN_ASN, ...)
     * @param deceased    persons with life status DECEASED (and a death date)
     * @param moved       persons with life status MOVED
     */
    public record Counts(long households, long persons, long villages, Map<String, Long> byDesil,
            Map<String, Long> byExclusion, long householdsWithExclusion, long deceased, long moved) {
    }

    /**
     * What the registry's import job must report.
     *
     * @param rowsRead           household rows + person rows, or the lines of NDJSON (the job's rowsRead)
     * @param badRows            distinct rows with an error (the job's badRows)
     * @param householdsImported households created, updated or unchanged by the job together
     * @param personsImported    member rows of those households (current memberships afterwards)
     * @param badHouseholdRows   rows of the households file by error code
     * @param badPersonRows      rows of the persons file by error code (empty for NDJSON)
     * @param errors             every error row the job reports, by file and line (sorted)
     */
    public record Expected(long rowsRead, long badRows, long householdsImported, long personsImported,
            Map<String, Long> badHouseholdRows, Map<String, Long> badPersonRows, List<RowError> errors) {
    }

    /** One error row the import reports: file as the registry names it, line, code, and the defect behind it. */
    public record RowError(String file, long line, String code, String defect) {
    }

    /**
     * The monthly change extract: only families with a change, each with all its members.
     *
     * @param date               the day the changes are as of (reference date + 1 month)
     * @param changesFile        one row per change: change, no_kk, nik, value
     * @param householdsUpdated  what the job must count as updated (every row: each carries a change)
     */
    public record Update(LocalDate date, String desilPeriod, Map<String, String> files, String changesFile,
            long households, long persons, long villageMoves, long deaths, long births, long departures,
            long desilChanges, long rowsRead, long householdsUpdated) {
    }

    public static Manifest read(Path file) throws IOException {
        return fromJson(Files.readString(file, StandardCharsets.UTF_8));
    }

    public void write(Path file) throws IOException {
        Files.writeString(file, toJson(), StandardCharsets.UTF_8);
    }

    public String toJson() {
        var b = new StringBuilder(4096 + (expected == null ? 0 : expected.errors().size() * 96));
        b.append("{\n");
        field(b, 1, "generator").append(quote(generator)).append(",\n");
        field(b, 1, "seed").append(seed).append(",\n");
        field(b, 1, "households").append(households).append(",\n");
        field(b, 1, "regionPrefix").append(quote(regionPrefix)).append(",\n");
        field(b, 1, "badRowShare").append(badRowShare).append(",\n");
        field(b, 1, "referenceDate").append(quote(referenceDate.toString())).append(",\n");
        field(b, 1, "desilPeriod").append(quote(desilPeriod)).append(",\n");
        field(b, 1, "format").append(quote(format)).append(",\n");
        field(b, 1, "files");
        strings(b, files).append(",\n");
        field(b, 1, "counts").append("{\n");
        field(b, 2, "households").append(counts.households()).append(",\n");
        field(b, 2, "persons").append(counts.persons()).append(",\n");
        field(b, 2, "villages").append(counts.villages()).append(",\n");
        field(b, 2, "byDesil");
        longs(b, counts.byDesil()).append(",\n");
        field(b, 2, "byExclusion");
        longs(b, counts.byExclusion()).append(",\n");
        field(b, 2, "householdsWithExclusion").append(counts.householdsWithExclusion()).append(",\n");
        field(b, 2, "deceased").append(counts.deceased()).append(",\n");
        field(b, 2, "moved").append(counts.moved()).append("\n");
        b.append("  },\n");
        field(b, 1, "defects");
        longs(b, defects).append(",\n");
        field(b, 1, "expected").append("{\n");
        field(b, 2, "rowsRead").append(expected.rowsRead()).append(",\n");
        field(b, 2, "badRows").append(expected.badRows()).append(",\n");
        field(b, 2, "householdsImported").append(expected.householdsImported()).append(",\n");
        field(b, 2, "personsImported").append(expected.personsImported()).append(",\n");
        field(b, 2, "badHouseholdRows");
        longs(b, expected.badHouseholdRows()).append(",\n");
        field(b, 2, "badPersonRows");
        longs(b, expected.badPersonRows()).append(",\n");
        field(b, 2, "errors").append('[');
        for (int i = 0; i < expected.errors().size(); i++) {
            var e = expected.errors().get(i);
            b.append(i == 0 ? "\n" : ",\n").append("      {\"file\": ");
            Json.string(b, e.file()).append(", \"line\": ").append(e.line()).append(", \"code\": ");
            Json.string(b, e.code()).append(", \"defect\": ");
            Json.string(b, e.defect()).append('}');
        }
        b.append(expected.errors().isEmpty() ? "]\n" : "\n    ]\n");
        b.append("  },\n");
        field(b, 1, "update");
        if (update == null) {
            b.append("null\n");
        } else {
            b.append("{\n");
            field(b, 2, "date").append(quote(update.date().toString())).append(",\n");
            field(b, 2, "desilPeriod").append(quote(update.desilPeriod())).append(",\n");
            field(b, 2, "files");
            strings(b, update.files()).append(",\n");
            field(b, 2, "changesFile").append(quote(update.changesFile())).append(",\n");
            field(b, 2, "households").append(update.households()).append(",\n");
            field(b, 2, "persons").append(update.persons()).append(",\n");
            field(b, 2, "villageMoves").append(update.villageMoves()).append(",\n");
            field(b, 2, "deaths").append(update.deaths()).append(",\n");
            field(b, 2, "births").append(update.births()).append(",\n");
            field(b, 2, "departures").append(update.departures()).append(",\n");
            field(b, 2, "desilChanges").append(update.desilChanges()).append(",\n");
            field(b, 2, "rowsRead").append(update.rowsRead()).append(",\n");
            field(b, 2, "householdsUpdated").append(update.householdsUpdated()).append("\n");
            b.append("  }\n");
        }
        return b.append("}\n").toString();
    }

    @SuppressWarnings("unchecked")
    static Manifest fromJson(String json) {
        var m = (Map<String, Object>) Json.parse(json);
        var c = (Map<String, Object>) m.get("counts");
        var e = (Map<String, Object>) m.get("expected");
        var errors = new ArrayList<RowError>();
        for (Object o : (List<Object>) e.get("errors")) {
            var r = (Map<String, Object>) o;
            errors.add(new RowError((String) r.get("file"), num(r.get("line")), (String) r.get("code"), (String) r.get("defect")));
        }
        var u = (Map<String, Object>) m.get("update");
        Update update = u == null ? null
                : new Update(LocalDate.parse((String) u.get("date")), (String) u.get("desilPeriod"), strings(u.get("files")),
                        (String) u.get("changesFile"), num(u.get("households")), num(u.get("persons")),
                        num(u.get("villageMoves")), num(u.get("deaths")), num(u.get("births")), num(u.get("departures")),
                        num(u.get("desilChanges")), num(u.get("rowsRead")), num(u.get("householdsUpdated")));
        return new Manifest((String) m.get("generator"), num(m.get("seed")), (int) num(m.get("households")),
                (String) m.get("regionPrefix"), ((Number) m.get("badRowShare")).doubleValue(),
                LocalDate.parse((String) m.get("referenceDate")), (String) m.get("desilPeriod"), (String) m.get("format"),
                strings(m.get("files")),
                new Counts(num(c.get("households")), num(c.get("persons")), num(c.get("villages")), longs(c.get("byDesil")),
                        longs(c.get("byExclusion")), num(c.get("householdsWithExclusion")), num(c.get("deceased")),
                        num(c.get("moved"))),
                longs(m.get("defects")),
                new Expected(num(e.get("rowsRead")), num(e.get("badRows")), num(e.get("householdsImported")),
                        num(e.get("personsImported")), longs(e.get("badHouseholdRows")), longs(e.get("badPersonRows")),
                        List.copyOf(errors)),
                update);
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> longs(Object o) {
        var out = new LinkedHashMap<String, Long>();
        ((Map<String, Object>) o).forEach((k, v) -> out.put(k, num(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> strings(Object o) {
        var out = new LinkedHashMap<String, String>();
        ((Map<String, Object>) o).forEach((k, v) -> out.put(k, (String) v));
        return out;
    }

    private static StringBuilder field(StringBuilder b, int depth, String name) {
        b.append("  ".repeat(depth));
        return Json.string(b, name).append(": ");
    }

    private static String quote(String s) {
        return Json.string(new StringBuilder(), s).toString();
    }

    private static StringBuilder longs(StringBuilder b, Map<String, Long> map) {
        b.append('{');
        boolean first = true;
        for (var e : map.entrySet()) {
            b.append(first ? "" : ", ");
            Json.string(b, e.getKey()).append(": ").append(e.getValue());
            first = false;
        }
        return b.append('}');
    }

    private static StringBuilder strings(StringBuilder b, Map<String, String> map) {
        b.append('{');
        boolean first = true;
        for (var e : map.entrySet()) {
            b.append(first ? "" : ", ");
            Json.string(b, e.getKey()).append(": ");
            Json.string(b, e.getValue());
            first = false;
        }
        return b.append('}');
    }
}
