package id.lumbung.registry.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import id.lumbung.platform.security.Roles;
import id.lumbung.platform.testing.TestTokens;
import id.lumbung.synthetic.DtsenGenerator;
import id.lumbung.synthetic.Manifest;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A synthetic DTSEN extract of 1,000 families imported through the API: the job reports exactly what the
 * generator's manifest expects (rows, bad rows, every error row by file, line and code, families and members
 * taken in), then the month after moves families, records deaths, departures, births and new desil, and the
 * same month again changes nothing. The families live in Kabupaten Pati (33.18), where no other test writes, so
 * what the jobs count is this test's own.
 */
@QuarkusTest
class SyntheticExtractImportTest {

    static final String KEMENSOS = TestTokens.token(Roles.KEMENSOS);
    static final String REGION = "33.18";
    static final long SEED = 20251001L;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aSyntheticExtractImportsAsItsManifestSaysAndTheMonthAfterApplies() throws Exception {
        Path dir = Path.of("target", "synthetic-extract");
        Manifest manifest = DtsenGenerator.builder().households(1_000).seed(SEED).regionPrefix(REGION).update(true).build()
                .write(dir);
        var expected = manifest.expected();
        var month = manifest.update();
        // the extract carries every kind of bad row, and the month after every kind of change
        assertThat(manifest.defects()).allSatisfy((kind, n) -> assertThat(n).as(kind).isPositive());
        assertThat(List.of(month.villageMoves(), month.deaths(), month.births(), month.departures(), month.desilChanges()))
                .allSatisfy(n -> assertThat(n).isPositive());

        var job = importPair(dir.resolve("households.csv"), dir.resolve("persons.csv"));
        String id = job.getString("id");
        assertThat(job.getString("status")).isEqualTo("COMPLETED");
        assertThat(job.getLong("rowsRead")).isEqualTo(expected.rowsRead());
        assertThat(job.getLong("rowsDone")).isEqualTo(expected.rowsRead());
        assertThat(job.getLong("badRows")).isEqualTo(expected.badRows());
        assertThat(job.getLong("householdsCreated")).isEqualTo(expected.householdsImported());
        assertThat(job.getLong("householdsUpdated")).isZero();
        assertThat(job.getLong("householdsUnchanged")).isZero();
        assertThat(errors(id)).containsExactlyInAnyOrderElementsOf(
                expected.errors().stream().map(e -> e.file() + ":" + e.line() + ":" + e.code()).toList());

        var badHouseholdLines = expected.errors().stream().filter(e -> e.file().equals("households.csv"))
                .map(Manifest.RowError::line).collect(Collectors.toSet());
        var good = new ArrayList<String>();
        var rejected = new ArrayList<String>();
        var lines = Files.readAllLines(dir.resolve("households.csv"), StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            String noKk = lines.get(i).substring(0, lines.get(i).indexOf(','));
            (badHouseholdLines.contains((long) i + 1) ? rejected : good).add(noKk);
        }
        assertThat(good).hasSize((int) expected.householdsImported());
        assertThat(number("select count(*) from household where status = 'ACTIVE' and no_kk = any(?)", good))
                .isEqualTo(expected.householdsImported());
        assertThat(number("""
                select count(*) from membership m join household h on h.id = m.household_id
                where m.valid_to is null and h.status = 'ACTIVE' and h.no_kk = any(?)""", good))
                .isEqualTo(expected.personsImported());
        assertThat(number("select count(*) from household where no_kk = any(?)", rejected)).isZero();
        // fresh families are merged in chunks side by side, their events built from the staged rows: each event
        // carries exactly the state the registry now holds
        assertThat(number("""
                select count(*) from outbox_event o
                join household h on h.id::text = o.event_key and h.no_kk = any(?)
                join import_household_states(array[h.id]) s on s.state = o.payload -> 'data'
                where o.event_type = 'id.lumbung.registry.household.registered'""", good))
                .isEqualTo(expected.householdsImported());

        // the month after: every family of the file changed, each change is in the registry
        var changes = readCsv(dir.resolve(month.changesFile()));
        var monthKks = changes.stream().map(c -> c.get("no_kk")).distinct().toList();
        assertThat(monthKks).hasSize((int) month.households());
        var next = importPair(dir.resolve(month.files().get("households")), dir.resolve(month.files().get("persons")));
        assertThat(next.getString("status")).isEqualTo("COMPLETED");
        assertThat(next.getLong("rowsRead")).isEqualTo(month.rowsRead());
        assertThat(next.getLong("badRows")).isZero();
        assertThat(next.getLong("householdsCreated")).isZero();
        assertThat(next.getLong("householdsUpdated")).isEqualTo(month.householdsUpdated());
        assertThat(next.getLong("householdsUnchanged")).isZero();
        for (var c : changes) {
            String noKk = c.get("no_kk");
            String value = c.get("value");
            switch (c.get("change")) {
                case "VILLAGE_MOVE" -> assertThat(text("select village_code from household where status = 'ACTIVE' and no_kk = ?", noKk))
                        .as("village of %s", noKk).isEqualTo(value);
                case "DEATH" -> assertThat(text("select life_status || ' ' || death_date from person where nik = ?", c.get("nik")))
                        .isEqualTo("DECEASED " + value);
                case "DEPARTURE" -> assertThat(text("select life_status from person where nik = ?", c.get("nik"))).isEqualTo("MOVED");
                case "BIRTH" -> assertThat(text("""
                        select m.relationship || ' ' || p.birth_date from person p
                        join membership m on m.nik = p.nik and m.valid_to is null
                        join household h on h.id = m.household_id
                        where p.nik = ? and h.no_kk = ?""", c.get("nik"), noKk)).isEqualTo("ANAK " + value);
                case "DESIL" -> assertThat(text("select desil || ' ' || desil_period from household where status = 'ACTIVE' and no_kk = ?", noKk))
                        .isEqualTo(value + " " + month.desilPeriod());
                default -> throw new AssertionError("unknown change " + c.get("change"));
            }
        }

        // the same month again: nothing changes, no new version, no history, no event
        String versions = "select sum(version) from household where no_kk = any(?)";
        String history = "select count(*) from change_log where entity = 'household' and entity_id in "
                + "(select id::text from household where no_kk = any(?))";
        String events = "select count(*) from outbox_event where event_key in (select id::text from household where no_kk = any(?))";
        long versionsBefore = number(versions, monthKks);
        long historyBefore = number(history, monthKks);
        long eventsBefore = number(events, monthKks);
        var again = importPair(dir.resolve(month.files().get("households")), dir.resolve(month.files().get("persons")));
        assertThat(again.getString("status")).isEqualTo("COMPLETED");
        assertThat(again.getLong("householdsUpdated")).isZero();
        assertThat(again.getLong("householdsCreated")).isZero();
        assertThat(again.getLong("householdsUnchanged")).isEqualTo(month.households());
        assertThat(again.getLong("otherHouseholdsUpdated")).isZero();
        assertThat(number(versions, monthKks)).isEqualTo(versionsBefore);
        assertThat(number(history, monthKks)).isEqualTo(historyBefore);
        assertThat(number(events, monthKks)).isEqualTo(eventsBefore);
    }

    /** Uploads households.csv, then persons.csv to the same job, and waits for the job to finish. */
    private static JsonPath importPair(Path households, Path persons) throws IOException, InterruptedException {
        String id = given().auth().oauth2(KEMENSOS).contentType(ImportFormat.CSV_TYPE).queryParam("kind", "households")
                .body(Files.readAllBytes(households))
                .when().post("/api/v1/imports")
                .then().statusCode(202).extract().path("id");
        given().auth().oauth2(KEMENSOS).contentType(ImportFormat.CSV_TYPE).queryParam("kind", "persons").queryParam("job", id)
                .body(Files.readAllBytes(persons))
                .when().post("/api/v1/imports")
                .then().statusCode(202);
        return ImportResourceTest.awaitDone(id, KEMENSOS);
    }

    /** Every error row of a job as "file:line:code", all pages. */
    private static List<String> errors(String id) {
        var all = new ArrayList<String>();
        for (int page = 0; ; page++) {
            var items = given().auth().oauth2(KEMENSOS).queryParam("page", page).queryParam("size", 1000)
                    .when().get("/api/v1/imports/{id}/errors", id)
                    .then().statusCode(200).extract().jsonPath().getList("items", Map.class);
            items.forEach(e -> all.add(e.get("file") + ":" + e.get("line") + ":" + e.get("code")));
            if (items.size() < 1000) {
                return all;
            }
        }
    }

    /** A small CSV without quoted fields (the changes file) as maps by header. */
    private static List<Map<String, String>> readCsv(Path file) throws IOException {
        var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        var header = lines.getFirst().split(",", -1);
        var rows = new ArrayList<Map<String, String>>();
        for (String line : lines.subList(1, lines.size())) {
            var values = line.split(",", -1);
            var row = new HashMap<String, String>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], values[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    private long number(String sql, List<String> values) throws SQLException {
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("text", values.toArray()));
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String text(String sql, String... params) throws SQLException {
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            try (var rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
