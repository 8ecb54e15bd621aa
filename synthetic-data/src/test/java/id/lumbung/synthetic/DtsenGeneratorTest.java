package id.lumbung.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lumbung.synthetic.ExtractFiles.Row;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DtsenGeneratorTest {

    static Set<String> districts;
    static Set<String> villages;

    @TempDir
    Path dir;

    @BeforeAll
    static void regions() throws IOException {
        districts = ExtractFiles.regionCodes(8);
        villages = ExtractFiles.regionCodes(13);
    }

    private static DtsenGenerator.Builder generator(int households, long seed) {
        return DtsenGenerator.builder().households(households).seed(seed);
    }

    @Test
    void theSameSeedAndOptionsGiveTheSameBytesAndAnotherSeedDoesNot() throws IOException {
        var options = generator(2_000, 42).regionPrefix("33.18").update(true);
        options.build().write(dir.resolve("a"));
        options.build().write(dir.resolve("b"));
        generator(2_000, 43).regionPrefix("33.18").update(true).build().write(dir.resolve("c"));
        generator(2_000, 42).regionPrefix("33.18").build().write(dir.resolve("d"));
        for (String file : List.of("households.csv", "persons.csv", "update-households.csv", "update-persons.csv",
                "update-changes.csv", "manifest.json")) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(file)));
        }
        assertThat(Files.readAllBytes(dir.resolve("c/households.csv"))).isNotEqualTo(Files.readAllBytes(dir.resolve("a/households.csv")));
        assertThat(Files.readAllBytes(dir.resolve("c/persons.csv"))).isNotEqualTo(Files.readAllBytes(dir.resolve("a/persons.csv")));
        // the base extract does not depend on whether the month after is written
        assertThat(Files.readAllBytes(dir.resolve("d/persons.csv"))).isEqualTo(Files.readAllBytes(dir.resolve("a/persons.csv")));
        assertThat(Files.exists(dir.resolve("d/update-households.csv"))).isFalse();
    }

    @Test
    void everyGoodNikFollowsTheNikRulesAgreesWithSexAndBirthAndIsUnique() throws IOException {
        var manifest = generator(3_000, 7).build().write(dir);
        var bad = badLines(manifest, "persons.csv");
        var seen = new HashSet<String>();
        int checked = 0;
        for (Row p : ExtractFiles.read(dir.resolve("persons.csv"))) {
            if (bad.contains(p.line())) {
                continue;
            }
            String nik = p.get("nik");
            assertThat(ExtractFiles.nikProblem(nik)).as("NIK %s on line %d", nik, p.line()).isNull();
            assertThat(districts).as("district of %s", nik)
                    .contains(nik.substring(0, 2) + "." + nik.substring(2, 4) + "." + nik.substring(4, 6));
            boolean female = p.get("sex").equals("FEMALE");
            assertThat(nik.substring(6, 12)).as("NIK %s of a %s born %s", nik, p.get("sex"), p.get("birth_date"))
                    .isEqualTo(ExtractFiles.encoded(female, LocalDate.parse(p.get("birth_date"))));
            assertThat(LocalDate.parse(p.get("birth_date"))).isBeforeOrEqualTo(manifest.referenceDate());
            assertThat(seen.add(nik)).as("NIK %s twice", nik).isTrue();
            checked++;
        }
        assertThat(checked).isEqualTo(manifest.expected().personsImported());
    }

    @Test
    void everyGoodFamilyHasOneHeadOneToNineMembersAndAUniqueNoKkOfItsDistrict() throws IOException {
        var manifest = generator(3_000, 11).regionPrefix("33.18").build().write(dir);
        var badHouseholds = badLines(manifest, "households.csv");
        var badPersons = badLines(manifest, "persons.csv");
        var members = new HashMap<String, List<Row>>();
        for (Row p : ExtractFiles.read(dir.resolve("persons.csv"))) {
            if (!badPersons.contains(p.line())) {
                members.computeIfAbsent(p.get("no_kk"), k -> new ArrayList<>()).add(p);
            }
        }
        var kks = new HashSet<String>();
        int good = 0;
        for (Row h : ExtractFiles.read(dir.resolve("households.csv"))) {
            if (badHouseholds.contains(h.line())) {
                continue;
            }
            good++;
            String kk = h.get("no_kk");
            String village = h.get("village_code");
            assertThat(village).startsWith("33.18.");
            assertThat(villages).contains(village);
            assertThat(kk).matches("\\d{16}").startsWith(village.substring(0, 8).replace(".", ""));
            assertThat(kks.add(kk)).as("No. KK %s twice", kk).isTrue();
            var family = members.get(kk);
            assertThat(family).as("members of %s", kk).hasSizeBetween(1, 9);
            assertThat(family.stream().filter(m -> m.get("relationship").equals("KEPALA_KELUARGA"))).hasSize(1);
            assertThat(family.getFirst().get("relationship")).isEqualTo("KEPALA_KELUARGA");
            assertThat(family.getFirst().get("life_status")).isEqualTo("ALIVE");
        }
        assertThat(good).isEqualTo(manifest.expected().householdsImported());
    }

    @Test
    void theManifestCountsWhatTheFilesHoldAndReadsBackEqual() throws IOException {
        var manifest = generator(5_000, 3).update(true).build().write(dir);
        assertThat(Manifest.read(dir.resolve(Manifest.FILE))).isEqualTo(manifest);

        var households = ExtractFiles.read(dir.resolve("households.csv"));
        var persons = ExtractFiles.read(dir.resolve("persons.csv"));
        var counts = manifest.counts();
        assertThat(counts.households()).isEqualTo(households.size()).isEqualTo(manifest.households());
        assertThat(counts.persons()).isEqualTo(persons.size());
        assertThat(manifest.expected().rowsRead()).isEqualTo(households.size() + persons.size());

        var byDesil = new TreeMap<String, Long>();
        var villageCodes = new HashSet<String>();
        for (Row h : households) {
            if (!h.malformed()) {
                byDesil.merge(h.get("desil").isEmpty() ? "none" : h.get("desil"), 1L, Long::sum);
                villageCodes.add(h.get("village_code"));
            }
        }
        assertThat(counts.byDesil()).containsExactlyInAnyOrderEntriesOf(byDesil);
        assertThat(counts.villages()).isEqualTo(villageCodes.size());

        var byExclusion = new TreeMap<String, Long>();
        ExtractFiles.EMPLOYMENT.forEach(e -> byExclusion.put(e, 0L));
        var excludedKks = new HashSet<String>();
        long deceased = 0;
        long moved = 0;
        for (Row p : persons) {
            if (p.malformed()) {
                continue;
            }
            for (String fact : p.get("employment").split(";")) {
                if (byExclusion.containsKey(fact)) {
                    byExclusion.merge(fact, 1L, Long::sum);
                    excludedKks.add(p.get("no_kk"));
                }
            }
            if (p.get("life_status").equals("DECEASED")) {
                deceased++;
                assertThat(ExtractFiles.date(p.get("death_date"))).isNotNull().isBeforeOrEqualTo(manifest.referenceDate());
            } else if (p.get("life_status").equals("MOVED")) {
                moved++;
            }
        }
        assertThat(counts.byExclusion()).containsExactlyInAnyOrderEntriesOf(byExclusion);
        assertThat(counts.householdsWithExclusion())
                .isEqualTo(households.stream().filter(h -> !h.malformed() && excludedKks.contains(h.get("no_kk"))).count());
        assertThat(counts.deceased()).isEqualTo(deceased).isPositive();
        assertThat(counts.moved()).isEqualTo(moved).isPositive();

        var update = manifest.update();
        assertThat(ExtractFiles.read(dir.resolve("update-households.csv"))).hasSize((int) update.households());
        assertThat(ExtractFiles.read(dir.resolve("update-persons.csv"))).hasSize((int) update.persons());
        var changes = ExtractFiles.read(dir.resolve("update-changes.csv"));
        var byChange = changes.stream().collect(Collectors.groupingBy(r -> r.get("change"), Collectors.counting()));
        assertThat(byChange).containsExactlyInAnyOrderEntriesOf(Map.of("VILLAGE_MOVE", update.villageMoves(),
                "DEATH", update.deaths(), "BIRTH", update.births(), "DEPARTURE", update.departures(), "DESIL", update.desilChanges()));
    }

    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 20251001 })
    void theExpectedErrorsAreWhatTheRegistryRulesFindInTheFiles(long seed) throws IOException {
        var manifest = generator(1_000, seed).regionPrefix("33.18").build().write(dir);
        var households = ExtractFiles.read(dir.resolve("households.csv"));
        var persons = ExtractFiles.read(dir.resolve("persons.csv"));
        var found = ExtractFiles.importErrors(households, persons, villages, districts, manifest.referenceDate().plusYears(1));
        var expected = manifest.expected().errors().stream().map(e -> e.file() + ":" + e.line() + ":" + e.code()).toList();
        assertThat(found).containsExactlyInAnyOrderElementsOf(expected);

        // the job's counters follow from the error rows
        var badLines = manifest.expected().errors().stream().map(e -> e.file() + ":" + e.line()).distinct().count();
        assertThat(manifest.expected().badRows()).isEqualTo(badLines);
        var badHouseholds = badLines(manifest, "households.csv");
        var goodKks = households.stream().filter(h -> !badHouseholds.contains(h.line())).map(h -> h.get("no_kk")).collect(Collectors.toSet());
        var badPersons = badLines(manifest, "persons.csv");
        assertThat(manifest.expected().householdsImported()).isEqualTo(goodKks.size());
        assertThat(manifest.expected().personsImported()).isEqualTo(
                persons.stream().filter(p -> !badPersons.contains(p.line()) && goodKks.contains(p.get("no_kk"))).count());

        // at 1,000 families every kind of defect is there, with its code
        assertThat(manifest.defects()).hasSize(Defect.values().length).allSatisfy((kind, n) -> assertThat(n).as(kind).isPositive());
        var codes = manifest.expected().errors().stream().map(Manifest.RowError::code).collect(Collectors.toSet());
        assertThat(codes).containsAll(Arrays.stream(Defect.values()).map(Defect::code).toList())
                .contains("MEMBER_REJECTED", "HOUSEHOLD_REJECTED");
        long byCode = Stream.concat(manifest.expected().badHouseholdRows().values().stream(),
                manifest.expected().badPersonRows().values().stream()).mapToLong(Long::longValue).sum();
        assertThat(byCode).isEqualTo(manifest.expected().errors().size());
    }

    @Test
    void desilIsRoughlyUniformWithSomeWithoutAndTheHouseFollowsIt() throws IOException {
        var manifest = generator(20_000, 5).build().write(dir);
        long households = manifest.counts().households();
        for (int d = 1; d <= 10; d++) {
            assertThat((double) manifest.counts().byDesil().get(Integer.toString(d)) / households).as("desil %d", d)
                    .isBetween(0.08, 0.11);
        }
        assertThat((double) manifest.counts().byDesil().get("none") / households).isBetween(0.035, 0.065);
        assertThat((double) manifest.counts().persons() / households).isBetween(3.3, 4.0);
        assertThat(manifest.counts().byExclusion()).allSatisfy((fact, n) -> assertThat(n).as(fact).isPositive());
        assertThat((double) manifest.counts().householdsWithExclusion() / households).isBetween(0.03, 0.2);

        // poorer deciles: less income per person, smaller connections, more bamboo walls, more KKS cards
        var persons = ExtractFiles.read(dir.resolve("persons.csv")).stream().filter(p -> !p.malformed())
                .collect(Collectors.groupingBy(p -> p.get("no_kk"), Collectors.counting()));
        double[] incomePerPerson = new double[11];
        long[] n = new long[11];
        long[] small = new long[11];
        long[] bamboo = new long[11];
        long[] kks = new long[11];
        for (Row h : ExtractFiles.read(dir.resolve("households.csv"))) {
            if (h.malformed() || h.get("desil").isEmpty() || !h.get("monthly_income").matches("\\d+") || !persons.containsKey(h.get("no_kk"))) {
                continue;
            }
            int d = Integer.parseInt(h.get("desil"));
            n[d]++;
            incomePerPerson[d] += Double.parseDouble(h.get("monthly_income")) / persons.get(h.get("no_kk"));
            small[d] += Set.of("0", "450").contains(h.get("electricity_va")) ? 1 : 0;
            bamboo[d] += h.get("wall_type").contains("BAMBU") ? 1 : 0;
            kks[d] += h.get("kks_card").equals("true") ? 1 : 0;
        }
        for (int d = 2; d <= 10; d++) {
            assertThat(incomePerPerson[d] / n[d]).as("income per person, desil %d", d).isGreaterThan(incomePerPerson[d - 1] / n[d - 1]);
        }
        assertThat((double) small[1] / n[1]).isGreaterThan(0.4).isGreaterThan(4.0 * small[10] / n[10]);
        assertThat((double) bamboo[1] / n[1]).isGreaterThan(3.0 * bamboo[10] / n[10] + 0.05);
        assertThat((double) kks[1] / n[1]).isGreaterThan(0.4);
        assertThat((double) kks[10] / n[10]).isLessThan(0.06);
    }

    @Test
    void theMonthAfterMovesFamiliesKeepsTheirCardAndRecordsDeathsBirthsAndDesil() throws IOException {
        var manifest = generator(5_000, 9).regionPrefix("33.18").update(true).build().write(dir);
        var update = manifest.update();
        assertThat(update.date()).isEqualTo(LocalDate.of(2025, 11, 1));
        assertThat(update.villageMoves()).isPositive();
        assertThat(update.deaths()).isPositive();
        assertThat(update.births()).isPositive();
        assertThat(update.departures()).isPositive();
        assertThat(update.desilChanges()).isPositive();

        var badHouseholds = badLines(manifest, "households.csv");
        var base = new HashMap<String, Row>();
        ExtractFiles.read(dir.resolve("households.csv")).stream().filter(h -> !badHouseholds.contains(h.line()))
                .forEach(h -> base.put(h.get("no_kk"), h));
        var basePersons = new HashMap<String, Row>();
        ExtractFiles.read(dir.resolve("persons.csv")).stream().filter(p -> !p.malformed()).forEach(p -> basePersons.put(p.get("nik"), p));
        var next = new HashMap<String, Row>();
        for (Row h : ExtractFiles.read(dir.resolve("update-households.csv"))) {
            assertThat(base).as("the card %s is in the base extract", h.get("no_kk")).containsKey(h.get("no_kk"));
            next.put(h.get("no_kk"), h);
        }
        var nextPersons = new HashMap<String, Row>();
        var heads = new HashMap<String, Integer>();
        for (Row p : ExtractFiles.read(dir.resolve("update-persons.csv"))) {
            assertThat(ExtractFiles.nikProblem(p.get("nik"))).isNull();
            nextPersons.put(p.get("nik"), p);
            heads.merge(p.get("no_kk"), p.get("relationship").equals("KEPALA_KELUARGA") ? 1 : 0, Integer::sum);
        }
        assertThat(heads.keySet()).isEqualTo(next.keySet());
        assertThat(heads.values()).containsOnly(1);
        var villagesAfter = ExtractFiles.importErrors(new ArrayList<>(next.values()), new ArrayList<>(nextPersons.values()),
                villages, districts, manifest.referenceDate().plusYears(1));
        assertThat(villagesAfter).as("the month's extract imports clean").isEmpty();

        for (Row c : ExtractFiles.read(dir.resolve("update-changes.csv"))) {
            String kk = c.get("no_kk");
            String value = c.get("value");
            switch (c.get("change")) {
                case "VILLAGE_MOVE" -> {
                    assertThat(next.get(kk).get("village_code")).isEqualTo(value).isNotEqualTo(base.get(kk).get("village_code"));
                    assertThat(villages).contains(value);
                    assertThat(value).startsWith("33.18.");
                }
                case "DEATH" -> {
                    var p = nextPersons.get(c.get("nik"));
                    assertThat(basePersons.get(c.get("nik")).get("life_status")).isEqualTo("ALIVE");
                    assertThat(p.get("life_status")).isEqualTo("DECEASED");
                    assertThat(LocalDate.parse(p.get("death_date"))).isEqualTo(value).isAfter(manifest.referenceDate())
                            .isBeforeOrEqualTo(update.date());
                }
                case "DEPARTURE" -> {
                    assertThat(basePersons.get(c.get("nik")).get("life_status")).isEqualTo("ALIVE");
                    assertThat(nextPersons.get(c.get("nik")).get("life_status")).isEqualTo("MOVED");
                }
                case "BIRTH" -> {
                    var p = nextPersons.get(c.get("nik"));
                    assertThat(basePersons).doesNotContainKey(c.get("nik"));
                    assertThat(p.get("relationship")).isEqualTo("ANAK");
                    assertThat(p.get("no_kk")).isEqualTo(kk);
                    assertThat(LocalDate.parse(p.get("birth_date"))).isAfter(manifest.referenceDate()).isBeforeOrEqualTo(update.date());
                    // registered where the family lives now
                    assertThat(p.get("nik")).startsWith(next.get(kk).get("village_code").substring(0, 8).replace(".", ""));
                }
                case "DESIL" -> {
                    assertThat(next.get(kk).get("desil")).isEqualTo(value).isNotEqualTo(base.get(kk).get("desil"));
                    assertThat(next.get(kk).get("desil_period")).isEqualTo(update.desilPeriod());
                }
                default -> throw new AssertionError("unknown change " + c.get("change"));
            }
        }
    }

    @Test
    void ndjsonCarriesTheSameKindsOfFamiliesOneLinePerHousehold() throws IOException {
        var manifest = generator(1_500, 4).regionPrefix("33.18").format(DtsenGenerator.Format.NDJSON).update(true).build().write(dir);
        assertThat(manifest.files()).isEqualTo(Map.of("households", "households.ndjson"));
        assertThat(manifest.defects()).doesNotContainKeys("UNKNOWN_KK", "MALFORMED_PERSON")
                .allSatisfy((kind, n) -> assertThat(n).as(kind).isPositive());
        var lines = Files.readAllLines(dir.resolve("households.ndjson"), StandardCharsets.UTF_8);
        assertThat(lines).hasSize((int) manifest.counts().households());
        assertThat(manifest.expected().rowsRead()).isEqualTo(lines.size());
        var errorLines = manifest.expected().errors().stream().map(Manifest.RowError::line).collect(Collectors.toSet());
        var malformed = manifest.expected().errors().stream().filter(e -> e.code().equals("MALFORMED_ROW"))
                .map(Manifest.RowError::line).collect(Collectors.toSet());
        long members = 0;
        for (int i = 0; i < lines.size(); i++) {
            long line = i + 1;
            Object parsed;
            try {
                parsed = Json.parse(lines.get(i));
            } catch (IllegalArgumentException e) {
                assertThat(malformed).as("line %d is not JSON", line).contains(line);
                continue;
            }
            @SuppressWarnings("unchecked")
            var household = (Map<String, Object>) parsed;
            @SuppressWarnings("unchecked")
            var list = (List<Map<String, Object>>) household.get("members");
            members += list.size();
            if (!errorLines.contains(line)) {
                assertThat(list).hasSizeBetween(1, 9);
                for (var m : list) {
                    String nik = (String) m.get("nik");
                    assertThat(ExtractFiles.nikProblem(nik)).isNull();
                    assertThat(nik.substring(6, 12)).isEqualTo(ExtractFiles.encoded("FEMALE".equals(m.get("sex")),
                            LocalDate.parse((String) m.get("birthDate"))));
                }
            }
        }
        assertThat(manifest.expected().householdsImported()).isEqualTo(lines.size() - errorLines.size());
        assertThat(manifest.expected().badRows()).isEqualTo(errorLines.size());
        assertThat(manifest.expected().badPersonRows()).isEmpty();
        assertThat(members).isGreaterThan(3L * lines.size());
        assertThat(Files.readAllLines(dir.resolve("update.ndjson"))).hasSize((int) manifest.update().households());
    }

    @Test
    void noBadRowsWhenTheShareIsZeroAndOptionsAreChecked() throws IOException {
        var manifest = generator(1_000, 8).badRowShare(0).build().write(dir);
        assertThat(manifest.expected().errors()).isEmpty();
        assertThat(manifest.expected().householdsImported()).isEqualTo(1_000);
        assertThat(manifest.expected().personsImported()).isEqualTo(manifest.counts().persons());
        assertThatThrownBy(() -> generator(10, 1).badRowShare(0.5).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> generator(0, 1).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> generator(10, 1).regionPrefix("Jepara").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> generator(10, 1).regionPrefix("99.99").build().write(dir.resolve("none")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("99.99");
    }

    @Test
    void theCommandLineWritesAnExtractWithItsManifest() throws Exception {
        Path out = dir.resolve("cli");
        Main.main(new String[] { "--households", "300", "--seed", "42", "--out", out.toString(), "--region", "33.18.01",
                "--update", "--bad-share", "0.01", "--reference-date", "2025-07-01" });
        var manifest = Manifest.read(out.resolve(Manifest.FILE));
        assertThat(manifest.households()).isEqualTo(300);
        assertThat(manifest.seed()).isEqualTo(42);
        assertThat(manifest.regionPrefix()).isEqualTo("33.18.01");
        assertThat(manifest.desilPeriod()).isEqualTo("2025-Q3");
        assertThat(manifest.update().date()).isEqualTo(LocalDate.of(2025, 8, 1));
        assertThat(manifest.defects().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(3);
        assertThat(ExtractFiles.read(out.resolve("households.csv"))).hasSize(300)
                .allSatisfy(h -> assertThat(h.malformed() || h.get("village_code").startsWith("33.18.01.")).isTrue());
    }

    private static Set<Long> badLines(Manifest manifest, String file) {
        return manifest.expected().errors().stream().filter(e -> e.file().equals(file)).map(Manifest.RowError::line)
                .collect(Collectors.toSet());
    }
}
