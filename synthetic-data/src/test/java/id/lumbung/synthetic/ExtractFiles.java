package id.lumbung.synthetic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an extract back the way the registry does, and re-states the registry's import checks
 * (ImportValidation, registry-service README "Bulk import") and the NIK rules of docs/DOMAIN.md without
 * looking at how the generator made the rows.
 */
final class ExtractFiles {

    /** A CSV record: its line (header = 1), its fields by header name, or null fields when the field count is off. */
    record Row(long line, Map<String, String> fields) {

        boolean malformed() {
            return fields == null;
        }

        String get(String column) {
            return fields.get(column);
        }
    }

    static final List<String> RELATIONSHIPS = List.of("KEPALA_KELUARGA", "SUAMI", "ISTRI", "ANAK", "MENANTU", "CUCU",
            "ORANG_TUA", "MERTUA", "FAMILI_LAIN", "LAINNYA");
    static final List<String> EMPLOYMENT = List.of("ASN", "TNI", "POLRI", "PENSIUNAN_ASN", "PENSIUNAN_TNI",
            "PENSIUNAN_POLRI", "PENDAMPING_SOSIAL", "GURU_BERSERTIFIKAT", "PENGHASILAN_APBN_APBD", "PEGAWAI_BUMN",
            "PERANGKAT_DESA");
    private static final Pattern IMPORT_DATE = Pattern.compile("[12][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])");

    private ExtractFiles() {
    }

    static List<Row> read(Path file) throws IOException {
        var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        var header = split(lines.getFirst());
        var rows = new ArrayList<Row>(lines.size());
        for (int i = 1; i < lines.size(); i++) {
            var values = split(lines.get(i));
            if (values.size() != header.size()) {
                rows.add(new Row(i + 1, null));
                continue;
            }
            var fields = new HashMap<String, String>();
            for (int c = 0; c < header.size(); c++) {
                fields.put(header.get(c), values.get(c));
            }
            rows.add(new Row(i + 1, fields));
        }
        return rows;
    }

    /** RFC 4180 fields of one line (no line breaks inside fields in these files). */
    static List<String> split(String line) {
        var out = new ArrayList<String>();
        var b = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    b.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    b.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(b.toString());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        out.add(b.toString());
        return out;
    }

    /** Region codes of one level from the shipped list: 8 characters for districts, 13 for villages. */
    static Set<String> regionCodes(int length) throws IOException {
        var codes = new HashSet<String>();
        for (String line : Files.readAllLines(Regions.locate(Path.of("").toAbsolutePath()), StandardCharsets.UTF_8)) {
            int comma = line.indexOf(',');
            if (comma == length) {
                codes.add(line.substring(0, comma));
            }
        }
        return codes;
    }

    /** Why a string is not a valid NIK (platform Nik rules), or null. */
    static String nikProblem(String nik) {
        if (nik == null || !nik.matches("\\d{16}")) {
            return "not 16 digits";
        }
        int province = Integer.parseInt(nik.substring(0, 2));
        if (province < 11 || province > 99 || nik.startsWith("00", 2) || nik.startsWith("00", 4)) {
            return "not a district code";
        }
        int day = Integer.parseInt(nik.substring(6, 8));
        int month = Integer.parseInt(nik.substring(8, 10));
        int dayOfMonth = day > 40 ? day - 40 : day;
        try {
            LocalDate.of(2000, month, dayOfMonth);
        } catch (DateTimeException e) {
            return "not a birth date";
        }
        if (nik.endsWith("0000")) {
            return "serial 0000";
        }
        return null;
    }

    /** The DDMMYY a NIK must carry for a sex and birth date (day + 40 for women). */
    static String encoded(boolean female, LocalDate birth) {
        return "%02d%02d%02d".formatted(birth.getDayOfMonth() + (female ? 40 : 0), birth.getMonthValue(), birth.getYear() % 100);
    }

    /**
     * The error rows an import of a CSV pair reports, as "file:line:code", worked out from the files with the
     * registry's rules: every failing check of every row, then MEMBER_REJECTED for a card with a bad member and
     * HOUSEHOLD_REJECTED for the clean members of a rejected card.
     */
    static List<String> importErrors(List<Row> households, List<Row> persons, Set<String> villages, Set<String> districts,
            LocalDate today) {
        var errors = new ArrayList<String>();
        var badHouseholdLines = new HashSet<Long>();
        var badPersonLines = new HashSet<Long>();
        var membersByKk = new HashMap<String, int[]>();
        var kkCount = new HashMap<String, Integer>();
        var nikKks = new HashMap<String, Set<String>>();
        var nikOnKk = new HashMap<String, Integer>();
        var householdKks = new HashSet<String>();
        for (Row p : persons) {
            if (!p.malformed()) {
                var m = membersByKk.computeIfAbsent(trim(p.get("no_kk")), k -> new int[2]);
                m[0]++;
                if ("KEPALA_KELUARGA".equals(upper(p.get("relationship")))) {
                    m[1]++;
                }
                nikKks.computeIfAbsent(trim(p.get("nik")), k -> new HashSet<>()).add(trim(p.get("no_kk")));
                nikOnKk.merge(trim(p.get("nik")) + "/" + trim(p.get("no_kk")), 1, Integer::sum);
            }
        }
        for (Row h : households) {
            if (!h.malformed()) {
                kkCount.merge(trim(h.get("no_kk")), 1, Integer::sum);
                householdKks.add(trim(h.get("no_kk")));
            }
        }
        for (Row h : households) {
            var codes = new ArrayList<String>();
            if (h.malformed()) {
                codes.add("MALFORMED_ROW");
            } else {
                String kk = trim(h.get("no_kk"));
                String village = trim(h.get("village_code"));
                if (village != null && village.matches("\\d{10}")) {
                    village = village.substring(0, 2) + "." + village.substring(2, 4) + "." + village.substring(4, 6) + "."
                            + village.substring(6);
                }
                if (kk == null || !kk.matches("\\d{16}")) {
                    codes.add("INVALID_NO_KK");
                }
                if (!villages.contains(village)) {
                    codes.add("UNKNOWN_VILLAGE");
                }
                if (trim(h.get("address")) == null) {
                    codes.add("MISSING_FIELD");
                }
                String desil = trim(h.get("desil"));
                String period = trim(h.get("desil_period"));
                if (!((desil == null && period == null)
                        || (desil != null && desil.matches("10|[1-9]") && period != null && period.matches("\\d{4}-Q[1-4]")))) {
                    codes.add("INVALID_DESIL");
                }
                number(codes, h.get("floor_area_m2"), "[0-9]{1,7}(\\.[0-9]+)?");
                number(codes, h.get("land_area_m2"), "[0-9]{1,9}(\\.[0-9]+)?");
                number(codes, h.get("electricity_va"), "[0-9]{1,9}");
                number(codes, h.get("monthly_income"), "[0-9]{1,15}");
                String kks = trim(h.get("kks_card"));
                if (kks != null && !List.of("true", "1", "ya", "false", "0", "tidak").contains(kks.toLowerCase())) {
                    codes.add("INVALID_BOOLEAN");
                }
                String livestock = h.get("livestock") == null ? "" : h.get("livestock").replaceAll("\\s", "");
                if (!livestock.isEmpty() && !livestock.matches("[A-Za-z_]+=[0-9]{1,6}(;[A-Za-z_]+=[0-9]{1,6})*;?")) {
                    codes.add("INVALID_LIVESTOCK");
                }
                if (kkCount.getOrDefault(kk, 0) > 1) {
                    codes.add("DUPLICATE_NO_KK");
                }
                var members = membersByKk.get(kk);
                if (members == null) {
                    codes.add("NO_MEMBERS");
                } else if (members[1] != 1) {
                    codes.add("ONE_HEAD");
                }
            }
            for (String code : codes) {
                errors.add("households.csv:" + h.line() + ":" + code);
                badHouseholdLines.add(h.line());
            }
        }
        for (Row p : persons) {
            var codes = new ArrayList<String>();
            if (p.malformed()) {
                codes.add("MALFORMED_ROW");
            } else {
                String nik = trim(p.get("nik"));
                String kk = trim(p.get("no_kk"));
                boolean shape = nik != null && nik.matches("\\d{16}") && !nik.endsWith("0000");
                if (!shape) {
                    codes.add("INVALID_NIK");
                } else if (!districts.contains(nik.substring(0, 2) + "." + nik.substring(2, 4) + "." + nik.substring(4, 6))) {
                    codes.add("UNKNOWN_DISTRICT");
                }
                if (trim(p.get("full_name")) == null) {
                    codes.add("MISSING_FIELD");
                }
                String sex = upper(p.get("sex"));
                boolean sexOk = "MALE".equals(sex) || "FEMALE".equals(sex);
                if (!sexOk) {
                    codes.add("INVALID_SEX");
                }
                LocalDate birth = date(p.get("birth_date"));
                if (birth == null) {
                    codes.add("INVALID_DATE");
                } else if (birth.isAfter(today)) {
                    codes.add("BORN_IN_FUTURE");
                }
                if (shape && sexOk && birth != null && !nik.substring(6, 12).equals(encoded("FEMALE".equals(sex), birth))) {
                    codes.add("NIK_MISMATCH");
                }
                if (!RELATIONSHIPS.contains(upper(p.get("relationship")))) {
                    codes.add("UNKNOWN_RELATIONSHIP");
                }
                String employment = trim(p.get("employment"));
                if (employment != null) {
                    for (String fact : employment.split(";")) {
                        if (!fact.isBlank() && !EMPLOYMENT.contains(fact.strip().toUpperCase())) {
                            codes.add("UNKNOWN_EMPLOYMENT");
                            break;
                        }
                    }
                }
                String life = upper(p.get("life_status"));
                life = life == null ? "ALIVE" : life;
                String deathRaw = trim(p.get("death_date"));
                LocalDate death = date(deathRaw);
                if (!List.of("ALIVE", "DECEASED", "MOVED").contains(life) || (deathRaw != null && death == null)
                        || life.equals("DECEASED") != (death != null)) {
                    codes.add("INVALID_LIFE_STATUS");
                }
                if (nik != null && nikKks.get(nik).size() > 1) {
                    codes.add("NIK_ON_TWO_KK");
                }
                if (nik != null && nikOnKk.get(nik + "/" + kk) > 1) {
                    codes.add("DUPLICATE_NIK");
                }
                if (!householdKks.contains(kk)) {
                    codes.add("UNKNOWN_KK");
                }
            }
            for (String code : codes) {
                errors.add("persons.csv:" + p.line() + ":" + code);
                badPersonLines.add(p.line());
            }
        }
        var householdLineByKk = new HashMap<String, List<Long>>();
        for (Row h : households) {
            if (!h.malformed() && trim(h.get("no_kk")) != null) {
                householdLineByKk.computeIfAbsent(trim(h.get("no_kk")), k -> new ArrayList<>()).add(h.line());
            }
        }
        var memberRejected = new HashSet<Long>();
        for (Row p : persons) {
            if (!p.malformed() && badPersonLines.contains(p.line())) {
                memberRejected.addAll(householdLineByKk.getOrDefault(trim(p.get("no_kk")), List.of()));
            }
        }
        for (long line : memberRejected) {
            errors.add("households.csv:" + line + ":MEMBER_REJECTED");
            badHouseholdLines.add(line);
        }
        for (Row p : persons) {
            if (!p.malformed() && !badPersonLines.contains(p.line())
                    && householdLineByKk.getOrDefault(trim(p.get("no_kk")), List.of()).stream().anyMatch(badHouseholdLines::contains)) {
                errors.add("persons.csv:" + p.line() + ":HOUSEHOLD_REJECTED");
            }
        }
        return errors;
    }

    private static void number(List<String> codes, String raw, String pattern) {
        String v = trim(raw);
        if (v != null && !v.matches(pattern)) {
            codes.add("INVALID_NUMBER");
        }
    }

    static LocalDate date(String raw) {
        String v = trim(raw);
        if (v == null || !IMPORT_DATE.matcher(v).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeException e) {
            return null;
        }
    }

    static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String upper(String s) {
        String t = trim(s);
        return t == null ? null : t.toUpperCase();
    }
}
