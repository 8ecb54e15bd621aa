package id.lumbung.synthetic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes a synthetic DTSEN extract: families over real villages in the registry's bulk-import format (a
 * CSV pair or NDJSON), a share of them with one planted defect each, optionally the next month's change
 * extract, and {@code manifest.json} saying what an import must find. Same options, same bytes: all
 * randomness derives from the seed and the family's position, nothing reads the clock.
 *
 * <pre>
 * Manifest m = DtsenGenerator.builder().households(100_000).seed(42).regionPrefix("33.18").update(true)
 *         .build().write(Path.of("target/dtsen-100k"));
 * </pre>
 */
public final class DtsenGenerator {

    public enum Format { CSV, NDJSON }

    public static final LocalDate DEFAULT_REFERENCE_DATE = LocalDate.of(2025, 10, 1);
    public static final double DEFAULT_BAD_ROW_SHARE = 0.005;

    static final String HOUSEHOLDS_CSV = "households.csv";
    static final String PERSONS_CSV = "persons.csv";
    static final String HOUSEHOLDS_NDJSON = "households.ndjson";
    static final String UPDATE_HOUSEHOLDS_CSV = "update-households.csv";
    static final String UPDATE_PERSONS_CSV = "update-persons.csv";
    static final String UPDATE_NDJSON = "update.ndjson";
    static final String UPDATE_CHANGES = "update-changes.csv";

    private static final long FAMILY = 0x46414d494c59L;
    private static final long MONTH = 0x4d4f4e5448L;
    private static final long PLAN = 0x504c414eL;
    private static final int PROGRESS_EVERY = 100_000;

    /**
     * @param households    number of families (rows of the households file), at least 1
     * @param seed          everything random follows from it
     * @param regionPrefix  only villages whose code starts with it (e.g. {@code 33.18} for one regency), or null
     * @param badRowShare   share of families with a planted defect, 0 to 0.2; at 1,000 families or more every kind
     *                      of defect appears at least once as long as it is above 0
     * @param referenceDate the day the extract is as of (ages, the desil quarter); must not be after the day it is imported
     * @param regionsFile   the region list ({@code wilayah.csv}); null looks on the classpath, then for the
     *                      platform library's copy from the working directory up
     * @param update        also write the next month's change extract
     */
    public record Options(int households, long seed, String regionPrefix, double badRowShare, LocalDate referenceDate,
            Path regionsFile, boolean update, Format format) {

        public Options {
            if (households < 1) {
                throw new IllegalArgumentException("households must be at least 1");
            }
            if (!(badRowShare >= 0 && badRowShare <= 0.2)) {
                throw new IllegalArgumentException("the bad-row share must be between 0 and 0.2");
            }
            if (regionPrefix != null) {
                regionPrefix = regionPrefix.strip();
                if (regionPrefix.isEmpty()) {
                    regionPrefix = null;
                } else if (!regionPrefix.matches("\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?")) {
                    throw new IllegalArgumentException("region prefix must look like 33, 33.18, 33.18.01 or 33.18.01.2001");
                }
            }
            if (referenceDate == null) {
                referenceDate = DEFAULT_REFERENCE_DATE;
            }
            if (format == null) {
                format = Format.CSV;
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private int households = 1_000;
        private long seed = 1;
        private String regionPrefix;
        private double badRowShare = DEFAULT_BAD_ROW_SHARE;
        private LocalDate referenceDate = DEFAULT_REFERENCE_DATE;
        private Path regionsFile;
        private boolean update;
        private Format format = Format.CSV;

        public Builder households(int households) {
            this.households = households;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder regionPrefix(String regionPrefix) {
            this.regionPrefix = regionPrefix;
            return this;
        }

        public Builder badRowShare(double badRowShare) {
            this.badRowShare = badRowShare;
            return this;
        }

        public Builder referenceDate(LocalDate referenceDate) {
            this.referenceDate = referenceDate;
            return this;
        }

        public Builder regionsFile(Path regionsFile) {
            this.regionsFile = regionsFile;
            return this;
        }

        public Builder update(boolean update) {
            this.update = update;
            return this;
        }

        public Builder format(Format format) {
            this.format = format;
            return this;
        }

        public Options options() {
            return new Options(households, seed, regionPrefix, badRowShare, referenceDate, regionsFile, update, format);
        }

        public DtsenGenerator build() {
            return new DtsenGenerator(options());
        }
    }

    private final Options options;

    public DtsenGenerator(Options options) {
        this.options = options;
    }

    public Options options() {
        return options;
    }

    /** The DTSEN quarter of a day: {@code 2025-Q4}. */
    public static String quarter(LocalDate date) {
        return date.getYear() + "-Q" + ((date.getMonthValue() + 2) / 3);
    }

    /** Writes the extract and its manifest into {@code outDir} (created if needed) and returns the manifest. */
    public Manifest write(Path outDir) throws IOException {
        Files.createDirectories(outDir);
        int n = options.households();
        boolean csv = options.format() == Format.CSV;
        LocalDate reference = options.referenceDate();
        String period = quarter(reference);
        var regions = Regions.load(options.regionsFile(), options.regionPrefix());
        var factory = new FamilyFactory(regions, reference, period, n);
        LocalDate updateDate = reference.plusMonths(1);
        var month = new MonthlyChanges(factory, regions, reference, updateDate, quarter(updateDate));
        var plan = plan(n, options.badRowShare(), options.seed(), options.format());
        var run = new Run(regions, reference, csv);

        String hhName = csv ? HOUSEHOLDS_CSV : HOUSEHOLDS_NDJSON;
        long started = System.nanoTime();
        try (Extract base = csv ? new Extract.Csv(outDir.resolve(HOUSEHOLDS_CSV), outDir.resolve(PERSONS_CSV))
                        : new Extract.Ndjson(outDir.resolve(HOUSEHOLDS_NDJSON));
                Extract next = !options.update() ? null
                        : csv ? new Extract.Csv(outDir.resolve(UPDATE_HOUSEHOLDS_CSV), outDir.resolve(UPDATE_PERSONS_CSV))
                                : new Extract.Ndjson(outDir.resolve(UPDATE_NDJSON));
                BufferedWriter changesFile = options.update() ? Extract.open(outDir.resolve(UPDATE_CHANGES)) : null) {
            if (changesFile != null) {
                changesFile.write("change,no_kk,nik,value\n");
            }
            var changes = new ArrayList<MonthlyChanges.Change>();
            int slot = 0;
            Member shared = null;
            for (int i = 0; i < n; i++) {
                Defect defect = slot < plan.positions.length && plan.positions[slot] == i ? plan.kinds[slot++] : null;
                boolean donor = slot < plan.positions.length && plan.positions[slot] == i + 1
                        && plan.kinds[slot] == Defect.NIK_ON_TWO_KK;
                var r = new SplittableRandom(mix(options.seed(), i, FAMILY));
                var h = factory.family(r, defect == null ? 1 : 3);
                int target = -1;
                if (defect != null) {
                    target = run.plant(defect, h, r, shared);
                    shared = null;
                }
                if (donor) {
                    target = h.members.size() == 1 ? 0 : 1 + r.nextInt(h.members.size() - 1);
                    shared = h.members.get(target).copy();
                }
                long line = base.write(h);
                run.count(h);
                run.expect(hhName, h, line, base.firstMemberLine(), defect, donor, target);
                if (defect == null && !donor) {
                    // worked out for every family, written or not, so NIK serials never depend on --update
                    changes.clear();
                    var changed = month.apply(new SplittableRandom(mix(options.seed(), i, MONTH)), h, changes);
                    if (changed != null && next != null) {
                        next.write(changed);
                        run.updated(changed, changes, changesFile);
                    }
                }
                if ((i + 1) % PROGRESS_EVERY == 0) {
                    System.err.printf("dtsen: %,d of %,d households, %,d persons (%.1f s)%n", i + 1, n, run.persons,
                            (System.nanoTime() - started) / 1e9);
                }
            }
        }
        var manifest = run.manifest(options, period, csv, month);
        manifest.write(outDir.resolve(Manifest.FILE));
        return manifest;
    }

    /** Where the defects go: one per slot of evenly spaced slots, never two families in a row (a NIK_ON_TWO_KK needs its donor clean). */
    record Plan(int[] positions, Defect[] kinds) {
    }

    static Plan plan(int n, double share, long seed, Format format) {
        var kinds = Arrays.stream(Defect.values()).filter(d -> format == Format.CSV || d.inNdjson()).toArray(Defect[]::new);
        int count = share <= 0 ? 0 : (int) Math.round(share * n);
        if (share > 0 && n >= 1_000) {
            count = Math.max(count, kinds.length);
        }
        count = Math.min(count, n / 3);
        var r = new SplittableRandom(mix(seed, 0, PLAN));
        for (int i = kinds.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            var t = kinds[i];
            kinds[i] = kinds[j];
            kinds[j] = t;
        }
        int[] positions = new int[count];
        Defect[] planted = new Defect[count];
        for (int j = 0; j < count; j++) {
            int start = (int) ((long) j * n / count);
            int end = (int) ((long) (j + 1) * n / count);
            positions[j] = start + 1 + r.nextInt(end - start - 1);
            planted[j] = kinds[j % kinds.length];
        }
        return new Plan(positions, planted);
    }

    /** SplitMix64 over seed, position and purpose: independent streams per family and per use. */
    static long mix(long seed, long index, long salt) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + salt;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The state of one write: counts, expectations, and the few identifiers that must stay unique among bad rows. */
    private static final class Run {
        private static final String MEMBER_REJECTED = "MEMBER_REJECTED";
        private static final String HOUSEHOLD_REJECTED = "HOUSEHOLD_REJECTED";

        private final Regions regions;
        private final LocalDate reference;
        private final boolean csv;
        private final Set<String> invalidNoKks = new HashSet<>();
        private final Set<String> villages = new HashSet<>();
        private int unknownDistrictSerial;

        long households;
        long persons;
        final long[] byDesil = new long[11];
        final long[] byExclusion = new long[Member.EMPLOYMENT.length];
        long householdsWithExclusion;
        long deceased;
        long moved;
        final long[] defects = new long[Defect.values().length];
        final List<Manifest.RowError> errors = new ArrayList<>();
        long householdsImported;
        long personsImported;
        long updateHouseholds;
        long updatePersons;
        final Map<String, Long> updateChanges = new LinkedHashMap<>();

        Run(Regions regions, LocalDate reference, boolean csv) {
            this.regions = regions;
            this.reference = reference;
            this.csv = csv;
            for (String c : List.of(MonthlyChanges.VILLAGE_MOVE, MonthlyChanges.DEATH, MonthlyChanges.BIRTH,
                    MonthlyChanges.DEPARTURE, MonthlyChanges.DESIL)) {
                updateChanges.put(c, 0L);
            }
        }

        /** Plants a defect; returns the index of the member it is on (-1 for the household row). */
        int plant(Defect d, Household h, SplittableRandom r, Member shared) {
            defects[d.ordinal()]++;
            var members = h.members;
            int other = 1 + r.nextInt(members.size() - 1);
            var m = members.get(other);
            switch (d) {
                case UNKNOWN_VILLAGE -> {
                    // a code one past the district's villages, as after a split the list does not know yet
                    String district = h.village.code().substring(0, 9) + h.village.code().charAt(9);
                    int k = 100 + r.nextInt(800);
                    while (regions.exists(district + pad3(k))) {
                        k = k % 999 + 1;
                    }
                    h.villageCode = district + pad3(k);
                }
                case INVALID_DESIL -> {
                    // a desil without its DTSEN quarter
                    if (h.desil == 0) {
                        h.desil = h.latentDesil;
                    }
                    h.desilPeriod = null;
                }
                case MISSING_ADDRESS -> h.address = "";
                case INVALID_INCOME -> h.incomeText = thousands(h.monthlyIncome);
                case INVALID_KKS_CARD -> h.kksText = h.kksCard ? "ADA" : "TIDAK ADA";
                case INVALID_LIVESTOCK -> h.livestockText = "KAMBING " + (1 + r.nextInt(5)) + " EKOR";
                case INVALID_NO_KK -> {
                    // a digit lost in typing
                    int at = 6 + r.nextInt(10);
                    String kk = h.noKk.substring(0, at) + h.noKk.substring(at + 1);
                    while (!invalidNoKks.add(kk)) {
                        at = at == 6 ? 15 : at - 1;
                        kk = h.noKk.substring(0, at) + h.noKk.substring(at + 1);
                    }
                    h.noKk = kk;
                }
                case NO_MEMBERS -> h.withoutMembers = true;
                case TWO_HEADS -> members.get(1).relationship = "KEPALA_KELUARGA";
                case MALFORMED_HOUSEHOLD -> {
                    h.address = h.address + ", RT " + Integer.parseInt(h.rt) + " RW " + Integer.parseInt(h.rw);
                    h.malformed = true;
                }
                case INVALID_NIK -> {
                    m.nik = m.nik + m.nik.charAt(15);
                    return other;
                }
                case UNKNOWN_DISTRICT -> {
                    String regency = m.nik.substring(0, 4);
                    int k = 99;
                    while (regions.exists(regency.substring(0, 2) + "." + regency.substring(2) + "." + pad2(k))) {
                        k--;
                    }
                    unknownDistrictSerial = unknownDistrictSerial % 9_999 + 1;
                    m.nik = regency + pad2(k) + m.nik.substring(6, 12) + pad4(unknownDistrictSerial);
                    return other;
                }
                case NIK_MISMATCH -> {
                    // day and month swapped, or a day off
                    var b = m.birthDate;
                    var wrong = b.getDayOfMonth() <= 12 && b.getDayOfMonth() != b.getMonthValue()
                            ? LocalDate.of(b.getYear(), b.getDayOfMonth(), b.getMonthValue()) : b.minusDays(1);
                    m.birthDateText = (wrong.isAfter(reference) ? b.minusDays(1) : wrong).toString();
                    return other;
                }
                case INVALID_DATE -> {
                    var b = m.birthDate;
                    m.birthDateText = pad2(b.getDayOfMonth()) + "-" + pad2(b.getMonthValue()) + "-" + b.getYear();
                    return other;
                }
                case BORN_IN_FUTURE -> {
                    // the century mistyped: 1962 → 2062; the NIK still agrees (it has two year digits), unless
                    // 29 February lands in a year without it (2000 → 2100), so such a member is passed over
                    for (int k = 0; k < members.size(); k++) {
                        var b = members.get(k).birthDate;
                        if (b.plusYears(100).getDayOfMonth() == b.getDayOfMonth()) {
                            members.get(k).birthDateText = b.plusYears(100).toString();
                            return k;
                        }
                    }
                    throw new IllegalStateException("no member to mistype a birth year for");
                }
                case INVALID_SEX -> {
                    m.sexText = m.female ? "P" : "L";
                    return other;
                }
                case MISSING_NAME -> {
                    m.fullName = "";
                    return other;
                }
                case UNKNOWN_RELATIONSHIP -> {
                    m.relationship = "KEPONAKAN";
                    return other;
                }
                case UNKNOWN_EMPLOYMENT -> {
                    // the old word for a civil servant
                    var head = members.getFirst();
                    head.employmentText = "PNS";
                    head.occupation = "PNS";
                    return 0;
                }
                case INVALID_LIFE_STATUS -> {
                    m.lifeStatusText = "MENINGGAL";
                    m.deathDate = reference.minusDays(1 + r.nextInt(300));
                    if (!m.deathDate.isAfter(m.birthDate)) {
                        m.deathDate = reference;
                    }
                    return other;
                }
                case DUPLICATE_NIK -> {
                    members.add(other + 1, m.copy());
                    return other;
                }
                case NIK_ON_TWO_KK -> {
                    var copy = shared.copy();
                    copy.relationship = "FAMILI_LAIN";
                    members.add(copy);
                    return members.size() - 1;
                }
                case UNKNOWN_KK -> {
                    m.noKkText = h.noKk.substring(0, 12) + "0000";
                    return other;
                }
                case MALFORMED_PERSON -> {
                    m.fullName = m.fullName + ", S.PD";
                    m.malformed = true;
                    return other;
                }
            }
            return -1;
        }

        void count(Household h) {
            households++;
            if (!h.malformed) {
                byDesil[h.desil]++;
                villages.add(h.villageCode);
            }
            if (h.withoutMembers) {
                return;
            }
            boolean excluded = false;
            for (Member m : h.members) {
                persons++;
                if (m.malformed) {
                    continue;
                }
                if (m.employmentText == null && m.employment != 0) {
                    for (int k = 0; k < byExclusion.length; k++) {
                        if ((m.employment & (1 << k)) != 0) {
                            byExclusion[k]++;
                        }
                    }
                    excluded |= m.noKkText == null;
                }
                if (m.lifeStatusText == null && m.lifeStatus.equals("DECEASED")) {
                    deceased++;
                } else if (m.lifeStatusText == null && m.lifeStatus.equals("MOVED")) {
                    moved++;
                }
            }
            if (excluded && !h.malformed) {
                householdsWithExclusion++;
            }
        }

        /**
         * The error rows the registry reports for a family, as ImportValidation decides them: a bad member row
         * rejects its card (MEMBER_REJECTED) and a rejected card its other members (HOUSEHOLD_REJECTED) in a
         * CSV pair; in NDJSON every error stays on the family's line.
         */
        void expect(String hhFile, Household h, long line, long firstMember, Defect defect, boolean donor, int target) {
            int size = h.withoutMembers ? 0 : h.members.size();
            if (defect == null && !donor) {
                householdsImported++;
                personsImported += size;
                return;
            }
            if (!csv) {
                String name = donor ? "NIK_ON_TWO_KK" : defect.name();
                String code = donor ? "NIK_ON_TWO_KK" : defect.code();
                error(hhFile, line, code, name);
                if (defect == Defect.DUPLICATE_NIK) {
                    error(hhFile, line, code, name);
                }
                return;
            }
            if (donor) {
                rejectFromMember(h, line, firstMember, Set.of(target), "NIK_ON_TWO_KK", Defect.NIK_ON_TWO_KK.name());
                return;
            }
            switch (defect.row()) {
                case HOUSEHOLD -> {
                    error(HOUSEHOLDS_CSV, line, defect.code(), defect.name());
                    String members = defect == Defect.MALFORMED_HOUSEHOLD ? "UNKNOWN_KK" : HOUSEHOLD_REJECTED;
                    for (int k = 0; k < size; k++) {
                        error(PERSONS_CSV, firstMember + k, members, defect.name());
                    }
                }
                case PERSON -> {
                    if (!defect.rejectsFamily()) {
                        error(PERSONS_CSV, firstMember + target, defect.code(), defect.name());
                        householdsImported++;
                        personsImported += size - 1;
                    } else {
                        var bad = defect == Defect.DUPLICATE_NIK ? Set.of(target, target + 1) : Set.of(target);
                        rejectFromMember(h, line, firstMember, bad, defect.code(), defect.name());
                    }
                }
            }
        }

        private void rejectFromMember(Household h, long line, long firstMember, Set<Integer> bad, String code, String defect) {
            error(HOUSEHOLDS_CSV, line, MEMBER_REJECTED, defect);
            for (int k = 0; k < h.members.size(); k++) {
                error(PERSONS_CSV, firstMember + k, bad.contains(k) ? code : HOUSEHOLD_REJECTED, defect);
            }
        }

        private void error(String file, long line, String code, String defect) {
            errors.add(new Manifest.RowError(file, line, code, defect));
        }

        void updated(Household h, List<MonthlyChanges.Change> changes, BufferedWriter out) throws IOException {
            updateHouseholds++;
            updatePersons += h.members.size();
            for (var c : changes) {
                updateChanges.merge(c.change(), 1L, Long::sum);
                out.write(c.change() + "," + c.noKk() + "," + c.nik() + "," + c.value() + "\n");
            }
        }

        Manifest manifest(Options options, String period, boolean csv, MonthlyChanges month) {
            var byDesilMap = new LinkedHashMap<String, Long>();
            for (int d = 1; d <= 10; d++) {
                byDesilMap.put(Integer.toString(d), byDesil[d]);
            }
            byDesilMap.put("none", byDesil[0]);
            var byExclusionMap = new LinkedHashMap<String, Long>();
            for (int k = 0; k < byExclusion.length; k++) {
                byExclusionMap.put(Member.EMPLOYMENT[k], byExclusion[k]);
            }
            var defectMap = new LinkedHashMap<String, Long>();
            for (Defect d : Defect.values()) {
                if (csv || d.inNdjson()) {
                    defectMap.put(d.name(), defects[d.ordinal()]);
                }
            }
            errors.sort(Comparator.comparing(Manifest.RowError::file).thenComparingLong(Manifest.RowError::line)
                    .thenComparing(Manifest.RowError::code));
            String hhFile = csv ? HOUSEHOLDS_CSV : HOUSEHOLDS_NDJSON;
            var badHousehold = new LinkedHashMap<String, Long>();
            var badPerson = new LinkedHashMap<String, Long>();
            long badRows = 0;
            Manifest.RowError previous = null;
            for (var e : errors) {
                boolean sameLine = previous != null && previous.file().equals(e.file()) && previous.line() == e.line();
                if (!sameLine) {
                    badRows++;
                }
                if (!(sameLine && previous.code().equals(e.code()))) {
                    (e.file().equals(hhFile) ? badHousehold : badPerson).merge(e.code(), 1L, Long::sum);
                }
                previous = e;
            }
            var files = new LinkedHashMap<String, String>();
            files.put("households", hhFile);
            if (csv) {
                files.put("persons", PERSONS_CSV);
            }
            var expected = new Manifest.Expected(households + (csv ? persons : 0), badRows, householdsImported, personsImported,
                    sorted(badHousehold), sorted(badPerson), List.copyOf(errors));
            var counts = new Manifest.Counts(households, persons, villages.size(), byDesilMap, byExclusionMap,
                    householdsWithExclusion, deceased, moved);
            Manifest.Update update = null;
            if (options.update()) {
                var updateFiles = new LinkedHashMap<String, String>();
                updateFiles.put("households", csv ? UPDATE_HOUSEHOLDS_CSV : UPDATE_NDJSON);
                if (csv) {
                    updateFiles.put("persons", UPDATE_PERSONS_CSV);
                }
                update = new Manifest.Update(month.date(), month.period(), updateFiles, UPDATE_CHANGES, updateHouseholds,
                        updatePersons, updateChanges.get(MonthlyChanges.VILLAGE_MOVE), updateChanges.get(MonthlyChanges.DEATH),
                        updateChanges.get(MonthlyChanges.BIRTH), updateChanges.get(MonthlyChanges.DEPARTURE),
                        updateChanges.get(MonthlyChanges.DESIL), updateHouseholds + (csv ? updatePersons : 0),
                        updateHouseholds);
            }
            return new Manifest("lumbung-synthetic-data", options.seed(), options.households(), options.regionPrefix(),
                    options.badRowShare(), options.referenceDate(), period, csv ? "csv" : "ndjson", files, counts, defectMap,
                    expected, update);
        }

        private static Map<String, Long> sorted(Map<String, Long> map) {
            var out = new LinkedHashMap<String, Long>();
            map.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        }
    }

    /** 1250000 → "1.250.000", as the amount is written by hand (not a number the import reads). */
    static String thousands(long value) {
        String digits = Long.toString(value);
        var b = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                b.append('.');
            }
            b.append(digits.charAt(i));
        }
        return b.toString();
    }

    private static String pad2(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static String pad3(int n) {
        return n < 10 ? "00" + n : n < 100 ? "0" + n : Integer.toString(n);
    }

    private static String pad4(int n) {
        return n < 10 ? "000" + n : n < 100 ? "00" + n : n < 1000 ? "0" + n : Integer.toString(n);
    }
}
