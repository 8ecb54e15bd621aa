package id.lumbung.registry.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import id.lumbung.platform.security.Roles;
import id.lumbung.platform.testing.TestTokens;
import id.lumbung.platform.testing.TestTopics;
import id.lumbung.registry.events.HouseholdEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ImportResourceTest {

    static final String KEMENSOS = TestTokens.token(Roles.KEMENSOS);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anNdjsonExtractImportsTheGoodFamiliesAndReportsEveryBadLine() throws Exception {
        var job = importAndWait(resource("families.ndjson"), ImportFormat.NDJSON_TYPE, "households", KEMENSOS);
        assertThat(job.getString("status")).isEqualTo("COMPLETED");
        assertThat(job.getLong("rowsRead")).isEqualTo(18);
        assertThat(job.getLong("rowsDone")).isEqualTo(18);
        assertThat(job.getLong("badRows")).isEqualTo(15);
        assertThat(job.getLong("householdsCreated")).isEqualTo(3);

        var errors = errors(job.getString("id"), KEMENSOS);
        assertThat(errors).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry(4L, List.of("MALFORMED_ROW")),
                Map.entry(5L, List.of("INVALID_NIK")),
                Map.entry(6L, List.of("UNKNOWN_DISTRICT")),
                Map.entry(7L, List.of("NIK_MISMATCH")),
                Map.entry(8L, List.of("UNKNOWN_VILLAGE")),
                Map.entry(9L, List.of("UNKNOWN_VILLAGE")),
                Map.entry(10L, List.of("INVALID_DESIL")),
                Map.entry(11L, List.of("INVALID_DESIL")),
                Map.entry(12L, List.of("ONE_HEAD")),
                Map.entry(13L, List.of("ONE_HEAD")),
                Map.entry(14L, List.of("NIK_ON_TWO_KK")),
                Map.entry(15L, List.of("NIK_ON_TWO_KK")),
                Map.entry(16L, List.of("UNKNOWN_RELATIONSHIP")),
                Map.entry(17L, List.of("UNKNOWN_EMPLOYMENT")),
                Map.entry(18L, List.of("INVALID_DATE"))));

        // the report names the member and never shows a whole NIK
        given().auth().oauth2(KEMENSOS).queryParam("size", 100)
                .when().get("/api/v1/imports/{id}/errors", job.getString("id"))
                .then().statusCode(200)
                .body("total", equalTo(15))
                .body("items.find { it.line == 7 }.field", equalTo("members[1].nik"))
                .body("items.find { it.line == 7 }.value", equalTo("332005**********"))
                .body("items.find { it.line == 12 }.reason", containsString("this one has 2"));
        String csv = given().auth().oauth2(KEMENSOS)
                .when().get("/api/v1/imports/{id}/errors.csv", job.getString("id"))
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertThat(csv.lines()).hasSize(16).first().isEqualTo("file,line,field,code,reason,value");
        assertThat(csv).contains("\"households.ndjson\",7,\"members[1].nik\",\"NIK_MISMATCH\"").doesNotContain("3320050705820007");

        // what went in: the family with its members, its desil, and one registered event each
        assertThat(number("select count(*) from household where no_kk like '33200501012500%'")).isEqualTo(3);
        assertThat(number("select count(*) from membership m join household h on h.id = m.household_id "
                + "where h.no_kk like '33200501012500%' and m.valid_to is null")).isEqualTo(6);
        String first = householdId("3320050101250001");
        var registered = TestTopics.await(HouseholdEvents.TOPIC, r -> first.equals(r.key()), Duration.ofSeconds(30)).event();
        assertThat(registered.get("type").asText()).isEqualTo(HouseholdEvents.REGISTERED);
        assertThat(registered.get("specversion").asText()).isEqualTo("1.0");
        assertThat(registered.get("source").asText()).isEqualTo("/lumbung/registry-service");
        assertThat(registered.get("subject").asText()).isEqualTo(first);
        assertThat(registered.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(registered.get("data").get("desil").asInt()).isEqualTo(2);
        assertThat(registered.get("data").get("desilPeriod").asText()).isEqualTo("2025-Q4");
        assertThat(registered.get("data").get("version").asLong()).isZero();
        assertThat(registered.get("data").get("members")).hasSize(3);
        assertThat(registered.get("data").get("members").get(1).get("birthDate").asText()).isEqualTo("1982-05-07");
        assertThat(registered.get("data").get("members").get(1).get("fullName").asText()).isEqualTo("SRI WAHYUNI");

        // the same file again changes nothing: no version, no history, no event
        long changes = number("select count(*) from change_log");
        long events = number("select count(*) from outbox_event");
        var again = importAndWait(resource("families.ndjson"), ImportFormat.NDJSON_TYPE, "households", KEMENSOS);
        assertThat(again.getLong("householdsCreated")).isZero();
        assertThat(again.getLong("householdsUpdated")).isZero();
        assertThat(again.getLong("householdsUnchanged")).isEqualTo(3);
        assertThat(again.getLong("badRows")).isEqualTo(15);
        assertThat(number("select count(*) from change_log")).isEqualTo(changes);
        assertThat(number("select count(*) from outbox_event")).isEqualTo(events);
        assertThat(number("select max(version) from household where no_kk like '33200501012500%'")).isZero();
        assertThat(householdId("3320050101250001")).isEqualTo(first);

        // a new quarter's desil for one family: one new version, one change_log row, one updated event
        String third = householdId("3320050101250003");
        var changed = importAndWait(resource("families-desil-changed.ndjson"), ImportFormat.NDJSON_TYPE, null, KEMENSOS);
        assertThat(changed.getLong("householdsUpdated")).isEqualTo(1);
        assertThat(changed.getLong("householdsUnchanged")).isEqualTo(2);
        assertThat(number("select count(*) from change_log")).isEqualTo(changes + 1);
        assertThat(number("select count(*) from outbox_event")).isEqualTo(events + 1);
        assertThat(number("select version from household where id = '" + third + "'")).isEqualTo(1);
        var records = TestTopics.readUntil(HouseholdEvents.TOPIC,
                rs -> rs.stream().anyMatch(r -> third.equals(r.key()) && r.event().get("type").asText().equals(HouseholdEvents.UPDATED)),
                Duration.ofSeconds(30));
        var forThird = records.stream().filter(r -> third.equals(r.key())).toList();
        assertThat(forThird).extracting(r -> r.event().get("type").asText())
                .containsExactly(HouseholdEvents.REGISTERED, HouseholdEvents.UPDATED);
        var updated = forThird.get(1).event().get("data");
        assertThat(updated.get("desil").asInt()).isEqualTo(4);
        assertThat(updated.get("version").asLong()).isEqualTo(1);
        assertThat(updated.get("members").get(0).get("employment").get(0).asText()).isEqualTo("PERANGKAT_DESA");
        assertThat(records.stream().filter(r -> first.equals(r.key()))).hasSize(1);
    }

    @Test
    void aCsvPairImportsLinkedByNoKkAndRejectsFamiliesWithABadMember() throws Exception {
        String id = given().auth().oauth2(KEMENSOS).contentType(ImportFormat.CSV_TYPE).queryParam("kind", "households")
                .body(resource("households.csv"))
                .when().post("/api/v1/imports")
                .then().statusCode(202)
                .header("Location", containsString("/api/v1/imports/"))
                .body("phase", equalTo("AWAITING_PERSONS"))
                .body("rowsRead", equalTo(7))
                .extract().path("id");
        given().auth().oauth2(KEMENSOS).contentType(ImportFormat.CSV_TYPE)
                .queryParam("kind", "persons").queryParam("job", id)
                .body(resource("persons.csv"))
                .when().post("/api/v1/imports")
                .then().statusCode(202)
                .body("id", equalTo(id));
        var job = awaitDone(id, KEMENSOS);
        assertThat(job.getString("status")).isEqualTo("COMPLETED");
        assertThat(job.getLong("rowsRead")).isEqualTo(14);
        assertThat(job.getLong("badRows")).isEqualTo(9);
        assertThat(job.getLong("householdsCreated")).isEqualTo(2);

        var report = given().auth().oauth2(KEMENSOS).when().get("/api/v1/imports/{id}/errors", id)
                .then().statusCode(200).extract().jsonPath();
        Map<String, List<String>> byLine = report.getList("items", Map.class).stream().collect(Collectors.groupingBy(
                e -> e.get("file") + ":" + e.get("line"), Collectors.mapping(e -> (String) e.get("code"), Collectors.toList())));
        assertThat(byLine).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("households.csv:4", List.of("INVALID_NUMBER")),
                Map.entry("households.csv:5", List.of("MEMBER_REJECTED")),
                Map.entry("households.csv:6", List.of("INVALID_NO_KK", "NO_MEMBERS")),
                Map.entry("households.csv:7", List.of("ONE_HEAD")),
                Map.entry("households.csv:8", List.of("MALFORMED_ROW")),
                Map.entry("persons.csv:5", List.of("HOUSEHOLD_REJECTED")),
                Map.entry("persons.csv:6", List.of("NIK_MISMATCH")),
                Map.entry("persons.csv:7", List.of("HOUSEHOLD_REJECTED")),
                Map.entry("persons.csv:8", List.of("UNKNOWN_KK"))));

        assertThat(text("select village_code || '|' || array_to_string(assets, ';') || '|' || livestock::text || '|' || desil "
                + "from household where no_kk = '3320040101250001'"))
                .isEqualTo("33.20.04.2001|SEPEDA_MOTOR;TV|{\"AYAM\": 10, \"KAMBING\": 2}|3");
        assertThat(text("select address || '|' || village_code || '|' || (desil is null) from household where no_kk = '3320040101250002'"))
                .isEqualTo("Dk. Krajan, RT 3|33.20.04.2002|true");
        assertThat(text("select array_to_string(employment, ';') from person where nik = '3320040101700001'")).isEqualTo("ASN");
    }

    @Test
    void aPersonOnANewFamilyCardLeavesTheOldOneWithHistory() throws Exception {
        String oldCard = """
                {"noKk": "3320050201250001", "villageCode": "33.20.05.2003", "address": "Jl. Lama",
                 "members": [{"nik": "3320051208850001", "fullName": "Darto", "sex": "MALE", "birthDate": "1985-08-12", "relationship": "KEPALA_KELUARGA"},
                             {"nik": "3320051509100001", "fullName": "Dani", "sex": "MALE", "birthDate": "2010-09-15", "relationship": "ANAK"}]}
                """.replace("\n", " ") + "\n";
        importAndWait(oldCard.getBytes(), ImportFormat.NDJSON_TYPE, "households", KEMENSOS);
        String oldId = householdId("3320050201250001");
        // the son splits off with his own card
        String newCard = """
                {"noKk": "3320050201250002", "villageCode": "33.20.05.2003", "address": "Jl. Baru",
                 "members": [{"nik": "3320051509100001", "fullName": "Dani", "sex": "MALE", "birthDate": "2010-09-15", "relationship": "KEPALA_KELUARGA"}]}
                """.replace("\n", " ") + "\n";
        var job = importAndWait(newCard.getBytes(), ImportFormat.NDJSON_TYPE, "households", KEMENSOS);
        assertThat(job.getLong("householdsCreated")).isEqualTo(1);
        assertThat(job.getLong("otherHouseholdsUpdated")).isEqualTo(1);
        assertThat(number("select count(*) from membership where nik = '3320051509100001'")).isEqualTo(2);
        assertThat(number("select count(*) from membership where nik = '3320051509100001' and valid_to is null "
                + "and household_id = (select id from household where no_kk = '3320050201250002')")).isEqualTo(1);
        assertThat(number("select version from household where id = '" + oldId + "'")).isEqualTo(1);
        var update = TestTopics.await(HouseholdEvents.TOPIC,
                r -> oldId.equals(r.key()) && r.event().get("type").asText().equals(HouseholdEvents.UPDATED), Duration.ofSeconds(30));
        assertThat(update.event().get("data").get("members")).hasSize(1);
    }

    @Test
    void aDistrictOfficeImportsOnlyIntoItsOwnRegency() throws Exception {
        String dinsos = TestTokens.token(Roles.DINSOS, "33.20");
        String semarang = """
                {"noKk": "3374010101250001", "villageCode": "33.74.01.1001", "address": "Jl. Pemuda",
                 "members": [{"nik": "3374011203800001", "fullName": "Hadi", "sex": "MALE", "birthDate": "1980-03-12", "relationship": "KEPALA_KELUARGA"}]}
                """.replace("\n", " ") + "\n";
        given().auth().oauth2(dinsos).contentType(ImportFormat.NDJSON_TYPE).queryParam("kind", "households")
                .body(semarang.getBytes())
                .when().post("/api/v1/imports")
                .then().statusCode(403)
                .contentType("application/problem+json");
        assertThat(number("select count(*) from household where no_kk = '3374010101250001'")).isZero();

        String jepara = """
                {"noKk": "3320050301250001", "villageCode": "33.20.05.2004", "address": "Jl. Bawu",
                 "members": [{"nik": "3320051203800301", "fullName": "Karno", "sex": "MALE", "birthDate": "1980-03-12", "relationship": "KEPALA_KELUARGA"}]}
                """.replace("\n", " ") + "\n";
        var job = importAndWait((jepara + semarang).getBytes(), ImportFormat.NDJSON_TYPE, "households", dinsos);
        assertThat(job.getLong("householdsCreated")).isEqualTo(1);
        assertThat(errors(job.getString("id"), dinsos)).containsExactly(Map.entry(2L, List.of("OUT_OF_SCOPE")));
        assertThat(number("select count(*) from household where no_kk = '3374010101250001'")).isZero();

        // another office does not see this job
        given().auth().oauth2(TestTokens.token("dinsos-semarang", java.util.Set.of(Roles.DINSOS), List.of("33.74")))
                .when().get("/api/v1/imports/{id}", job.getString("id"))
                .then().statusCode(404);
    }

    @Test
    void anUploadThatIsNotAnExtractIsRefusedWithProblemJson() {
        given().auth().oauth2(KEMENSOS).contentType("text/plain").queryParam("kind", "households").body("hello".getBytes())
                .when().post("/api/v1/imports")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("text/csv"));
        given().auth().oauth2(KEMENSOS).contentType(ImportFormat.CSV_TYPE).queryParam("kind", "pets").body("a,b\n".getBytes())
                .when().post("/api/v1/imports")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(KEMENSOS).contentType(ImportFormat.CSV_TYPE).body("no_kk\n".getBytes())
                .when().post("/api/v1/imports")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(KEMENSOS).contentType(ImportFormat.CSV_TYPE).queryParam("kind", "households")
                .body("no_kk,village_code,address,warna\n".getBytes())
                .when().post("/api/v1/imports")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("warna"));
        given().auth().oauth2(TestTokens.token(Roles.OPERATOR_DESA, "33.20.05.2001"))
                .contentType(ImportFormat.NDJSON_TYPE).body("{}\n".getBytes())
                .when().post("/api/v1/imports")
                .then().statusCode(403);
        given().auth().oauth2(KEMENSOS)
                .when().get("/api/v1/imports/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404).contentType("application/problem+json");
    }

    private JsonPath importAndWait(byte[] body, String contentType, String kind, String token) throws InterruptedException {
        var request = given().auth().oauth2(token).contentType(contentType).body(body);
        if (kind != null) {
            request = request.queryParam("kind", kind);
        }
        String id = request.when().post("/api/v1/imports")
                .then().statusCode(202)
                .header("Location", containsString("/api/v1/imports/"))
                .body("id", notNullValue())
                .extract().path("id");
        return awaitDone(id, token);
    }

    static JsonPath awaitDone(String id, String token) throws InterruptedException {
        Instant end = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(end)) {
            var job = given().auth().oauth2(token).when().get("/api/v1/imports/{id}", id)
                    .then().statusCode(200).extract().jsonPath();
            if (List.of("COMPLETED", "FAILED").contains(job.getString("status"))) {
                return job;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("import " + id + " did not finish");
    }

    /** Error codes by line, in report order. */
    private static Map<Long, List<String>> errors(String id, String token) {
        var page = given().auth().oauth2(token).queryParam("size", 1000)
                .when().get("/api/v1/imports/{id}/errors", id)
                .then().statusCode(200).extract().jsonPath();
        return page.getList("items", Map.class).stream().collect(Collectors.groupingBy(
                e -> ((Number) e.get("line")).longValue(), Collectors.mapping(e -> (String) e.get("code"), Collectors.toList())));
    }

    private String householdId(String noKk) throws SQLException {
        return text("select id::text from household where no_kk = '" + noKk + "' and status = 'ACTIVE'");
    }

    private long number(String sql) throws SQLException {
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String text(String sql) throws SQLException {
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = ImportResourceTest.class.getClassLoader().getResourceAsStream("imports/" + name)) {
            return in.readAllBytes();
        }
    }
}
